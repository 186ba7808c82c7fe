import OptimizerKit

/// Bytes an Adam step moves per parameter at best: read θ, g, m, v and write θ, m, v, each
/// 4 bytes (Float32).
public let adamBytesPerParameter = 28

/// Bytes a STREAM triad a ← b + s·c moves per element, counted as STREAM counts them: two
/// reads and one write. The hardware moves 16, because a write first reads its cache line.
public let triadBytesPerElement = 12

/// Effective bandwidth in GB/s (10⁹ bytes per second).
public func gigabytesPerSecond(bytes: Int, seconds: Double) -> Double {
  Double(bytes) / seconds / 1e9
}

/// A STREAM-style triad over Float32 buffers, split across threads like the Adam kernel.
public final class StreamTriad: @unchecked Sendable {
  let a: AlignedFloatBuffer
  private let b: AlignedFloatBuffer
  private let c: AlignedFloatBuffer

  public init(count: Int, hugePages: Bool = true) {
    a = AlignedFloatBuffer(count: count, repeating: 0, hugePages: hugePages)
    b = AlignedFloatBuffer(count: count, repeating: 1, hugePages: hugePages)
    c = AlignedFloatBuffer(count: count, repeating: 2, hugePages: hugePages)
  }

  public var count: Int { a.count }

  /// Runs one pass of a ← b + 3·c.
  public func run(threadCount: Int) {
    let pointers = (a: a.pointer, b: b.pointer, c: c.pointer)
    KernelPartition.forEachChunk(count: count, threadCount: threadCount) { range in
      let scalar = SIMD4<Float>(repeating: 3)
      var index = range.lowerBound
      while index + 4 <= range.upperBound {
        let b = UnsafeRawPointer(pointers.b + index).loadUnaligned(as: SIMD4<Float>.self)
        let c = UnsafeRawPointer(pointers.c + index).loadUnaligned(as: SIMD4<Float>.self)
        UnsafeMutableRawPointer(pointers.a + index).storeBytes(
          of: b + scalar * c, as: SIMD4<Float>.self)
        index += 4
      }
      while index < range.upperBound {
        pointers.a[index] = pointers.b[index] + 3 * pointers.c[index]
        index += 1
      }
    }
  }

  /// Measures the median triad bandwidth in GB/s, counting bytes as STREAM does.
  public func measure(threadCount: Int, repeats: Int, shouldStop: () -> Bool = { false })
    -> Double?
  {
    guard
      let seconds = Timing.median(
        repeats: repeats, shouldStop: shouldStop, { run(threadCount: threadCount) })
    else { return nil }
    return gigabytesPerSecond(bytes: triadBytesPerElement * count, seconds: seconds)
  }
}

/// The fused AdamW kernel on its own buffers, with gradients that stay fixed between steps.
public final class FusedAdamWBenchmark: @unchecked Sendable {
  public let parameters: AlignedFloatBuffer
  public let gradients: AlignedFloatBuffer
  public let firstMoment: AlignedFloatBuffer
  public let secondMoment: AlignedFloatBuffer
  private var optimizer: FusedAdam

  public init(count: Int, threadCount: Int, hugePages: Bool = true) throws(OptimizerError) {
    optimizer = try FusedAdam(.adamW(lr: 1e-3, weightDecay: 1e-2), threadCount: threadCount)
    parameters = AlignedFloatBuffer(count: count, hugePages: hugePages)
    gradients = AlignedFloatBuffer(count: count, hugePages: hugePages)
    firstMoment = AlignedFloatBuffer(count: count, hugePages: hugePages)
    secondMoment = AlignedFloatBuffer(count: count, hugePages: hugePages)
    // Varied, deterministic values so no lane takes a special path such as 0/0.
    for i in 0..<count {
      parameters.pointer[i] = Float(i % 1000) * 1e-3 - 0.5
      gradients.pointer[i] = Float((i * 7919) % 2003) * 1e-3 - 1
    }
  }

  public var count: Int { parameters.count }

  public func step() {
    do {
      try optimizer.step(
        parameters: parameters.mutableBuffer, gradients: gradients.buffer,
        firstMoment: firstMoment.mutableBuffer, secondMoment: secondMoment.mutableBuffer)
    } catch {
      preconditionFailure("buffers were allocated with equal counts: \(error)")
    }
  }

  /// Measures the median seconds per step.
  public func measure(repeats: Int, shouldStop: () -> Bool = { false }) -> Double? {
    Timing.median(repeats: repeats, shouldStop: shouldStop) { step() }
  }
}

/// The unfused eight-pass AdamW (``UnfusedAdamW``) on the same buffers and inputs as
/// ``FusedAdamWBenchmark``, to measure what fusing buys.
public final class UnfusedAdamWBenchmark: @unchecked Sendable {
  private let fused: FusedAdamWBenchmark
  private let scratch: (AlignedFloatBuffer, AlignedFloatBuffer)
  private var optimizer: UnfusedAdamW

  public init(count: Int, threadCount: Int, hugePages: Bool = true) throws(OptimizerError) {
    fused = try FusedAdamWBenchmark(count: count, threadCount: threadCount, hugePages: hugePages)
    scratch = (
      AlignedFloatBuffer(count: count, hugePages: hugePages),
      AlignedFloatBuffer(count: count, hugePages: hugePages)
    )
    optimizer = try UnfusedAdamW(.adamW(lr: 1e-3, weightDecay: 1e-2), threadCount: threadCount)
  }

  public func step() {
    optimizer.step(
      parameters: fused.parameters.mutableBuffer, gradients: fused.gradients.buffer,
      firstMoment: fused.firstMoment.mutableBuffer, secondMoment: fused.secondMoment.mutableBuffer,
      scratch: (scratch.0.mutableBuffer, scratch.1.mutableBuffer))
  }

  /// Measures the median seconds per step.
  public func measure(repeats: Int, shouldStop: () -> Bool = { false }) -> Double? {
    Timing.median(repeats: repeats, shouldStop: shouldStop) { step() }
  }
}
