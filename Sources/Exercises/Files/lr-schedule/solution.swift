// A learning-rate schedule: linear warmup, then cosine decay, as torch's SequentialLR of
// LinearLR and CosineAnnealingLR computes it.

import ExerciseSupport
import Foundation

struct WarmupCosineSchedule {
  var baseLR: Double
  var startFactor: Double
  var warmupSteps: Int
  var decaySteps: Int
  var etaMin: Double

  func learningRate(at step: Int) -> Double {
    let epoch = step - 1
    if epoch < warmupSteps {
      let fraction = Double(epoch) / Double(warmupSteps)
      return baseLR * (startFactor + (1 - startFactor) * fraction)
    }
    let progress = Double(epoch - warmupSteps) / Double(decaySteps)
    return etaMin + (baseLR - etaMin) * (1 + cos(Double.pi * progress)) / 2
  }
}
