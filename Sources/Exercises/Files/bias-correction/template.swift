// A bias-corrected exponential moving average, the building block of Adam's m̂ and v̂.
//
// Per update t (starting at 1), for each element x of the new values:
//   m ← β·m + (1 − β)·x                      (average, starting at 0)
//   m̂ = m / (1 − βᵗ)                         (the value update returns)
//
// The checker compares the stored average m and the returned m̂ after every update.
// Check with `optimlings check bias-correction`; `optimlings hint bias-correction` helps.

import ExerciseSupport
import Foundation

struct BiasCorrectedAverage {
  var beta: Double
  /// The raw average m, one entry per element.
  var average: [Double]
  /// The number of updates so far.
  var t = 0

  init(beta: Double, count: Int) {
    self.beta = beta
    average = Array(repeating: 0, count: count)
  }

  /// Folds in one value per element and returns the bias-corrected average m̂.
  mutating func update(_ values: [Double]) -> [Double] {
    notImplemented()
  }
}
