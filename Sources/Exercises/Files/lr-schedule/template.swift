// A learning-rate schedule: linear warmup, then cosine decay, as torch computes
// SequentialLR([LinearLR(start_factor: s, total_iters: W), CosineAnnealingLR(T_max: T,
// eta_min: ηmin)], milestones: [W]) with base learning rate η₀.
//
// Optimizer step t (starting at 1) uses the rate of epoch e = t − 1:
//   e < W:    lr = η₀·(s + (1 − s)·e / W)              rising from η₀·s toward η₀
//   e ≥ W:    lr = ηmin + (η₀ − ηmin)·(1 + cos(π·(e − W) / T)) / 2
// The cosine is not clamped: past e = W + T it rises again, as torch's does.
//
// The checker compares the rate for steps 1 through W + T + 5.
// Check with `optimlings check lr-schedule`; `optimlings hint lr-schedule` helps.

import ExerciseSupport
import Foundation

struct WarmupCosineSchedule {
  /// η₀, the peak learning rate.
  var baseLR: Double
  /// s, the fraction of η₀ used at the first step.
  var startFactor: Double
  /// W, the number of warmup steps.
  var warmupSteps: Int
  /// T, the number of steps the cosine takes from η₀ down to ηmin.
  var decaySteps: Int
  /// ηmin, the floor of the cosine.
  var etaMin: Double

  func learningRate(at step: Int) -> Double {
    notImplemented()
  }
}
