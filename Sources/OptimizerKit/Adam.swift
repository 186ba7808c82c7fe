import Foundation

/// Adam and AdamW, matching `torch.optim.Adam` and `torch.optim.AdamW`.
///
/// Adam's `weight_decay` is L2 regularization: λθ is added to the gradient before the moments.
/// AdamW decouples it: θ ← θ·(1 − η·λ) before the Adam update, and the moments never see it.
public struct Adam: Optimizer {
  /// The way `weight_decay` enters the update.
  public enum WeightDecayMode: String, Codable, Sendable {
    /// Adam: g ← g + λθ.
    case l2
    /// AdamW: θ ← θ·(1 − ηλ), applied before the moment update.
    case decoupled
  }

  public struct Hyperparameters: Codable, Equatable, Sendable {
    public var lr: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    public var amsgrad: Bool
    public var maximize: Bool
    public var weightDecayMode: WeightDecayMode

    /// torch.optim.Adam's defaults.
    public init(
      lr: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
      weightDecay: Double = 0, amsgrad: Bool = false, maximize: Bool = false,
      weightDecayMode: WeightDecayMode = .l2
    ) {
      self.lr = lr
      self.beta1 = beta1
      self.beta2 = beta2
      self.eps = eps
      self.weightDecay = weightDecay
      self.amsgrad = amsgrad
      self.maximize = maximize
      self.weightDecayMode = weightDecayMode
    }

    /// torch.optim.AdamW's defaults, which differ from Adam's only in `weight_decay` = 0.01.
    public static func adamW(
      lr: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
      weightDecay: Double = 1e-2, amsgrad: Bool = false, maximize: Bool = false
    ) -> Hyperparameters {
      Hyperparameters(
        lr: lr, beta1: beta1, beta2: beta2, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad,
        maximize: maximize, weightDecayMode: .decoupled)
    }
  }

  public struct State: Codable, Equatable, Sendable {
    /// The step count t of the latest update; 0 before the first.
    public var step: Int = 0
    /// The first moment m, an exponential moving average of the gradient.
    public var expAvg: [Double]
    /// The second moment v, an exponential moving average of the squared gradient.
    public var expAvgSq: [Double]
    /// AMSGrad's running maximum of the raw v; nil unless `amsgrad` is on.
    public var maxExpAvgSq: [Double]?
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
    try OptimizerError.require(
      (0..<1).contains(h.beta1), "betas",
      "beta1 must be in [0, 1), got \(h.beta1)")
    try OptimizerError.require(
      (0..<1).contains(h.beta2), "betas",
      "beta2 must be in [0, 1), got \(h.beta2)")
    try OptimizerError.require(
      h.weightDecay >= 0, "weight_decay", "must be 0 or more, got \(h.weightDecay)")
    self.hyperparameters = h
    let zeros = [Double](repeating: 0, count: parameterCount)
    self.state = State(expAvg: zeros, expAvgSq: zeros, maxExpAvgSq: h.amsgrad ? zeros : nil)
  }

  /// 1 − β₁ᵗ for the latest step t.
  public var biasCorrection1: Double { 1 - pow(hyperparameters.beta1, Double(state.step)) }
  /// 1 − β₂ᵗ for the latest step t.
  public var biasCorrection2: Double { 1 - pow(hyperparameters.beta2, Double(state.step)) }

  public mutating func step(parameters: inout [Double], gradients: [Double]) throws(OptimizerError)
  {
    try OptimizerError.requireMatchingCount(
      parameters: parameters.count, gradients: gradients.count)
    try OptimizerError.requireStateCount(parameters: parameters.count, state: state.expAvg.count)
    let h = hyperparameters
    state.step += 1

    let stepSize = h.lr / biasCorrection1
    // torch evaluates this as the Python float power `bias_correction2 ** 0.5`.
    let biasCorrection2Sqrt = pow(biasCorrection2, 0.5)
    let decayFactor = 1 - h.lr * h.weightDecay
    var maxima = state.maxExpAvgSq ?? []

    for i in parameters.indices {
      var g = h.maximize ? -gradients[i] : gradients[i]
      if h.weightDecay != 0 {
        switch h.weightDecayMode {
        case .l2: g = TorchArithmetic.add(g, parameters[i], alpha: h.weightDecay)
        case .decoupled: parameters[i] *= decayFactor
        }
      }

      state.expAvg[i] = TorchArithmetic.lerp(state.expAvg[i], g, weight: 1 - h.beta1)
      state.expAvgSq[i] = TorchArithmetic.addcmul(
        state.expAvgSq[i] * h.beta2, g, g, value: 1 - h.beta2)

      // AMSGrad keeps the maximum of the raw v, then bias-corrects it like v.
      var secondMoment = state.expAvgSq[i]
      if h.amsgrad {
        maxima[i] = Swift.max(maxima[i], secondMoment)
        secondMoment = maxima[i]
      }

      // ε is added after √v is bias-corrected: denom = √v / √(1 − β₂ᵗ) + ε.
      let denominator = secondMoment.squareRoot() / biasCorrection2Sqrt + h.eps
      parameters[i] = TorchArithmetic.addcdiv(
        parameters[i], state.expAvg[i], denominator, value: -stepSize)
    }

    if h.amsgrad { state.maxExpAvgSq = maxima }
  }

  /// m, v, the bias-corrected m̂ and v̂, and AMSGrad's v_max when present.
  public func stateQuantities() -> [StateQuantity] {
    let c1 = biasCorrection1
    let c2 = biasCorrection2
    var quantities = [
      StateQuantity(name: "m", values: state.expAvg),
      StateQuantity(name: "v", values: state.expAvgSq),
      StateQuantity(name: "m_hat", values: state.expAvg.map { $0 / c1 }),
      StateQuantity(name: "v_hat", values: state.expAvgSq.map { $0 / c2 }),
    ]
    if let maximum = state.maxExpAvgSq {
      quantities.append(StateQuantity(name: "v_max", values: maximum))
    }
    return quantities
  }
}
