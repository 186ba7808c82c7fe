/// Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay,
/// matching `torch.optim.SGD`.
public struct SGD: Optimizer {
  public struct Hyperparameters: Codable, Equatable, Sendable {
    public var lr: Double
    public var momentum: Double
    public var dampening: Double
    public var weightDecay: Double
    public var nesterov: Bool
    public var maximize: Bool

    /// torch.optim.SGD's defaults.
    public init(
      lr: Double = 1e-3, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0,
      nesterov: Bool = false, maximize: Bool = false
    ) {
      self.lr = lr
      self.momentum = momentum
      self.dampening = dampening
      self.weightDecay = weightDecay
      self.nesterov = nesterov
      self.maximize = maximize
    }
  }

  public struct State: Codable, Equatable, Sendable {
    public var step: Int = 0
    /// Absent until the first step with momentum, as in torch.
    public var momentumBuffer: [Double]?
  }

  public private(set) var hyperparameters: Hyperparameters
  public var state = State()

  public var learningRate: Double {
    get { hyperparameters.lr }
    set {
      precondition(newValue.isFinite && newValue >= 0, "learning rate must be finite and 0 or more")
      hyperparameters.lr = newValue
    }
  }

  public init(_ hyperparameters: Hyperparameters = Hyperparameters()) throws(OptimizerError) {
    let h = hyperparameters
    try OptimizerError.require(h.lr >= 0, "lr", "must be 0 or more, got \(h.lr)")
    try OptimizerError.require(h.momentum >= 0, "momentum", "must be 0 or more, got \(h.momentum)")
    try OptimizerError.require(
      h.weightDecay >= 0, "weight_decay", "must be 0 or more, got \(h.weightDecay)")
    if h.nesterov {
      try OptimizerError.require(
        h.momentum > 0 && h.dampening == 0, "nesterov",
        "requires momentum > 0 and dampening = 0, got momentum=\(h.momentum), dampening=\(h.dampening)"
      )
    }
    self.hyperparameters = h
  }

  public mutating func step(parameters: inout [Double], gradients: [Double]) throws(OptimizerError)
  {
    try OptimizerError.requireMatchingCount(
      parameters: parameters.count, gradients: gradients.count)
    let h = hyperparameters
    state.step += 1

    let usesMomentum = h.momentum != 0
    if let buffer = state.momentumBuffer {
      try OptimizerError.requireStateCount(parameters: parameters.count, state: buffer.count)
    }
    // The first buffer is the gradient itself: dampening applies from the second step on.
    let isFirstMomentumStep = state.momentumBuffer == nil
    var buffer = state.momentumBuffer ?? [Double](repeating: 0, count: parameters.count)

    for i in parameters.indices {
      var g = h.maximize ? -gradients[i] : gradients[i]
      if h.weightDecay != 0 {
        g = TorchArithmetic.add(g, parameters[i], alpha: h.weightDecay)
      }

      if usesMomentum {
        if isFirstMomentumStep {
          buffer[i] = g
        } else {
          buffer[i] = TorchArithmetic.add(buffer[i] * h.momentum, g, alpha: 1 - h.dampening)
        }
        g = h.nesterov ? TorchArithmetic.add(g, buffer[i], alpha: h.momentum) : buffer[i]
      }

      parameters[i] = TorchArithmetic.add(parameters[i], g, alpha: -h.lr)
    }

    if usesMomentum { state.momentumBuffer = buffer }
  }

  public func stateQuantities() -> [StateQuantity] {
    guard let buffer = state.momentumBuffer else { return [] }
    return [StateQuantity(name: "momentum_buffer", values: buffer)]
  }
}
