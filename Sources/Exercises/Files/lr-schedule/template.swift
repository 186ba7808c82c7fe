// A learning-rate schedule: linear warmup, then cosine decay down to a floor.
//
// For step t = 1, 2, …:
//   t ≤ warmupSteps:                 lr = baseLR·t / warmupSteps
//   warmupSteps < t ≤ totalSteps:    p = (t − warmupSteps) / (totalSteps − warmupSteps)
//                                    lr = minLR + (baseLR − minLR)·(1 + cos(π·p)) / 2
//   t > totalSteps:                  lr = minLR
// With warmupSteps = 0 the schedule starts decaying at once.
//
// The checker compares the rate for every step up to five steps past totalSteps.
// Check with `optimlings check lr-schedule`; `optimlings hint lr-schedule` helps.

import ExerciseSupport
import Foundation

struct WarmupCosineSchedule {
  var baseLR: Double
  var minLR: Double
  var warmupSteps: Int
  var totalSteps: Int

  func learningRate(at step: Int) -> Double {
    notImplemented()
  }
}
