// SGD with momentum, as torch.optim.SGD computes it.

import ExerciseSupport
import Foundation

struct SGDMomentum {
  var lr: Double
  var momentum: Double
  var dampening: Double
  var weightDecay: Double
  var nesterov: Bool
  var maximize: Bool
  var momentumBuffer: [Double]?

  init(
    lr: Double, momentum: Double = 0.9, dampening: Double = 0, weightDecay: Double = 0,
    nesterov: Bool = false, maximize: Bool = false
  ) {
    self.lr = lr
    self.momentum = momentum
    self.dampening = dampening
    self.weightDecay = weightDecay
    self.nesterov = nesterov
    self.maximize = maximize
  }

  mutating func step(parameters: inout [Double], gradients: [Double]) {
    let isFirstStep = momentumBuffer == nil
    var buffer = momentumBuffer ?? Array(repeating: 0, count: parameters.count)
    for i in parameters.indices {
      var g = maximize ? -gradients[i] : gradients[i]
      g += weightDecay * parameters[i]
      if isFirstStep {
        buffer[i] = g
      } else {
        buffer[i] = momentum * buffer[i] + (1 - dampening) * g
      }
      let direction = nesterov ? g + momentum * buffer[i] : buffer[i]
      parameters[i] -= lr * direction
    }
    momentumBuffer = buffer
  }
}
