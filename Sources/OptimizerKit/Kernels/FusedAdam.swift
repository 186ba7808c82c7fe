import Foundation

/// Adam and AdamW over contiguous Float32 buffers: one fused, vectorized, multi-threaded pass.
///
/// The semantics are those of the float64 ``Adam`` (and of `torch.optim.Adam`/`AdamW`):
/// L2 or decoupled weight decay, bias correction, ε added after the bias-corrected √v, optional
/// AMSGrad and `maximize`. Each step reads θ, g, m and v once and writes θ, m and v once.
///
/// The update is evaluated in a rearranged but equal form so that each element costs one
/// square root and one division:
///
///     η/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)  =  α · m / (√v + ε′)
///     with α = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ) and ε′ = ε·√(1 − β₂ᵗ), both computed in float64.
///
/// The results therefore differ from torch's float32 kernel by a few units in the last place
/// per step, not bit for bit.
public struct FusedAdam: Sendable {
  public let hyperparameters: Adam.Hyperparameters
  /// The step count t of the latest update; 0 before the first.
  public private(set) var step: Int = 0
  /// How many chunks the buffers are split into, run concurrently with Dispatch.
  public var threadCount: Int

  /// - Throws: ``OptimizerError`` for the same out-of-range hyperparameters as ``Adam``, or a
  ///   thread count below 1.
  public init(_ hyperparameters: Adam.Hyperparameters = .init(), threadCount: Int = 1)
    throws(OptimizerError)
  {
    _ = try Adam(hyperparameters, parameterCount: 0)
    try OptimizerError.require(threadCount >= 1, "threads", "must be 1 or more, got \(threadCount)")
    self.hyperparameters = hyperparameters
    self.threadCount = threadCount
  }

  /// Applies one update in place. All buffers must have the same count; `maxSecondMoment`
  /// (AMSGrad's running maximum of v) is required when `amsgrad` is on and ignored otherwise.
  ///
  /// The moment buffers start as zeros, as torch's state does.
  public mutating func step(
    parameters: UnsafeMutableBufferPointer<Float>,
    gradients: UnsafeBufferPointer<Float>,
    firstMoment: UnsafeMutableBufferPointer<Float>,
    secondMoment: UnsafeMutableBufferPointer<Float>,
    maxSecondMoment: UnsafeMutableBufferPointer<Float>? = nil
  ) throws(OptimizerError) {
    let count = parameters.count
    try OptimizerError.requireMatchingCount(parameters: count, gradients: gradients.count)
    for (name, buffer) in [("first moment", firstMoment), ("second moment", secondMoment)] {
      try OptimizerError.require(
        buffer.count == count, "state", "\(name) has \(buffer.count) values, expected \(count)")
    }
    if hyperparameters.amsgrad {
      try OptimizerError.require(
        maxSecondMoment?.count == count, "amsgrad",
        "needs a max second moment buffer of \(count) values")
    }
    guard count > 0 else {
      step += 1
      return
    }

    step += 1
    let constants = AdamStepConstants(hyperparameters, step: step)
    let buffers = AdamBuffers(
      parameters: parameters.baseAddress!, gradients: gradients.baseAddress!,
      firstMoment: firstMoment.baseAddress!, secondMoment: secondMoment.baseAddress!,
      maxSecondMoment: hyperparameters.amsgrad
        ? maxSecondMoment!.baseAddress! : secondMoment.baseAddress!)
    KernelPartition.forEachChunk(count: count, threadCount: threadCount) { range in
      AdamKernel.run(constants, buffers, range)
    }
  }
}

/// The per-step scalars of the fused update, rounded once to Float32 and hoisted out of the loop.
struct AdamStepConstants: Sendable {
  var flags: AdamKernelFlags
  /// 1 − β₁, the weight of g in the lerp that updates m.
  var firstMomentWeight: Float
  /// β₁, used by the lerp form torch picks when 1 − β₁ ≥ 0.5.
  var beta1: Float
  var beta2: Float
  var oneMinusBeta2: Float
  /// λ for Adam's L2 term g + λθ.
  var weightDecay: Float
  /// 1 − ηλ for AdamW's decoupled decay.
  var decayFactor: Float
  /// α = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ).
  var scaledStepSize: Float
  /// ε′ = ε·√(1 − β₂ᵗ).
  var scaledEps: Float

  init(_ h: Adam.Hyperparameters, step: Int) {
    let biasCorrection1 = 1 - pow(h.beta1, Double(step))
    let biasCorrection2Sqrt = (1 - pow(h.beta2, Double(step))).squareRoot()
    let hasDecay = h.weightDecay != 0
    flags = AdamKernelFlags(
      l2: hasDecay && h.weightDecayMode == .l2,
      decoupled: hasDecay && h.weightDecayMode == .decoupled,
      amsgrad: h.amsgrad, maximize: h.maximize,
      // ATen's lerp switches formula at weight 0.5, as TorchArithmetic.lerp does.
      highLerpWeight: !(abs(1 - h.beta1) < 0.5))
    firstMomentWeight = Float(1 - h.beta1)
    beta1 = Float(h.beta1)
    beta2 = Float(h.beta2)
    oneMinusBeta2 = Float(1 - h.beta2)
    weightDecay = Float(h.weightDecay)
    decayFactor = Float(1 - h.lr * h.weightDecay)
    scaledStepSize = Float(h.lr / biasCorrection1 * biasCorrection2Sqrt)
    scaledEps = Float(h.eps * biasCorrection2Sqrt)
  }
}

struct AdamKernelFlags: Sendable {
  var l2: Bool
  var decoupled: Bool
  var amsgrad: Bool
  var maximize: Bool
  var highLerpWeight: Bool
}

/// Base addresses of the buffers; workers touch disjoint ranges of them.
struct AdamBuffers: @unchecked Sendable {
  var parameters: UnsafeMutablePointer<Float>
  var gradients: UnsafePointer<Float>
  var firstMoment: UnsafeMutablePointer<Float>
  var secondMoment: UnsafeMutablePointer<Float>
  /// AMSGrad's buffer, or any valid pointer when AMSGrad is off (then never read).
  var maxSecondMoment: UnsafeMutablePointer<Float>

  func advanced(by offset: Int) -> AdamBuffers {
    AdamBuffers(
      parameters: parameters + offset, gradients: gradients + offset,
      firstMoment: firstMoment + offset, secondMoment: secondMoment + offset,
      maxSecondMoment: maxSecondMoment + offset)
  }
}
