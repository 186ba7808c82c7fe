/// A compile-time switch: each combination of options gets its own specialized loop, so the
/// inner loop carries no branches.
protocol KernelSwitch { static var isOn: Bool { get } }
enum SwitchOn: KernelSwitch { static var isOn: Bool { true } }
enum SwitchOff: KernelSwitch { static var isOn: Bool { false } }

/// The loop behind ``FusedAdam``: 16 elements (one 64-byte cache line per buffer) per
/// iteration as four 4-lane vectors.
enum AdamKernel {
  static let blockSize = KernelPartition.alignment

  /// Updates the elements in `range`. A final partial block goes through the same vector code
  /// on a zero-padded copy, so every element is rounded identically whatever the chunking.
  static func run(_ k: AdamStepConstants, _ buffers: AdamBuffers, _ range: Range<Int>) {
    let f = k.flags
    if f.l2 {
      decoupled(SwitchOn.self, k, buffers, range)
    } else {
      decoupled(SwitchOff.self, k, buffers, range)
    }
  }

  private static func decoupled<L2: KernelSwitch>(
    _: L2.Type, _ k: AdamStepConstants, _ b: AdamBuffers, _ range: Range<Int>
  ) {
    if k.flags.decoupled {
      amsgrad(L2.self, SwitchOn.self, k, b, range)
    } else {
      amsgrad(L2.self, SwitchOff.self, k, b, range)
    }
  }

  private static func amsgrad<L2: KernelSwitch, Decoupled: KernelSwitch>(
    _: L2.Type, _: Decoupled.Type, _ k: AdamStepConstants, _ b: AdamBuffers,
    _ range: Range<Int>
  ) {
    if k.flags.amsgrad {
      maximize(L2.self, Decoupled.self, SwitchOn.self, k, b, range)
    } else {
      maximize(L2.self, Decoupled.self, SwitchOff.self, k, b, range)
    }
  }

  private static func maximize<L2: KernelSwitch, Decoupled: KernelSwitch, AMSGrad: KernelSwitch>(
    _: L2.Type, _: Decoupled.Type, _: AMSGrad.Type, _ k: AdamStepConstants, _ b: AdamBuffers,
    _ range: Range<Int>
  ) {
    switch (k.flags.maximize, k.flags.highLerpWeight) {
    case (false, false):
      loop(L2.self, Decoupled.self, AMSGrad.self, SwitchOff.self, SwitchOff.self, k, b, range)
    case (false, true):
      loop(L2.self, Decoupled.self, AMSGrad.self, SwitchOff.self, SwitchOn.self, k, b, range)
    case (true, false):
      loop(L2.self, Decoupled.self, AMSGrad.self, SwitchOn.self, SwitchOff.self, k, b, range)
    case (true, true):
      loop(L2.self, Decoupled.self, AMSGrad.self, SwitchOn.self, SwitchOn.self, k, b, range)
    }
  }

  private static func loop<
    L2: KernelSwitch, Decoupled: KernelSwitch, AMSGrad: KernelSwitch, Maximize: KernelSwitch,
    HighLerpWeight: KernelSwitch
  >(
    _: L2.Type, _: Decoupled.Type, _: AMSGrad.Type, _: Maximize.Type, _: HighLerpWeight.Type,
    _ k: AdamStepConstants, _ buffers: AdamBuffers, _ range: Range<Int>
  ) {
    let c = VectorConstants(k)
    let fullEnd = range.lowerBound + (range.count / blockSize) * blockSize
    var index = range.lowerBound
    while index < fullEnd {
      let block = buffers.advanced(by: index)
      for lane in stride(from: 0, to: blockSize, by: 4) {
        update(
          L2.self, Decoupled.self, AMSGrad.self, Maximize.self, HighLerpWeight.self, c, block, lane)
      }
      index += blockSize
    }

    let tail = range.upperBound - fullEnd
    guard tail > 0 else { return }
    // Five padded 16-element scratch rows: θ, g, m, v, v_max.
    withUnsafeTemporaryAllocation(of: Float.self, capacity: 5 * blockSize) { scratch in
      let base = scratch.baseAddress!
      base.initialize(repeating: 0, count: 5 * blockSize)
      let padded = AdamBuffers(
        parameters: base, gradients: base + blockSize, firstMoment: base + 2 * blockSize,
        secondMoment: base + 3 * blockSize, maxSecondMoment: base + 4 * blockSize)
      let source = buffers.advanced(by: fullEnd)
      padded.parameters.update(from: source.parameters, count: tail)
      padded.firstMoment.update(from: source.firstMoment, count: tail)
      padded.secondMoment.update(from: source.secondMoment, count: tail)
      UnsafeMutablePointer(mutating: padded.gradients).update(from: source.gradients, count: tail)
      if AMSGrad.isOn {
        padded.maxSecondMoment.update(from: source.maxSecondMoment, count: tail)
      }
      for lane in stride(from: 0, to: blockSize, by: 4) {
        update(
          L2.self, Decoupled.self, AMSGrad.self, Maximize.self, HighLerpWeight.self, c, padded, lane
        )
      }
      source.parameters.update(from: padded.parameters, count: tail)
      source.firstMoment.update(from: padded.firstMoment, count: tail)
      source.secondMoment.update(from: padded.secondMoment, count: tail)
      if AMSGrad.isOn {
        source.maxSecondMoment.update(from: padded.maxSecondMoment, count: tail)
      }
    }
  }

  /// Updates one 4-lane vector, in torch's order of operations except for the
  /// rearranged denominator described on ``FusedAdam``.
  @inline(__always)
  private static func update<
    L2: KernelSwitch, Decoupled: KernelSwitch, AMSGrad: KernelSwitch, Maximize: KernelSwitch,
    HighLerpWeight: KernelSwitch
  >(
    _: L2.Type, _: Decoupled.Type, _: AMSGrad.Type, _: Maximize.Type, _: HighLerpWeight.Type,
    _ c: VectorConstants, _ b: AdamBuffers, _ offset: Int
  ) {
    var theta = Lanes(loadingFrom: b.parameters + offset)
    var g = Lanes(loadingFrom: b.gradients + offset)
    var m = Lanes(loadingFrom: b.firstMoment + offset)
    var v = Lanes(loadingFrom: b.secondMoment + offset)

    if Maximize.isOn { g = -g }
    if L2.isOn { g = g + c.weightDecay * theta }
    if Decoupled.isOn { theta = theta * c.decayFactor }

    if HighLerpWeight.isOn {
      m = g - (g - m) * c.beta1
    } else {
      m = m + c.firstMomentWeight * (g - m)
    }
    v = v * c.beta2 + c.oneMinusBeta2 * (g * g)

    var secondMoment = v
    if AMSGrad.isOn {
      secondMoment = pointwiseMax(Lanes(loadingFrom: b.maxSecondMoment + offset), v)
      secondMoment.store(to: b.maxSecondMoment + offset)
    }
    theta = theta - (c.scaledStepSize * m) / (secondMoment.laneSquareRoot + c.scaledEps)

    theta.store(to: b.parameters + offset)
    m.store(to: b.firstMoment + offset)
    v.store(to: b.secondMoment + offset)
  }
}

/// ``AdamStepConstants`` broadcast to vectors once per chunk.
struct VectorConstants {
  var firstMomentWeight: Lanes
  var beta1: Lanes
  var beta2: Lanes
  var oneMinusBeta2: Lanes
  var weightDecay: Lanes
  var decayFactor: Lanes
  var scaledStepSize: Lanes
  var scaledEps: Lanes

  init(_ k: AdamStepConstants) {
    firstMomentWeight = Lanes(repeating: k.firstMomentWeight)
    beta1 = Lanes(repeating: k.beta1)
    beta2 = Lanes(repeating: k.beta2)
    oneMinusBeta2 = Lanes(repeating: k.oneMinusBeta2)
    weightDecay = Lanes(repeating: k.weightDecay)
    decayFactor = Lanes(repeating: k.decayFactor)
    scaledStepSize = Lanes(repeating: k.scaledStepSize)
    scaledEps = Lanes(repeating: k.scaledEps)
  }
}
