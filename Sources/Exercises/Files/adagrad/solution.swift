// AdaGrad, as torch.optim.Adagrad computes it.

import ExerciseSupport
import Foundation

struct Adagrad {
  var lr: Double
  var lrDecay: Double
  var weightDecay: Double
  var eps: Double
  var sum: [Double]
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
    t += 1
    let clr = lr / (1 + Double(t - 1) * lrDecay)
    for i in parameters.indices {
      let g = gradients[i] + weightDecay * parameters[i]
      sum[i] += g * g
      parameters[i] -= clr * g / (sum[i].squareRoot() + eps)
    }
  }
}
