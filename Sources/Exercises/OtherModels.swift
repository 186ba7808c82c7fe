import ExerciseSupport
import Foundation
import OptimizerKit

/// Batch gradient descent on mean squared error, L = (1/2n)·Σ(ŷ − y)², so dw = (1/n)·Xᵀ(ŷ − y).
struct LinearRegressionModel {
  func trajectory(for testCase: ExerciseCase, mistake: String?) -> CaseTrajectory {
    var trajectory = CaseTrajectory(name: testCase.name, seed: testCase.seed)
    let lr = testCase.number("lr")
    let features = testCase.initial.count - 1
    var weights = [Double](repeating: 0, count: features)
    var bias = 0.0
    let n = Double(testCase.targets.count)
    for step in 1...testCase.integer("steps") {
      var dw = [Double](repeating: 0, count: features)
      var db = 0.0
      for (row, target) in zip(testCase.inputs, testCase.targets) {
        var prediction = bias
        for j in 0..<features { prediction += row[j] * weights[j] }
        let residual = prediction - target
        for j in 0..<features { dw[j] += residual * row[j] }
        db += residual
      }
      dw = dw.map { $0 / n }
      db /= n
      let sign = mistake == "update-sign-flipped" ? 1.0 : -1.0
      for j in 0..<features { weights[j] += sign * lr * dw[j] }
      bias += sign * lr * db
      trajectory.record(step, ("weights", weights), ("bias", [bias]), ("dw", dw), ("db", [db]))
    }
    return trajectory
  }
}

/// Linear warmup, then cosine decay: OptimizerKit's `warmupCosine`, torch's
/// `SequentialLR([LinearLR, CosineAnnealingLR])`, queried for optimizer steps 1…W + T + 5.
struct ScheduleModel {
  func trajectory(for testCase: ExerciseCase, mistake: String?) -> CaseTrajectory {
    var trajectory = CaseTrajectory(name: testCase.name, seed: testCase.seed)
    let warmup = testCase.integer("warmup_steps")
    let decay = testCase.integer("decay_steps")
    let schedule = LearningRateSchedule.warmupCosine(
      warmupSteps: warmup, decaySteps: decay, startFactor: testCase.number("start_factor"),
      etaMin: testCase.number("eta_min"))
    guard
      var scheduler = try? LearningRateScheduler(
        schedule, baseLearningRate: testCase.number("base_lr"))
    else { return trajectory }
    for step in 1...(warmup + decay + 5) {
      trajectory.record(step, ("lr", [scheduler.learningRate]))
      scheduler.step()
    }
    return trajectory
  }
}

/// Gradient clipping by global norm: OptimizerKit's `GradientClipping` without mistakes, which
/// matches `torch.nn.utils.clip_grad_norm_`, and a transcription with them.
struct ClippingModel {
  func trajectory(for testCase: ExerciseCase, mistake: String?) -> CaseTrajectory {
    var trajectory = CaseTrajectory(name: testCase.name, seed: testCase.seed)
    let maxNorm = testCase.number("max_norm")
    let shape = testCase.initial.map { Int($0) }
    guard case .sequence(let sets) = testCase.gradients else { return trajectory }
    for (index, flat) in sets.enumerated() {
      var tensors: [[Double]] = []
      var offset = 0
      for size in shape {
        tensors.append(Array(flat[offset..<offset + size]))
        offset += size
      }
      if mistake == nil {
        let total = (try? GradientClipping.clipByGlobalNorm(&tensors, maxNorm: maxNorm)) ?? .nan
        trajectory.record(index + 1, ("total_norm", [total]), ("gradients", tensors.flatMap { $0 }))
        continue
      }
      let norms = tensors.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }
      let total = norms.reduce(0) { $0 + $1 * $1 }.squareRoot()
      let epsilon = mistake == "clip-norm-without-epsilon" ? 0 : 1e-6
      var clipped: [Double] = []
      for (tensor, norm) in zip(tensors, norms) {
        let measured = mistake == "clip-per-tensor" ? norm : total
        let coefficient = min(maxNorm / (measured + epsilon), 1)
        clipped += tensor.map { $0 * coefficient }
      }
      trajectory.record(index + 1, ("total_norm", [total]), ("gradients", clipped))
    }
    return trajectory
  }
}

/// The expected trajectories and the planted-mistake trajectories of every exercise.
///
/// A mistake variant is a diagnosis id, optionally followed by `#` and a variant name when one
/// mistake has more than one common form (bias correction off by one in either direction).
public enum ExerciseModels {
  public static func expected(exerciseID: String, testCase: ExerciseCase) -> CaseTrajectory {
    trajectory(exerciseID: exerciseID, testCase: testCase, variant: nil)
  }

  public static func trajectory(exerciseID: String, testCase: ExerciseCase, variant: String?)
    -> CaseTrajectory
  {
    switch exerciseID {
    case "gradient-descent": LinearRegressionModel().trajectory(for: testCase, mistake: variant)
    case "momentum": MomentumModel().trajectory(for: testCase, mistake: variant)
    case "adagrad": AdagradModel().trajectory(for: testCase, mistake: variant)
    case "rmsprop": RMSpropModel().trajectory(for: testCase, mistake: variant)
    case "bias-correction": BiasCorrectionModel().trajectory(for: testCase, mistake: variant)
    case "adam": AdamFamilyModel(flavor: .adam).trajectory(for: testCase, mistake: variant)
    case "adamw": AdamFamilyModel(flavor: .adamW).trajectory(for: testCase, mistake: variant)
    case "amsgrad": AdamFamilyModel(flavor: .amsgrad).trajectory(for: testCase, mistake: variant)
    case "lr-schedule": ScheduleModel().trajectory(for: testCase, mistake: variant)
    case "clipping": ClippingModel().trajectory(for: testCase, mistake: variant)
    case "checkpoint":
      AdamFamilyModel(flavor: .checkpoint).trajectory(for: testCase, mistake: variant)
    case "sharded-adam":
      AdamFamilyModel(flavor: .sharded).trajectory(for: testCase, mistake: variant)
    default: CaseTrajectory(name: testCase.name, seed: testCase.seed)
    }
  }

  /// Every mistake variant modelled for `exerciseID`.
  public static func variants(exerciseID: String) -> [String] {
    let ids = ExerciseCatalog.exercise(id: exerciseID)?.mistakeIDs ?? []
    return ids.flatMap { id in
      id == "bias-correction-off-by-one" ? [id, "\(id)#next"] : [id]
    }
  }
}
