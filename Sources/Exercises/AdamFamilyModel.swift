import ExerciseSupport
import Foundation
import OptimizerKit

/// Adam, AdamW, AMSGrad and their resumable and sharded forms, each with planted mistakes.
///
/// Without mistakes the trajectory comes from OptimizerKit's `Adam`, the torch-exact
/// reference. With mistakes it comes from ``MutatedAdam``, a direct transcription of the
/// update that switches one step of it at a time.
struct AdamFamilyModel {
  enum Flavor {
    case adam
    case adamW
    case amsgrad
    case checkpoint
    case sharded
  }

  let flavor: Flavor

  func trajectory(for testCase: ExerciseCase, mistake: String?) -> CaseTrajectory {
    var trajectory = CaseTrajectory(name: testCase.name, seed: testCase.seed)
    switch flavor {
    case .sharded:
      let workers = testCase.integer("workers")
      let count = testCase.initial.count
      var optimizer = MutatedAdam(testCase: testCase, flavor: flavor, mistake: mistake)
      let chunk = (count + workers - 1) / workers
      let sizes = (0..<workers).map { Double(max(0, min((($0 + 1) * chunk), count) - $0 * chunk)) }
      testCase.drive { parameters, gradients, step in
        var mean = [Double](repeating: 0, count: count)
        for worker in 0..<workers {
          for i in 0..<count { mean[i] += gradients[worker * count + i] }
        }
        if mistake != "gradients-summed-not-averaged" {
          mean = mean.map { $0 / Double(workers) }
        }
        optimizer.step(&parameters, mean)
        trajectory.record(
          step, ("parameters", parameters), ("m", optimizer.m), ("v", optimizer.v),
          ("shard_sizes", sizes))
      }
    default:
      var optimizer = MutatedAdam(testCase: testCase, flavor: flavor, mistake: mistake)
      let resumeAt = flavor == .checkpoint ? testCase.integer("resume_at") : -1
      testCase.drive { parameters, gradients, step in
        if step == resumeAt + 1 && mistake == "step-reset-on-resume" { optimizer.t = 0 }
        optimizer.step(&parameters, gradients)
        var quantities = [("parameters", parameters), ("m", optimizer.m), ("v", optimizer.v)]
        if flavor == .amsgrad { quantities.append(("v_max", optimizer.vMax)) }
        if flavor == .checkpoint { quantities.append(("t", [Double(optimizer.t)])) }
        trajectory.steps.append(
          StepRecord(step: step, quantities: quantities.map { (name: $0.0, values: $0.1) }))
      }
    }
    return trajectory
  }
}

/// Adam's update with switches for the classic mistakes; with none switched on it delegates
/// to OptimizerKit's `Adam`.
struct MutatedAdam {
  let lr: Double
  let beta1: Double
  let beta2: Double
  let eps: Double
  let weightDecay: Double
  let decoupled: Bool
  let amsgrad: Bool
  let mistake: String?
  var reference: Adam?
  var m: [Double]
  var v: [Double]
  var vMax: [Double]
  var t = 0

  init(testCase: ExerciseCase, flavor: AdamFamilyModel.Flavor, mistake: String?) {
    lr = testCase.number("lr")
    beta1 = testCase.number("beta1")
    beta2 = testCase.number("beta2")
    eps = testCase.number("eps")
    weightDecay = testCase.number("weight_decay")
    decoupled = flavor == .adamW
    amsgrad = flavor == .amsgrad
    self.mistake = mistake
    let count = testCase.initial.count
    m = [Double](repeating: 0, count: count)
    v = m
    vMax = m
    if mistake == nil {
      // The case lists hold only valid settings, so the reference always builds.
      reference = try? Adam(
        Adam.Hyperparameters(
          lr: lr, beta1: beta1, beta2: beta2, eps: eps, weightDecay: weightDecay,
          amsgrad: amsgrad, weightDecayMode: decoupled ? .decoupled : .l2),
        parameterCount: count)
    }
  }

  mutating func step(_ parameters: inout [Double], _ gradients: [Double]) {
    if var reference {
      try? reference.step(parameters: &parameters, gradients: gradients)
      self.reference = reference
      t = reference.state.step
      m = reference.state.expAvg
      v = reference.state.expAvgSq
      vMax = reference.state.maxExpAvgSq ?? vMax
      return
    }
    mutatedStep(&parameters, gradients)
  }

  private mutating func mutatedStep(_ parameters: inout [Double], _ gradients: [Double]) {
    let mistake = self.mistake ?? ""
    t += 1
    var exponent = Double(t)
    if mistake == "bias-correction-off-by-one" { exponent -= 1 }
    if mistake == "bias-correction-off-by-one#next" { exponent += 1 }
    let (b1, b2) = mistake == "betas-swapped" ? (beta2, beta1) : (beta1, beta2)
    let missingCorrection = mistake == "missing-bias-correction"
    let correction1 = missingCorrection ? 1 : 1 - pow(b1, exponent)
    let correction2 = missingCorrection ? 1 : 1 - pow(b2, exponent)

    var useDecoupled = decoupled
    if mistake == "l2-instead-of-decoupled" { useDecoupled = false }
    if mistake == "decoupled-instead-of-l2" { useDecoupled = true }
    let decayFactor = mistake == "decay-not-scaled-by-lr" ? 1 - weightDecay : 1 - lr * weightDecay
    let decayAfter = mistake == "decay-after-update"

    for i in parameters.indices {
      var g = gradients[i]
      if weightDecay != 0 {
        if useDecoupled {
          if !decayAfter { parameters[i] *= decayFactor }
        } else {
          g += weightDecay * parameters[i]
        }
      }
      let squared = mistake == "gradient-not-squared" ? g : g * g
      if mistake == "missing-one-minus-beta" {
        m[i] = b1 * m[i] + g
        v[i] = b2 * v[i] + squared
      } else {
        m[i] = b1 * m[i] + (1 - b1) * g
        v[i] = b2 * v[i] + (1 - b2) * squared
      }

      var corrected = v[i] / correction2
      if amsgrad {
        if mistake == "amsgrad-max-of-corrected" {
          vMax[i] = max(vMax[i], corrected)
          corrected = vMax[i]
        } else {
          vMax[i] = max(vMax[i], v[i])
          corrected = vMax[i] / correction2
        }
      }

      let denominator: Double
      switch mistake {
      case "eps-inside-sqrt": denominator = (corrected + eps).squareRoot()
      case "eps-before-bias-correction":
        let raw = amsgrad ? vMax[i] : v[i]
        denominator = (raw.squareRoot() + eps) / correction2.squareRoot()
      default: denominator = corrected.squareRoot() + eps
      }
      let update = lr * (m[i] / correction1) / denominator
      parameters[i] += mistake == "update-sign-flipped" ? update : -update
      if useDecoupled && decayAfter && weightDecay != 0 { parameters[i] *= decayFactor }
    }
  }
}
