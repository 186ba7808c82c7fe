// RMSprop, as torch.optim.RMSprop computes it, plain and centered.

import ExerciseSupport
import Foundation

struct RMSprop {
  var lr: Double
  var alpha: Double
  var eps: Double
  var weightDecay: Double
  var centered: Bool
  var squareAvg: [Double]
  var gradAvg: [Double]

  init(
    parameterCount: Int, lr: Double = 1e-2, alpha: Double = 0.99, eps: Double = 1e-8,
    weightDecay: Double = 0, centered: Bool = false
  ) {
    self.lr = lr
    self.alpha = alpha
    self.eps = eps
    self.weightDecay = weightDecay
    self.centered = centered
    squareAvg = Array(repeating: 0, count: parameterCount)
    gradAvg = Array(repeating: 0, count: parameterCount)
  }

  mutating func step(parameters: inout [Double], gradients: [Double]) {
    for i in parameters.indices {
      let g = gradients[i] + weightDecay * parameters[i]
      squareAvg[i] = alpha * squareAvg[i] + (1 - alpha) * g * g
      var variance = squareAvg[i]
      if centered {
        gradAvg[i] = alpha * gradAvg[i] + (1 - alpha) * g
        variance -= gradAvg[i] * gradAvg[i]
      }
      parameters[i] -= lr * g / (variance.squareRoot() + eps)
    }
  }
}
