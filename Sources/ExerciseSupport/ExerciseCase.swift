// The checker compiles this module together with the OptimizerKit files it uses, so that
// module is only imported where it exists as a module of its own, as in this package.
#if canImport(OptimizerKit)
  import OptimizerKit
#endif

/// Where a case's gradients come from.
public enum GradientSource: Sendable {
  /// A fixed sequence: one gradient vector per step.
  case sequence([[Double]])
  /// Closed loop: each step's gradient is the gradient, at the current parameters, of the
  /// OptimizerKit objective with this name.
  case objective(String, steps: Int)
}

/// One deterministic input to an exercise: settings, starting parameters and gradients.
///
/// The checker and the checked program build the same list from the same code and seeds, so
/// expected values never change between runs.
public struct ExerciseCase: Sendable {
  /// A short kebab-case name shown in verdicts, such as `long-run`.
  public var name: String
  /// The seed its random values come from; 0 when it has none.
  public var seed: UInt64
  /// Hyperparameters under torch's names (`lr`, `betas` as `beta1` and `beta2`, flags as 0 or 1)
  /// and exercise settings such as `resume_at` or `workers`.
  public var settings: [String: Double]
  /// θ₀.
  public var initial: [Double]
  public var gradients: GradientSource
  /// Extra data for exercises that are not a plain optimizer: regression inputs and targets.
  public var inputs: [[Double]]
  public var targets: [Double]

  public init(
    name: String, seed: UInt64 = 0, settings: [String: Double], initial: [Double] = [],
    gradients: GradientSource = .sequence([]), inputs: [[Double]] = [], targets: [Double] = []
  ) {
    self.name = name
    self.seed = seed
    self.settings = settings
    self.initial = initial
    self.gradients = gradients
    self.inputs = inputs
    self.targets = targets
  }

  /// The setting `key`; a missing key is a bug in the case list, so it stops the program.
  public func number(_ key: String) -> Double {
    guard let value = settings[key] else {
      preconditionFailure("case \(name) has no setting '\(key)'")
    }
    return value
  }

  public func flag(_ key: String) -> Bool { (settings[key] ?? 0) != 0 }

  public func integer(_ key: String) -> Int { Int(number(key)) }

  public var stepCount: Int {
    switch gradients {
    case .sequence(let list): list.count
    case .objective(_, let steps): steps
    }
  }

  /// Runs `body` once per step t = 1, 2, … with the parameters it should update and the
  /// gradient for this step, computed at the current parameters in closed-loop cases.
  public func drive(_ body: (inout [Double], [Double], Int) -> Void) {
    var parameters = initial
    switch gradients {
    case .sequence(let list):
      for (index, gradient) in list.enumerated() {
        body(&parameters, gradient, index + 1)
      }
    case .objective(let name, let steps):
      guard let objective = Objectives.named(name) else {
        preconditionFailure("case \(self.name) names the unknown objective '\(name)'")
      }
      for step in 1...max(steps, 1) where steps > 0 {
        // Non-finite or wrongly sized parameters would crash the objective; stop instead and
        // let the comparison report the step where they first went wrong.
        guard parameters.count == objective.dimension, parameters.allSatisfy(\.isFinite) else {
          return
        }
        body(&parameters, objective.gradient(parameters), step)
      }
    }
  }
}
