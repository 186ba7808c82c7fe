import OptimizerKit

/// The losses and parameters of one optimization run.
public struct Trace: Sendable {
  /// The loss before the first step, then after each step.
  public var losses: [Double]
  /// θ before the first step, then after each step.
  public var path: [[Double]]

  public var finalLoss: Double { losses.last ?? .nan }
  public var finalParameters: [Double] { path.last ?? [] }
}

/// Returns the objective called `name` (see `Objectives.allNames`). The program stops with a
/// message that lists the names when there is none.
public func objective(_ name: String) -> any Objective {
  guard let found = Objectives.named(name) else {
    fatalError(
      "unknown objective '\(name)'; use one of \(Objectives.allNames.joined(separator: ", "))")
  }
  return found
}

/// Runs `steps` steps of an optimizer on `objective`, starting at `start` (the objective's
/// suggested start by default). `step` applies one update to θ given the gradient, so any
/// optimizer fits, such as your own `Adam` from the workspace:
///
/// ```swift
/// var yours = Adam(parameterCount: 2, lr: 0.02)
/// let trace = descend(objective("rosenbrock"), steps: 500) { θ, g in
///   yours.step(parameters: &θ, gradients: g)
/// }
/// ```
///
/// The run stops early once the loss is no longer finite.
public func descend(
  _ objective: any Objective, from start: [Double]? = nil, steps: Int,
  step: (inout [Double], [Double]) throws -> Void
) rethrows -> Trace {
  var parameters = start ?? objective.suggestedStart
  var trace = Trace(losses: [objective.loss(parameters)], path: [parameters])
  for _ in 0..<max(0, steps) {
    try step(&parameters, objective.gradient(parameters))
    let loss = objective.loss(parameters)
    trace.losses.append(loss)
    trace.path.append(parameters)
    if !loss.isFinite { break }
  }
  return trace
}

/// Runs a reference optimizer built as torch would build it, such as
/// `descend(objective("beale"), torch: "Adam", ["lr": .number(0.01)], steps: 300)`.
public func descend(
  _ objective: any Objective, torch name: String,
  _ hyperparameters: [String: HyperparameterValue] = [:], from start: [Double]? = nil,
  steps: Int
) throws -> Trace {
  var optimizer = try ReferenceOptimizer.make(
    torchName: name, hyperparameters: hyperparameters, parameterCount: objective.dimension)
  return try descend(objective, from: start, steps: steps) { parameters, gradients in
    try optimizer.step(parameters: &parameters, gradients: gradients)
  }
}
