import Foundation

/// A learning-rate schedule, with the semantics of the matching `torch.optim.lr_scheduler` class.
///
/// The schedule is counted in epochs e = 0, 1, 2, … as torch's `last_epoch` counts them: e is
/// the number of `scheduler.step()` calls so far, and optimizer step t (starting at 1) uses the
/// learning rate of epoch e = t − 1. η₀ below is the base learning rate.
public enum LearningRateSchedule: Codable, Equatable, Sendable {
  /// η_e = η₀ for every epoch.
  case constant
  /// torch's `StepLR`: η_e = η₀·γ^⌊e / stepSize⌋, applied as a multiplication by γ at every
  /// epoch that is a positive multiple of `stepSize`.
  case step(stepSize: Int, gamma: Double)
  /// torch's `ExponentialLR`: η_e = η₀·γᵉ, applied as one multiplication by γ per epoch.
  case exponential(gamma: Double)
  /// torch's `LinearLR`: η_e = η₀·(s + (f − s)·min(e, n)/n) with s = `startFactor`,
  /// f = `endFactor` and n = `totalIters`, evaluated with torch's recursive update.
  case linear(startFactor: Double, endFactor: Double, totalIters: Int)
  /// torch's `CosineAnnealingLR`: η_e = η_min + (η₀ − η_min)·(1 + cos(π·e/T))/2 with T = `tMax`.
  ///
  /// Like torch, the values come from the recursive form of that formula, so they agree with
  /// torch to the last bit rather than with the closed form. After e = T the learning rate
  /// does not stay at η_min: torch's schedule is periodic with period 2T and climbs back up.
  case cosineAnnealing(tMax: Int, etaMin: Double)
  /// Linear warmup followed by cosine decay, the torch composition
  /// `SequentialLR([LinearLR(start_factor: s, end_factor: 1, total_iters: W),
  /// CosineAnnealingLR(T_max: T, eta_min: η_min)], milestones: [W])`:
  ///
  /// - e < W: η_e = η₀·(s + (1 − s)·e/W), rising from η₀·s at the first optimizer step;
  /// - e ≥ W: η_e = η_min + (η₀ − η_min)·(1 + cos(π·(e − W)/T))/2, so the peak η₀ is used at
  ///   optimizer step W + 1 and η_min is reached at epoch W + T (periodic afterwards, as in
  ///   ``cosineAnnealing(tMax:etaMin:)``).
  ///
  /// Both phases use torch's recursive arithmetic; the cosine phase restarts from its closed
  /// form at e = W, as `SequentialLR` does at a milestone.
  case warmupCosine(warmupSteps: Int, decaySteps: Int, startFactor: Double, etaMin: Double)

  /// Checks the schedule's arguments, naming torch's argument on failure.
  public func validate() throws(OptimizerError) {
    switch self {
    case .constant:
      return
    case .step(let stepSize, let gamma):
      try OptimizerError.require(stepSize >= 1, "step_size", "must be 1 or more, got \(stepSize)")
      try Self.requireFactor(gamma, "gamma")
    case .exponential(let gamma):
      try Self.requireFactor(gamma, "gamma")
    case .linear(let startFactor, let endFactor, let totalIters):
      try Self.requireLinear(startFactor, endFactor, totalIters, "total_iters")
    case .cosineAnnealing(let tMax, let etaMin):
      try OptimizerError.require(tMax >= 1, "T_max", "must be 1 or more, got \(tMax)")
      try Self.requireFactor(etaMin, "eta_min")
    case .warmupCosine(let warmupSteps, let decaySteps, let startFactor, let etaMin):
      try Self.requireLinear(startFactor, 1, warmupSteps, "warmup_steps")
      try OptimizerError.require(
        decaySteps >= 1, "decay_steps", "must be 1 or more, got \(decaySteps)")
      try Self.requireFactor(etaMin, "eta_min")
    }
  }

  private static func requireFactor(_ value: Double, _ field: String) throws(OptimizerError) {
    try OptimizerError.require(
      value.isFinite && value >= 0, field, "must be a finite number, 0 or more, got \(value)")
  }

  private static func requireLinear(
    _ startFactor: Double, _ endFactor: Double, _ steps: Int, _ stepsField: String
  ) throws(OptimizerError) {
    try OptimizerError.require(
      startFactor > 0 && startFactor <= 1, "start_factor",
      "must be in (0, 1], got \(startFactor)")
    try OptimizerError.require(
      endFactor >= 0 && endFactor <= 1, "end_factor", "must be in [0, 1], got \(endFactor)")
    try OptimizerError.require(steps >= 1, stepsField, "must be 1 or more, got \(steps)")
  }
}

/// A running learning-rate schedule: the schedule, its base learning rate, the epoch and the
/// current learning rate. It encodes to JSON, and a decoded scheduler continues bit for bit.
public struct LearningRateScheduler: Codable, Equatable, Sendable {
  public let schedule: LearningRateSchedule
  /// η₀, torch's `initial_lr`.
  public let baseLearningRate: Double
  /// torch's `last_epoch`: the number of ``step()`` calls so far.
  public private(set) var epoch: Int = 0
  /// The learning rate for the next optimizer step.
  public private(set) var learningRate: Double

  /// Starts the schedule at epoch 0, as constructing the torch scheduler does.
  public init(_ schedule: LearningRateSchedule, baseLearningRate: Double) throws(OptimizerError) {
    try schedule.validate()
    try OptimizerError.require(
      baseLearningRate.isFinite && baseLearningRate >= 0, "lr",
      "must be a finite number, 0 or more, got \(baseLearningRate)")
    self.schedule = schedule
    self.baseLearningRate = baseLearningRate
    switch schedule {
    case .linear(let startFactor, _, _), .warmupCosine(_, _, let startFactor, _):
      learningRate = baseLearningRate * startFactor
    default:
      learningRate = baseLearningRate
    }
  }

  /// Advances one epoch, torch's `scheduler.step()`, called after each optimizer step.
  public mutating func step() {
    epoch += 1
    let e = epoch
    let lr = learningRate
    switch schedule {
    case .constant:
      return
    case .step(let stepSize, let gamma):
      if e % stepSize == 0 { learningRate = lr * gamma }
    case .exponential(let gamma):
      learningRate = lr * gamma
    case .linear(let startFactor, let endFactor, let totalIters):
      learningRate = Self.linearStep(lr, e, startFactor, endFactor, totalIters)
    case .cosineAnnealing(let tMax, let etaMin):
      learningRate = Self.cosineStep(lr, e, baseLearningRate, tMax, etaMin)
    case .warmupCosine(let warmupSteps, let decaySteps, let startFactor, let etaMin):
      if e < warmupSteps {
        learningRate = Self.linearStep(lr, e, startFactor, 1, warmupSteps)
      } else if e == warmupSteps {
        // SequentialLR jumps the cosine phase to its closed form at epoch 0 at the milestone.
        learningRate = etaMin + (baseLearningRate - etaMin) * (1 + cos(0)) / 2
      } else {
        learningRate = Self.cosineStep(lr, e - warmupSteps, baseLearningRate, decaySteps, etaMin)
      }
    }
  }

  /// Applies the current learning rate to `optimizer`.
  public func apply<O: Optimizer>(to optimizer: inout O) {
    optimizer.learningRate = learningRate
  }

  /// Applies the current learning rate to `optimizer`.
  public func apply(to optimizer: inout ReferenceOptimizer) {
    optimizer.learningRate = learningRate
  }

  /// Returns the learning rates of the first `count` optimizer steps, epochs 0 to count − 1.
  public func learningRates(count: Int) -> [Double] {
    var scheduler = self
    var rates: [Double] = []
    rates.reserveCapacity(max(count, 0))
    for _ in 0..<max(count, 0) {
      rates.append(scheduler.learningRate)
      scheduler.step()
    }
    return rates
  }

  /// torch's `LinearLR.get_lr` for epoch e ≥ 1.
  private static func linearStep(
    _ lr: Double, _ e: Int, _ startFactor: Double, _ endFactor: Double, _ totalIters: Int
  ) -> Double {
    guard e <= totalIters else { return lr }
    let change = endFactor - startFactor
    return lr * (1.0 + change / (Double(totalIters) * startFactor + Double(e - 1) * change))
  }

  /// torch's `CosineAnnealingLR.get_lr` for epoch e ≥ 1.
  private static func cosineStep(
    _ lr: Double, _ e: Int, _ base: Double, _ tMax: Int, _ etaMin: Double
  ) -> Double {
    let t = Double(tMax)
    // At e = T + 1 + 2kT the recursive ratio would divide by 1 + cos(π) = 0, so torch adds the
    // first step of the rising half-period instead. Python's % is never negative.
    let period = 2 * tMax
    if ((e - 1 - tMax) % period + period) % period == 0 {
      return lr + (base - etaMin) * (1 - cos(Double.pi / t)) / 2
    }
    let ratio = (1 + cos(Double.pi * Double(e) / t)) / (1 + cos(Double.pi * Double(e - 1) / t))
    return ratio * (lr - etaMin) + etaMin
  }
}
