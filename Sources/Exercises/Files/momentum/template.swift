// SGD with momentum, as torch.optim.SGD computes it.
//
// Per step, for each parameter θ with gradient g:
//   g ← −g                                   (only when maximize is true)
//   g ← g + λθ                               (weightDecay λ)
//   b ← g on the first step, afterwards b ← μ·b + (1 − dampening)·g
//   d ← g + μ·b when nesterov, otherwise d ← b
//   θ ← θ − lr·d
//
// The checker compares θ and the momentum buffer b after every step.
// Check with `optimlings check momentum`; `optimlings hint momentum` helps.

import ExerciseSupport
import Foundation

struct SGDMomentum {
  var lr: Double
  var momentum: Double
  var dampening: Double
  var weightDecay: Double
  var nesterov: Bool
  var maximize: Bool
  /// The momentum buffer b; nil until the first step, as in torch.
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
    notImplemented()
  }
}
