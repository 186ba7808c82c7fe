import Foundation

/// AdamW evaluated as eight separate element-wise passes over memory, in the order of
/// torch's for-loop implementation (`foreach=False, fused=False`):
///
///     θ.mul_(1 − ηλ); m.lerp_(g, 1 − β₁); v.mul_(β₂); v.addcmul_(g, g, 1 − β₂)
///     s = v.sqrt(); d = s / √(1 − β₂ᵗ); d.add_(ε); θ.addcdiv_(m, d, −η/(1 − β₁ᵗ))
///
/// Each pass streams its operands through memory again: 80 bytes per parameter per step
/// against the fused kernel's 28. It exists to measure what fusing buys; use ``FusedAdam``
/// to train. The two temporaries `s` and `d` are caller-provided buffers, so the passes are
/// measured without allocation.
public struct UnfusedAdamW: Sendable {
  public let hyperparameters: Adam.Hyperparameters
  public private(set) var step = 0
  public var threadCount: Int

  /// - Throws: ``OptimizerError`` for out-of-range hyperparameters, a thread count below 1,
  ///   or `amsgrad`, `maximize` or L2 weight decay, which this sequence does not cover.
  public init(_ hyperparameters: Adam.Hyperparameters = .adamW(), threadCount: Int = 1)
    throws(OptimizerError)
  {
    _ = try FusedAdam(hyperparameters, threadCount: threadCount)
    try OptimizerError.require(
      !hyperparameters.amsgrad && !hyperparameters.maximize
        && hyperparameters.weightDecayMode == .decoupled,
      "optimizer", "the unfused sequence covers AdamW without amsgrad or maximize")
    self.hyperparameters = hyperparameters
    self.threadCount = threadCount
  }

  /// One step; every buffer must have the same count (not checked beyond a precondition,
  /// because this type serves benchmarks).
  public mutating func step(
    parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>,
    firstMoment: UnsafeMutableBufferPointer<Float>, secondMoment: UnsafeMutableBufferPointer<Float>,
    scratch: (UnsafeMutableBufferPointer<Float>, UnsafeMutableBufferPointer<Float>)
  ) {
    let count = parameters.count
    precondition(
      [gradients.count, firstMoment.count, secondMoment.count, scratch.0.count, scratch.1.count]
        .allSatisfy { $0 == count }, "all buffers must have the parameters' count")
    guard count > 0 else { return }
    step += 1
    let h = hyperparameters
    let biasCorrection1 = 1 - pow(h.beta1, Double(step))
    let biasCorrection2Sqrt = (1 - pow(h.beta2, Double(step))).squareRoot()
    let pointers = UnfusedPointers(
      theta: parameters.baseAddress!, g: gradients.baseAddress!, m: firstMoment.baseAddress!,
      v: secondMoment.baseAddress!, s: scratch.0.baseAddress!, d: scratch.1.baseAddress!)

    let decay = Lanes(repeating: Float(1 - h.lr * h.weightDecay))
    let weight = Lanes(repeating: Float(1 - h.beta1))
    let beta2 = Lanes(repeating: Float(h.beta2))
    let oneMinusBeta2 = Lanes(repeating: Float(1 - h.beta2))
    let correction = Lanes(repeating: Float(biasCorrection2Sqrt))
    let eps = Lanes(repeating: Float(h.eps))
    let negativeStepSize = Lanes(repeating: Float(-h.lr / biasCorrection1))

    pass(count) { p, i in p.store(p.load(p.theta, i) * decay, p.theta, i) }
    pass(count) { p, i in
      let m = p.load(p.m, i)
      p.store(m + weight * (p.load(p.g, i) - m), p.m, i)
    }
    pass(count) { p, i in p.store(p.load(p.v, i) * beta2, p.v, i) }
    pass(count) { p, i in
      let g = p.load(p.g, i)
      p.store(p.load(p.v, i) + oneMinusBeta2 * g * g, p.v, i)
    }
    pass(count) { p, i in p.store(p.load(p.v, i).laneSquareRoot, p.s, i) }
    pass(count) { p, i in p.store(p.load(p.s, i) / correction, p.d, i) }
    pass(count) { p, i in p.store(p.load(p.d, i) + eps, p.d, i) }
    pass(count) { p, i in
      p.store(
        p.load(p.theta, i) + negativeStepSize * p.load(p.m, i) / p.load(p.d, i), p.theta, i)
    }

    func pass(_ count: Int, _ body: (UnfusedPointers, Int) -> Void) {
      KernelPartition.forEachChunk(count: count, threadCount: threadCount) { range in
        var index = range.lowerBound
        while index + 4 <= range.upperBound {
          body(pointers, index)
          index += 4
        }
        // The last partial vector runs on a padded copy of each buffer's tail.
        if index < range.upperBound {
          pointers.withPaddedTail(from: index, to: range.upperBound) { padded in
            body(padded, 0)
          }
        }
      }
    }
  }
}

struct UnfusedPointers: @unchecked Sendable {
  var theta: UnsafeMutablePointer<Float>
  var g: UnsafeMutablePointer<Float>
  var m: UnsafeMutablePointer<Float>
  var v: UnsafeMutablePointer<Float>
  var s: UnsafeMutablePointer<Float>
  var d: UnsafeMutablePointer<Float>

  init(
    theta: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
    v: UnsafeMutablePointer<Float>, s: UnsafeMutablePointer<Float>, d: UnsafeMutablePointer<Float>
  ) {
    self.theta = theta
    // Only loads go through `g`.
    self.g = UnsafeMutablePointer(mutating: g)
    self.m = m
    self.v = v
    self.s = s
    self.d = d
  }

  @inline(__always)
  func load(_ base: UnsafeMutablePointer<Float>, _ index: Int) -> Lanes {
    Lanes(loadingFrom: base + index)
  }

  @inline(__always)
  func store(_ value: Lanes, _ base: UnsafeMutablePointer<Float>, _ index: Int) {
    value.store(to: base + index)
  }

  /// Runs `body` on 4-element zero-padded copies of `start..<end` (fewer than 4 elements) and
  /// copies the results back; `g` is only read.
  func withPaddedTail(from start: Int, to end: Int, _ body: (UnfusedPointers) -> Void) {
    let count = end - start
    withUnsafeTemporaryAllocation(of: Float.self, capacity: 24) { scratch in
      let base = scratch.baseAddress!
      base.initialize(repeating: 0, count: 24)
      let buffers = [theta, g, m, v, s, d]
      for (row, source) in buffers.enumerated() {
        (base + 4 * row).update(from: source + start, count: count)
      }
      body(
        UnfusedPointers(
          theta: base, g: base + 4, m: base + 8, v: base + 12, s: base + 16, d: base + 20))
      for (row, target) in buffers.enumerated() where row != 1 {
        target.advanced(by: start).update(from: base + 4 * row, count: count)
      }
    }
  }
}
