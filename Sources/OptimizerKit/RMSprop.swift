/// RMSprop, matching `torch.optim.RMSprop`, including its momentum and centered variants.
///
/// ε is added outside the square root: θ ← θ − η·g / (√v + ε).
public struct RMSprop: Optimizer {
  public struct Hyperparameters: Codable, Equatable, Sendable {
    public var lr: Double
    /// The smoothing constant of the squared-gradient average (β₂ in Adam's terms).
    public var alpha: Double
    public var eps: Double
    public var weightDecay: Double
    public var momentum: Double
    /// Divides by an estimate of the variance, v − (E[g])², instead of the raw v.
    public var centered: Bool
    public var maximize: Bool

    public init(
      lr: Double = 1e-2, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0,
      momentum: Double = 0, centered: Bool = false, maximize: Bool = false
    ) {
      self.lr = lr
      self.alpha = alpha
      self.eps = eps
      self.weightDecay = weightDecay
      self.momentum = momentum
      self.centered = centered
      self.maximize = maximize
    }
  }

  public struct State: Codable, Equatable, Sendable {
    public var step: Int = 0
    /// v, the moving average of g².
    public var squareAvg: [Double]
    /// The moving average of g; nil unless `centered` is on.
    public var gradAvg: [Double]?
    /// nil unless `momentum` > 0.
    public var momentumBuffer: [Double]?
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
    try OptimizerError.require(h.eps >= 0, "eps", "must be 0 or more, got \(h.eps)")
    try OptimizerError.require(h.alpha >= 0, "alpha", "must be 0 or more, got \(h.alpha)")
    try OptimizerError.require(h.momentum >= 0, "momentum", "must be 0 or more, got \(h.momentum)")
    try OptimizerError.require(
      h.weightDecay >= 0, "weight_decay", "must be 0 or more, got \(h.weightDecay)")
    self.hyperparameters = h
    let zeros = [Double](repeating: 0, count: parameterCount)
    self.state = State(
      squareAvg: zeros, gradAvg: h.centered ? zeros : nil,
      momentumBuffer: h.momentum > 0 ? zeros : nil)
  }

  public mutating func step(parameters: inout [Double], gradients: [Double]) throws(OptimizerError)
  {
    try OptimizerError.requireMatchingCount(
      parameters: parameters.count, gradients: gradients.count)
    try OptimizerError.requireStateCount(parameters: parameters.count, state: state.squareAvg.count)
    let h = hyperparameters
    state.step += 1

    var gradAvg = state.gradAvg ?? []
    var buffer = state.momentumBuffer ?? []

    for i in parameters.indices {
      var g = h.maximize ? -gradients[i] : gradients[i]
      if h.weightDecay != 0 {
        g = TorchArithmetic.add(g, parameters[i], alpha: h.weightDecay)
      }

      state.squareAvg[i] = TorchArithmetic.addcmul(
        state.squareAvg[i] * h.alpha, g, g, value: 1 - h.alpha)

      var average: Double
      if h.centered {
        gradAvg[i] = TorchArithmetic.lerp(gradAvg[i], g, weight: 1 - h.alpha)
        average = TorchArithmetic.addcmul(state.squareAvg[i], gradAvg[i], gradAvg[i], value: -1)
          .squareRoot()
      } else {
        average = state.squareAvg[i].squareRoot()
      }
      average += h.eps

      if h.momentum > 0 {
        buffer[i] = TorchArithmetic.addcdiv(buffer[i] * h.momentum, g, average, value: 1)
        parameters[i] = TorchArithmetic.add(parameters[i], buffer[i], alpha: -h.lr)
      } else {
        parameters[i] = TorchArithmetic.addcdiv(parameters[i], g, average, value: -h.lr)
      }
    }

    if h.centered { state.gradAvg = gradAvg }
    if h.momentum > 0 { state.momentumBuffer = buffer }
  }

  public func stateQuantities() -> [StateQuantity] {
    var quantities = [StateQuantity(name: "square_avg", values: state.squareAvg)]
    if let gradAvg = state.gradAvg {
      quantities.append(StateQuantity(name: "grad_avg", values: gradAvg))
    }
    if let buffer = state.momentumBuffer {
      quantities.append(StateQuantity(name: "momentum_buffer", values: buffer))
    }
    return quantities
  }
}
