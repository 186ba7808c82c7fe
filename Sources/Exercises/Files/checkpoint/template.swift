// Checkpoint and resume: save Adam's state as text and restore it, so that a run that is
// stopped and resumed takes exactly the same steps as one that never stopped.
//
// step(parameters:gradients:) is Adam without weight decay, already written. Implement
// checkpoint(), which returns the state as a String, and restore(from:), which reads it back
// into a fresh optimizer. The parameters themselves are saved by the caller.
//
// The checker runs some steps, saves, restores into a new ResumableAdam, runs on, and compares
// θ, m, v and t after every step with an uninterrupted run.
// Check with `optimlings check checkpoint`; `optimlings hint checkpoint` helps.

import ExerciseSupport
import Foundation

struct ResumableAdam {
  var lr: Double
  var beta1: Double
  var beta2: Double
  var eps: Double
  var m: [Double]
  var v: [Double]
  var t = 0

  init(
    parameterCount: Int, lr: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
    eps: Double = 1e-8
  ) {
    self.lr = lr
    self.beta1 = beta1
    self.beta2 = beta2
    self.eps = eps
    m = Array(repeating: 0, count: parameterCount)
    v = Array(repeating: 0, count: parameterCount)
  }

  mutating func step(parameters: inout [Double], gradients: [Double]) {
    t += 1
    let biasCorrection1 = 1 - pow(beta1, Double(t))
    let biasCorrection2 = 1 - pow(beta2, Double(t))
    for i in parameters.indices {
      let g = gradients[i]
      m[i] = beta1 * m[i] + (1 - beta1) * g
      v[i] = beta2 * v[i] + (1 - beta2) * g * g
      let mHat = m[i] / biasCorrection1
      let vHat = v[i] / biasCorrection2
      parameters[i] -= lr * mHat / (vHat.squareRoot() + eps)
    }
  }

  /// The optimizer state as text: everything `restore(from:)` needs to continue exactly.
  func checkpoint() -> String {
    notImplemented()
  }

  /// Replaces this optimizer's state with the one saved in `checkpoint`.
  mutating func restore(from checkpoint: String) throws {
    notImplemented()
  }
}
