/// Any of the reference optimizers behind one type, for code that picks one at run time,
/// such as `trace` and the exercise checker.
public enum ReferenceOptimizer: Sendable {
  case sgd(SGD)
  case adagrad(Adagrad)
  case rmsprop(RMSprop)
  case adam(Adam)

  /// The class name torch uses: SGD, Adagrad, RMSprop, Adam or AdamW.
  public var torchName: String {
    switch self {
    case .sgd: "SGD"
    case .adagrad: "Adagrad"
    case .rmsprop: "RMSprop"
    case .adam(let adam): adam.hyperparameters.weightDecayMode == .decoupled ? "AdamW" : "Adam"
    }
  }

  /// The step count t of the latest update.
  public var step: Int {
    switch self {
    case .sgd(let optimizer): optimizer.state.step
    case .adagrad(let optimizer): optimizer.state.step
    case .rmsprop(let optimizer): optimizer.state.step
    case .adam(let optimizer): optimizer.state.step
    }
  }

  public mutating func step(parameters: inout [Double], gradients: [Double]) throws(OptimizerError)
  {
    switch self {
    case .sgd(var optimizer):
      try optimizer.step(parameters: &parameters, gradients: gradients)
      self = .sgd(optimizer)
    case .adagrad(var optimizer):
      try optimizer.step(parameters: &parameters, gradients: gradients)
      self = .adagrad(optimizer)
    case .rmsprop(var optimizer):
      try optimizer.step(parameters: &parameters, gradients: gradients)
      self = .rmsprop(optimizer)
    case .adam(var optimizer):
      try optimizer.step(parameters: &parameters, gradients: gradients)
      self = .adam(optimizer)
    }
  }

  public func stateQuantities() -> [StateQuantity] {
    switch self {
    case .sgd(let optimizer): optimizer.stateQuantities()
    case .adagrad(let optimizer): optimizer.stateQuantities()
    case .rmsprop(let optimizer): optimizer.stateQuantities()
    case .adam(let optimizer): optimizer.stateQuantities()
    }
  }
}
