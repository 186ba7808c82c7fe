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

extension ReferenceOptimizer {
  /// The learning rate η of the next step; see ``Optimizer/learningRate``.
  public var learningRate: Double {
    get {
      switch self {
      case .sgd(let optimizer): optimizer.learningRate
      case .adagrad(let optimizer): optimizer.learningRate
      case .rmsprop(let optimizer): optimizer.learningRate
      case .adam(let optimizer): optimizer.learningRate
      }
    }
    set {
      switch self {
      case .sgd(var optimizer):
        optimizer.learningRate = newValue
        self = .sgd(optimizer)
      case .adagrad(var optimizer):
        optimizer.learningRate = newValue
        self = .adagrad(optimizer)
      case .rmsprop(var optimizer):
        optimizer.learningRate = newValue
        self = .rmsprop(optimizer)
      case .adam(var optimizer):
        optimizer.learningRate = newValue
        self = .adam(optimizer)
      }
    }
  }

  /// Every hyperparameter with its effective value, defaults included, in torch's argument
  /// order and spelled as torch spells it.
  public var hyperparameterValues: [(name: String, value: HyperparameterValue)] {
    switch self {
    case .sgd(let optimizer):
      let h = optimizer.hyperparameters
      return [
        ("lr", .number(h.lr)), ("momentum", .number(h.momentum)),
        ("dampening", .number(h.dampening)), ("weight_decay", .number(h.weightDecay)),
        ("nesterov", .flag(h.nesterov)), ("maximize", .flag(h.maximize)),
      ]
    case .adagrad(let optimizer):
      let h = optimizer.hyperparameters
      return [
        ("lr", .number(h.lr)), ("lr_decay", .number(h.lrDecay)),
        ("weight_decay", .number(h.weightDecay)),
        ("initial_accumulator_value", .number(h.initialAccumulatorValue)),
        ("eps", .number(h.eps)), ("maximize", .flag(h.maximize)),
      ]
    case .rmsprop(let optimizer):
      let h = optimizer.hyperparameters
      return [
        ("lr", .number(h.lr)), ("alpha", .number(h.alpha)), ("eps", .number(h.eps)),
        ("weight_decay", .number(h.weightDecay)), ("momentum", .number(h.momentum)),
        ("centered", .flag(h.centered)), ("maximize", .flag(h.maximize)),
      ]
    case .adam(let optimizer):
      let h = optimizer.hyperparameters
      return [
        ("lr", .number(h.lr)), ("betas", .pair(h.beta1, h.beta2)), ("eps", .number(h.eps)),
        ("weight_decay", .number(h.weightDecay)), ("amsgrad", .flag(h.amsgrad)),
        ("maximize", .flag(h.maximize)),
      ]
    }
  }
}

extension ReferenceOptimizer: Codable {
  private enum CodingKeys: String, CodingKey {
    case optimizer
    case sgd, adagrad, rmsprop, adam
  }

  /// Encodes as `{"optimizer": "<torch name>", "<kind>": {"hyperparameters": …, "state": …}}`.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(torchName, forKey: .optimizer)
    switch self {
    case .sgd(let optimizer): try container.encode(optimizer, forKey: .sgd)
    case .adagrad(let optimizer): try container.encode(optimizer, forKey: .adagrad)
    case .rmsprop(let optimizer): try container.encode(optimizer, forKey: .rmsprop)
    case .adam(let optimizer): try container.encode(optimizer, forKey: .adam)
    }
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let optimizer = try container.decodeIfPresent(SGD.self, forKey: .sgd) {
      self = .sgd(optimizer)
    } else if let optimizer = try container.decodeIfPresent(Adagrad.self, forKey: .adagrad) {
      self = .adagrad(optimizer)
    } else if let optimizer = try container.decodeIfPresent(RMSprop.self, forKey: .rmsprop) {
      self = .rmsprop(optimizer)
    } else if let optimizer = try container.decodeIfPresent(Adam.self, forKey: .adam) {
      self = .adam(optimizer)
    } else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription: "expected one of the keys sgd, adagrad, rmsprop or adam"))
    }
  }
}
