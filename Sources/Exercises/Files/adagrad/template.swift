// AdaGrad, as torch.optim.Adagrad computes it.
//
// Per step t (starting at 1), for each parameter θ with gradient g:
//   clr = lr / (1 + (t − 1)·lrDecay)
//   g ← g + λθ                               (weightDecay λ)
//   sum ← sum + g²
//   θ ← θ − clr·g / (√sum + ε)
//
// The checker compares θ and sum after every step.
// Check with `optimlings check adagrad`; `optimlings hint adagrad` helps.

import ExerciseSupport
import Foundation

struct Adagrad {
  var lr: Double
  var lrDecay: Double
  var weightDecay: Double
  var eps: Double
  /// The running sum of squared gradients, one entry per parameter.
  var sum: [Double]
  /// The number of steps taken so far.
  var t = 0

  init(
    parameterCount: Int, lr: Double = 1e-2, lrDecay: Double = 0, weightDecay: Double = 0,
    initialAccumulatorValue: Double = 0, eps: Double = 1e-10
  ) {
    self.lr = lr
    self.lrDecay = lrDecay
    self.weightDecay = weightDecay
    self.eps = eps
    sum = Array(repeating: initialAccumulatorValue, count: parameterCount)
  }

  mutating func step(parameters: inout [Double], gradients: [Double]) {
    notImplemented()
  }
}
