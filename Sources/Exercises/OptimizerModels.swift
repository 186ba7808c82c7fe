import ExerciseSupport
import Foundation
import OptimizerKit

/// SGD with momentum: OptimizerKit's `SGD` without mistakes, a transcription with them.
struct MomentumModel {
  func trajectory(for testCase: ExerciseCase, mistake: String?) -> CaseTrajectory {
    var trajectory = CaseTrajectory(name: testCase.name, seed: testCase.seed)
    let lr = testCase.number("lr")
    let momentum = testCase.number("momentum")
    let dampening = testCase.number("dampening")
    let weightDecay = testCase.number("weight_decay")
    let nesterov = testCase.flag("nesterov")
    let maximize = testCase.flag("maximize")

    if mistake == nil {
      guard
        var sgd = try? SGD(
          SGD.Hyperparameters(
            lr: lr, momentum: momentum, dampening: dampening, weightDecay: weightDecay,
            nesterov: nesterov, maximize: maximize))
      else { return trajectory }
      testCase.drive { parameters, gradients, step in
        try? sgd.step(parameters: &parameters, gradients: gradients)
        trajectory.record(
          step, ("parameters", parameters), ("momentum_buffer", sgd.state.momentumBuffer ?? []))
      }
      return trajectory
    }

    var buffer: [Double]?
    testCase.drive { parameters, gradients, step in
      var next = buffer ?? [Double](repeating: 0, count: parameters.count)
      let effectiveLR = mistake == "maximize-by-negating-lr" && maximize ? -lr : lr
      for i in parameters.indices {
        var g = gradients[i]
        if maximize && mistake != "maximize-by-negating-lr" { g = -g }
        g += weightDecay * parameters[i]
        if buffer == nil {
          next[i] = mistake == "dampening-on-first-buffer" ? (1 - dampening) * g : g
        } else {
          next[i] = momentum * next[i] + (1 - dampening) * g
        }
        let direction =
          nesterov && mistake != "missing-nesterov-lookahead" ? g + momentum * next[i] : next[i]
        parameters[i] +=
          mistake == "update-sign-flipped" ? effectiveLR * direction : -effectiveLR * direction
      }
      buffer = next
      trajectory.record(step, ("parameters", parameters), ("momentum_buffer", next))
    }
    return trajectory
  }
}

/// AdaGrad: OptimizerKit's `Adagrad` without mistakes, a transcription with them.
struct AdagradModel {
  func trajectory(for testCase: ExerciseCase, mistake: String?) -> CaseTrajectory {
    var trajectory = CaseTrajectory(name: testCase.name, seed: testCase.seed)
    let h = Adagrad.Hyperparameters(
      lr: testCase.number("lr"), lrDecay: testCase.number("lr_decay"),
      weightDecay: testCase.number("weight_decay"),
      initialAccumulatorValue: testCase.number("initial_accumulator_value"),
      eps: testCase.number("eps"))
    if mistake == nil {
      guard var adagrad = try? Adagrad(h, parameterCount: testCase.initial.count) else {
        return trajectory
      }
      testCase.drive { parameters, gradients, step in
        try? adagrad.step(parameters: &parameters, gradients: gradients)
        trajectory.record(step, ("parameters", parameters), ("sum", adagrad.state.sum))
      }
      return trajectory
    }

    var sum = [Double](repeating: h.initialAccumulatorValue, count: testCase.initial.count)
    testCase.drive { parameters, gradients, step in
      let decaySteps = mistake == "lr-decay-uses-t" ? Double(step) : Double(step - 1)
      let clr = h.lr / (1 + decaySteps * h.lrDecay)
      for i in parameters.indices {
        let g = gradients[i] + h.weightDecay * parameters[i]
        sum[i] += mistake == "gradient-not-squared" ? g : g * g
        let denominator =
          mistake == "eps-inside-sqrt" ? (sum[i] + h.eps).squareRoot() : sum[i].squareRoot() + h.eps
        let update = clr * g / denominator
        parameters[i] += mistake == "update-sign-flipped" ? update : -update
      }
      trajectory.record(step, ("parameters", parameters), ("sum", sum))
    }
    return trajectory
  }
}

/// RMSprop, plain and centered: OptimizerKit's `RMSprop` without mistakes.
struct RMSpropModel {
  func trajectory(for testCase: ExerciseCase, mistake: String?) -> CaseTrajectory {
    var trajectory = CaseTrajectory(name: testCase.name, seed: testCase.seed)
    let h = RMSprop.Hyperparameters(
      lr: testCase.number("lr"), alpha: testCase.number("alpha"), eps: testCase.number("eps"),
      weightDecay: testCase.number("weight_decay"), centered: testCase.flag("centered"))
    func record(_ step: Int, _ parameters: [Double], _ squareAvg: [Double], _ gradAvg: [Double]) {
      var quantities = [("parameters", parameters), ("square_avg", squareAvg)]
      if h.centered { quantities.append(("grad_avg", gradAvg)) }
      trajectory.steps.append(
        StepRecord(step: step, quantities: quantities.map { (name: $0.0, values: $0.1) }))
    }

    if mistake == nil {
      guard var rmsprop = try? RMSprop(h, parameterCount: testCase.initial.count) else {
        return trajectory
      }
      testCase.drive { parameters, gradients, step in
        try? rmsprop.step(parameters: &parameters, gradients: gradients)
        record(step, parameters, rmsprop.state.squareAvg, rmsprop.state.gradAvg ?? [])
      }
      return trajectory
    }

    var squareAvg = [Double](repeating: 0, count: testCase.initial.count)
    var gradAvg = squareAvg
    testCase.drive { parameters, gradients, step in
      for i in parameters.indices {
        let g = gradients[i] + h.weightDecay * parameters[i]
        let squared = mistake == "gradient-not-squared" ? g : g * g
        let weight = mistake == "missing-one-minus-beta" ? 1 : 1 - h.alpha
        squareAvg[i] = h.alpha * squareAvg[i] + weight * squared
        var variance = squareAvg[i]
        if h.centered {
          gradAvg[i] = h.alpha * gradAvg[i] + weight * g
          variance -= gradAvg[i] * gradAvg[i]
        }
        let denominator =
          mistake == "eps-inside-sqrt"
          ? (variance + h.eps).squareRoot() : variance.squareRoot() + h.eps
        let update = h.lr * g / denominator
        parameters[i] += mistake == "update-sign-flipped" ? update : -update
      }
      record(step, parameters, squareAvg, gradAvg)
    }
    return trajectory
  }
}

/// The bias-corrected moving average: OptimizerKit's `BiasCorrectedEMA` without mistakes.
struct BiasCorrectionModel {
  func trajectory(for testCase: ExerciseCase, mistake: String?) -> CaseTrajectory {
    var trajectory = CaseTrajectory(name: testCase.name, seed: testCase.seed)
    let beta = testCase.number("beta")
    guard case .sequence(let inputs) = testCase.gradients, let first = inputs.first else {
      return trajectory
    }
    if mistake == nil {
      guard var average = try? BiasCorrectedEMA(beta: beta, count: first.count) else {
        return trajectory
      }
      for (index, values) in inputs.enumerated() {
        let corrected = (try? average.update(values)) ?? []
        trajectory.record(index + 1, ("m", average.average), ("m_hat", corrected))
      }
      return trajectory
    }

    var average = [Double](repeating: 0, count: first.count)
    for (index, values) in inputs.enumerated() {
      let t = Double(index + 1)
      for i in average.indices {
        let weight = mistake == "missing-one-minus-beta" ? 1 : 1 - beta
        average[i] = beta * average[i] + weight * values[i]
      }
      let exponent: Double =
        switch mistake {
        case "bias-correction-off-by-one": t - 1
        case "bias-correction-off-by-one#next": t + 1
        default: t
        }
      let correction = mistake == "missing-bias-correction" ? 1 : 1 - pow(beta, exponent)
      trajectory.record(index + 1, ("m", average), ("m_hat", average.map { $0 / correction }))
    }
    return trajectory
  }
}
