/// An invalid hyperparameter or input, described well enough to fix.
public struct OptimizerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The hyperparameter or input at fault, spelled as torch spells it (`lr`, `betas`).
  public var field: String
  /// What is wrong with it and how to fix it.
  public var message: String

  public init(field: String, message: String) {
    self.field = field
    self.message = message
  }

  public var description: String { "invalid \(field): \(message)" }

  static func require(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String)
    throws(OptimizerError)
  {
    if !condition { throw OptimizerError(field: field, message: message()) }
  }

  static func requireMatchingCount(parameters: Int, gradients: Int) throws(OptimizerError) {
    try require(
      parameters == gradients, "gradients",
      "expected \(parameters) values, one per parameter, but got \(gradients)")
  }

  static func requireStateCount(parameters: Int, state: Int) throws(OptimizerError) {
    try require(
      parameters == state, "parameters",
      "the optimizer's state holds \(state) values per vector but parameters has \(parameters); "
        + "create a new optimizer for a parameter vector of another size")
  }
}
