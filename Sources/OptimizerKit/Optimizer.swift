/// A reference optimizer that updates a flat float64 parameter vector in place.
///
/// Every conforming type reproduces the arithmetic of its `torch.optim`
/// counterpart: the same hyperparameter names and defaults, and the same order
/// of operations, so trajectories agree with torch to about 1e-15 relative.
///
/// An optimizer encodes as its hyperparameters and state, so a run saved as JSON and
/// resumed continues bit for bit as if it had never stopped.
public protocol Optimizer: Codable, Sendable {
  associatedtype State: Codable, Equatable, Sendable

  /// Everything the optimizer carries between steps, including the step count.
  var state: State { get set }

  /// The learning rate η that the next step uses, torch's `param_group["lr"]`.
  ///
  /// Learning-rate schedules set it between steps. It must stay finite and 0 or more.
  var learningRate: Double { get set }

  /// Applies one update to `parameters` using `gradients`, which must have the same count.
  mutating func step(parameters: inout [Double], gradients: [Double]) throws(OptimizerError)

  /// The named state quantities after the latest step, in the order a step table shows them.
  func stateQuantities() -> [StateQuantity]
}

/// One named vector of optimizer state, such as the first moment `m`.
public struct StateQuantity: Equatable, Sendable {
  /// The short name used in tables, messages and JSON: `m`, `v`, `m_hat`, `momentum_buffer`.
  public var name: String
  public var values: [Double]

  public init(name: String, values: [Double]) {
    self.name = name
    self.values = values
  }
}
