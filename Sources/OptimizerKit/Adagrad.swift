import Foundation

/// Adagrad, matching `torch.optim.Adagrad`: a per-parameter step of lr / (√(Σg²) + ε).
public struct Adagrad: Optimizer {
  public struct Hyperparameters: Codable, Equatable, Sendable {
    public var lr: Double
    public var lrDecay: Double
    public var weightDecay: Double
    public var initialAccumulatorValue: Double
    public var eps: Double
    public var maximize: Bool

    public init(
      lr: Double = 1e-2, lrDecay: Double = 0, weightDecay: Double = 0,
      initialAccumulatorValue: Double = 0, eps: Double = 1e-10, maximize: Bool = false
    ) {
      self.lr = lr
      self.lrDecay = lrDecay
      self.weightDecay = weightDecay
      self.initialAccumulatorValue = initialAccumulatorValue
      self.eps = eps
      self.maximize = maximize
    }
  }

  public struct State: Codable, Equatable, Sendable {
    public var step: Int = 0
    /// The running sum of squared gradients, Σg², started at `initial_accumulator_value`.
    public var sum: [Double]
  }

  public private(set) var hyperparameters: Hyperparameters
  public var state: State

  public var learningRate: Double {
    get { hyperparameters.lr }
    set {
      precondition(newValue.isFinite && newValue >= 0, "learning rate must be finite and 0 or more")
      hyperparameters.lr = newValue
    }
  }

  public init(_ hyperparameters: Hyperparameters = Hyperparameters(), parameterCount: Int)
    throws(OptimizerError)
  {
    let h = hyperparameters
    try OptimizerError.require(h.lr >= 0, "lr", "must be 0 or more, got \(h.lr)")
    try OptimizerError.require(h.lrDecay >= 0, "lr_decay", "must be 0 or more, got \(h.lrDecay)")
    try OptimizerError.require(
      h.weightDecay >= 0, "weight_decay", "must be 0 or more, got \(h.weightDecay)")
    try OptimizerError.require(
      h.initialAccumulatorValue >= 0, "initial_accumulator_value",
      "must be 0 or more, got \(h.initialAccumulatorValue)")
    try OptimizerError.require(h.eps >= 0, "eps", "must be 0 or more, got \(h.eps)")
    self.hyperparameters = h
    self.state = State(sum: [Double](repeating: h.initialAccumulatorValue, count: parameterCount))
  }

  /// The learning rate of the latest step: lr / (1 + (t − 1)·lr_decay), so step 1 uses lr itself.
  public var currentLearningRate: Double {
    let t = Double(max(state.step, 1))
    return hyperparameters.lr / (1 + (t - 1) * hyperparameters.lrDecay)
  }

  public mutating func step(parameters: inout [Double], gradients: [Double]) throws(OptimizerError)
  {
    try OptimizerError.requireMatchingCount(
      parameters: parameters.count, gradients: gradients.count)
    try OptimizerError.requireStateCount(parameters: parameters.count, state: state.sum.count)
    let h = hyperparameters
    state.step += 1
    let clr = currentLearningRate

    for i in parameters.indices {
      var g = h.maximize ? -gradients[i] : gradients[i]
      if h.weightDecay != 0 {
        g = TorchArithmetic.add(g, parameters[i], alpha: h.weightDecay)
      }
      state.sum[i] = TorchArithmetic.addcmul(state.sum[i], g, g, value: 1)
      let std = state.sum[i].squareRoot() + h.eps
      parameters[i] = TorchArithmetic.addcdiv(parameters[i], g, std, value: -clr)
    }
  }

  public func stateQuantities() -> [StateQuantity] {
    [StateQuantity(name: "sum", values: state.sum)]
  }
}
