// Adam, as torch.optim.Adam computes it, with weight decay as an L2 penalty.

import ExerciseSupport
import Foundation

struct Adam {
  var lr: Double
  var beta1: Double
  var beta2: Double
  var eps: Double
  var weightDecay: Double
  var m: [Double]
  var v: [Double]
  var t = 0

  init(
    parameterCount: Int, lr: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
    eps: Double = 1e-8, weightDecay: Double = 0
  ) {
    self.lr = lr
    self.beta1 = beta1
    self.beta2 = beta2
    self.eps = eps
    self.weightDecay = weightDecay
    m = Array(repeating: 0, count: parameterCount)
    v = Array(repeating: 0, count: parameterCount)
  }

  mutating func step(parameters: inout [Double], gradients: [Double]) {
    t += 1
    let biasCorrection1 = 1 - pow(beta1, Double(t))
    let biasCorrection2 = 1 - pow(beta2, Double(t))
    for i in parameters.indices {
      var g = gradients[i]
      if weightDecay != 0 {
        g += weightDecay * parameters[i]
      }
      m[i] = beta1 * m[i] + (1 - beta1) * g
      v[i] = beta2 * v[i] + (1 - beta2) * g * g
      let mHat = m[i] / biasCorrection1
      let vHat = v[i] / biasCorrection2
      parameters[i] -= lr * mHat / (vHat.squareRoot() + eps)
    }
  }
}
