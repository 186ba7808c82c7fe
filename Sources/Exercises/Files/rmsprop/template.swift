// RMSprop, as torch.optim.RMSprop computes it, in two parts.
//
// Part 1, per step, for each parameter θ with gradient g:
//   g ← g + λθ                               (weightDecay λ)
//   v ← α·v + (1 − α)·g²                     (squareAvg)
//   θ ← θ − lr·g / (√v + ε)
//
// Part 2, when centered is true, also keep the average gradient ḡ and divide by an
// estimate of the standard deviation instead:
//   ḡ ← α·ḡ + (1 − α)·g                      (gradAvg)
//   θ ← θ − lr·g / (√(v − ḡ²) + ε)
//
// The checker runs part 1's cases first, then the centered ones.
// Check with `optimlings check rmsprop`; `optimlings hint rmsprop` helps.

import ExerciseSupport
import Foundation

struct RMSprop {
  var lr: Double
  var alpha: Double
  var eps: Double
  var weightDecay: Double
  var centered: Bool
  /// The moving average of g², one entry per parameter.
  var squareAvg: [Double]
  /// The moving average of g, used only when centered.
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
    if centered {
      notImplemented("centered RMSprop (part 2)")
    }
    notImplemented("RMSprop.step (part 1)")
  }
}
