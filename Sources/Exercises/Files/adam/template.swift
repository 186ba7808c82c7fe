// Adam, as torch.optim.Adam computes it, with weight decay as an L2 penalty.
//
// Per step t (starting at 1), for each parameter θ with gradient g:
//   g ← g + λθ                        (only when weightDecay λ > 0)
//   m ← β₁·m + (1 − β₁)·g
//   v ← β₂·v + (1 − β₂)·g²
//   m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
//   θ ← θ − lr·m̂ / (√v̂ + ε)
//
// The checker compares θ, m and v after every step with torch's values.
// Check with `optimlings check adam`; `optimlings hint adam` gives a hint.

import ExerciseSupport
import Foundation

struct Adam {
  var lr: Double
  var beta1: Double
  var beta2: Double
  var eps: Double
  var weightDecay: Double
  /// The first moment m, one entry per parameter.
  var m: [Double]
  /// The second moment v, one entry per parameter.
  var v: [Double]
  /// The number of steps taken so far.
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
    notImplemented()
  }
}
