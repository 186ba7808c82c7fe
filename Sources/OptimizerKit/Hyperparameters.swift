/// One hyperparameter value as torch spells it: a number, a flag, or a pair such as `betas`.
public enum HyperparameterValue: Equatable, Sendable, CustomStringConvertible {
  case number(Double)
  case flag(Bool)
  case pair(Double, Double)

  public var description: String {
    switch self {
    case .number(let value): "\(value)"
    case .flag(let value): "\(value)"
    case .pair(let first, let second): "(\(first), \(second))"
    }
  }
}

extension ReferenceOptimizer {
  /// The optimizer class names torch uses, in the order lessons introduce them.
  public static let torchNames = ["SGD", "Adagrad", "RMSprop", "Adam", "AdamW"]

  /// The hyperparameter names each optimizer accepts, spelled as in torch.
  public static func hyperparameterNames(for torchName: String) -> [String]? {
    switch canonicalName(torchName) {
    case "SGD": ["lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize"]
    case "Adagrad":
      ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"]
    case "RMSprop": ["lr", "alpha", "eps", "weight_decay", "momentum", "centered", "maximize"]
    case "Adam", "AdamW": ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"]
    default: nil
    }
  }

  /// The torch spelling of `name`, matched without regard to case; nil when unknown.
  public static func canonicalName(_ name: String) -> String? {
    torchNames.first { $0.lowercased() == name.lowercased() }
  }

  /// Builds the reference optimizer torch would build from the same class name and arguments.
  ///
  /// An absent hyperparameter takes torch's default.
  /// - Throws: ``OptimizerError`` naming the field for an unknown optimizer, an unknown
  ///   hyperparameter, a value of the wrong kind, or a value out of range.
  public static func make(
    torchName: String, hyperparameters: [String: HyperparameterValue], parameterCount: Int
  ) throws(OptimizerError) -> ReferenceOptimizer {
    guard let name = canonicalName(torchName), let known = hyperparameterNames(for: name) else {
      throw OptimizerError(
        field: "optimizer",
        message:
          "unknown optimizer '\(torchName)'; use one of \(torchNames.joined(separator: ", "))")
    }
    for key in hyperparameters.keys.sorted() where !known.contains(key) {
      throw OptimizerError(
        field: key,
        message:
          "\(name) has no hyperparameter '\(key)'; it accepts \(known.joined(separator: ", "))")
    }
    for (key, value) in hyperparameters.sorted(by: { $0.key < $1.key }) {
      let numbers: [Double]
      switch value {
      case .number(let number): numbers = [number]
      case .pair(let first, let second): numbers = [first, second]
      case .flag: numbers = []
      }
      if numbers.contains(where: { !$0.isFinite }) {
        throw OptimizerError(field: key, message: "must be a finite number, got \(value)")
      }
    }
    let reader = HyperparameterReader(values: hyperparameters)

    switch name {
    case "SGD":
      let d = SGD.Hyperparameters()
      return .sgd(
        try SGD(
          SGD.Hyperparameters(
            lr: try reader.number("lr", d.lr), momentum: try reader.number("momentum", d.momentum),
            dampening: try reader.number("dampening", d.dampening),
            weightDecay: try reader.number("weight_decay", d.weightDecay),
            nesterov: try reader.flag("nesterov", d.nesterov),
            maximize: try reader.flag("maximize", d.maximize))))
    case "Adagrad":
      let d = Adagrad.Hyperparameters()
      return .adagrad(
        try Adagrad(
          Adagrad.Hyperparameters(
            lr: try reader.number("lr", d.lr), lrDecay: try reader.number("lr_decay", d.lrDecay),
            weightDecay: try reader.number("weight_decay", d.weightDecay),
            initialAccumulatorValue: try reader.number(
              "initial_accumulator_value", d.initialAccumulatorValue),
            eps: try reader.number("eps", d.eps), maximize: try reader.flag("maximize", d.maximize)),
          parameterCount: parameterCount))
    case "RMSprop":
      let d = RMSprop.Hyperparameters()
      return .rmsprop(
        try RMSprop(
          RMSprop.Hyperparameters(
            lr: try reader.number("lr", d.lr), alpha: try reader.number("alpha", d.alpha),
            eps: try reader.number("eps", d.eps),
            weightDecay: try reader.number("weight_decay", d.weightDecay),
            momentum: try reader.number("momentum", d.momentum),
            centered: try reader.flag("centered", d.centered),
            maximize: try reader.flag("maximize", d.maximize)),
          parameterCount: parameterCount))
    default:
      let d = name == "AdamW" ? Adam.Hyperparameters.adamW() : Adam.Hyperparameters()
      let betas = try reader.pair("betas", (d.beta1, d.beta2))
      return .adam(
        try Adam(
          Adam.Hyperparameters(
            lr: try reader.number("lr", d.lr), beta1: betas.0, beta2: betas.1,
            eps: try reader.number("eps", d.eps),
            weightDecay: try reader.number("weight_decay", d.weightDecay),
            amsgrad: try reader.flag("amsgrad", d.amsgrad),
            maximize: try reader.flag("maximize", d.maximize),
            weightDecayMode: d.weightDecayMode),
          parameterCount: parameterCount))
    }
  }
}

/// Reads typed values out of a hyperparameter dictionary, falling back to defaults.
private struct HyperparameterReader {
  let values: [String: HyperparameterValue]

  func number(_ key: String, _ fallback: Double) throws(OptimizerError) -> Double {
    switch values[key] {
    case nil: return fallback
    case .number(let value): return value
    case .some(let other):
      throw OptimizerError(field: key, message: "expected a number, got \(other)")
    }
  }

  func flag(_ key: String, _ fallback: Bool) throws(OptimizerError) -> Bool {
    switch values[key] {
    case nil: return fallback
    case .flag(let value): return value
    case .some(let other):
      throw OptimizerError(field: key, message: "expected true or false, got \(other)")
    }
  }

  func pair(_ key: String, _ fallback: (Double, Double)) throws(OptimizerError) -> (Double, Double)
  {
    switch values[key] {
    case nil: return fallback
    case .pair(let first, let second): return (first, second)
    case .some(let other):
      throw OptimizerError(
        field: key, message: "expected two numbers such as (0.9, 0.999), got \(other)")
    }
  }
}
