// A learning-rate schedule: linear warmup, then cosine decay down to a floor.

import ExerciseSupport
import Foundation

struct WarmupCosineSchedule {
  var baseLR: Double
  var minLR: Double
  var warmupSteps: Int
  var totalSteps: Int

  func learningRate(at step: Int) -> Double {
    if step <= warmupSteps {
      return baseLR * Double(step) / Double(warmupSteps)
    }
    if step > totalSteps {
      return minLR
    }
    let progress = Double(step - warmupSteps) / Double(totalSteps - warmupSteps)
    return minLR + (baseLR - minLR) * (1 + cos(Double.pi * progress)) / 2
  }
}
