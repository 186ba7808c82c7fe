import Foundation
import OptimizerKit

/// Bytes a float64 Adam step moves per parameter at best: read θ, g, m, v and write θ, m, v,
/// 8 bytes each. The learner's exercises use `[Double]`.
public let float64AdamBytesPerParameter = 56

/// The reference kernel and the memory system, measured at one size and thread count.
public struct ReferenceMeasurement: Equatable, Sendable {
  public var count: Int
  public var threadCount: Int
  public var kernelSeconds: Double
  /// STREAM triad bandwidth in GB/s.
  public var triadGigabytesPerSecond: Double

  public init(count: Int, threadCount: Int, kernelSeconds: Double, triadGigabytesPerSecond: Double)
  {
    self.count = count
    self.threadCount = threadCount
    self.kernelSeconds = kernelSeconds
    self.triadGigabytesPerSecond = triadGigabytesPerSecond
  }

  /// The fastest a Float32 AdamW step could run if it moved its 28 bytes per parameter at the
  /// triad's bandwidth.
  public var bandwidthLimitSeconds: Double {
    Double(adamBytesPerParameter * count) / (triadGigabytesPerSecond * 1e9)
  }

  /// Times the fused AdamW kernel and the triad at `count` for each thread count; nil when
  /// `shouldStop` returned true.
  public static func measure(
    count: Int, threadCounts: [Int], repeats: Int, shouldStop: () -> Bool = { false }
  ) throws(OptimizerError) -> [ReferenceMeasurement]? {
    let triad = StreamTriad(count: count)
    var results: [ReferenceMeasurement] = []
    for threads in threadCounts {
      let kernel = try FusedAdamWBenchmark(count: count, threadCount: threads)
      guard let seconds = kernel.measure(repeats: repeats, shouldStop: shouldStop),
        let bandwidth = triad.measure(
          threadCount: threads, repeats: repeats, shouldStop: shouldStop)
      else { return nil }
      results.append(
        ReferenceMeasurement(
          count: count, threadCount: threads, kernelSeconds: seconds,
          triadGigabytesPerSecond: bandwidth))
    }
    return results
  }
}

/// One optimizer's state for a model size, measured from the arrays it allocates.
public struct StateMemory: Equatable, Sendable {
  public var name: String
  public var bytes: Int

  public init(name: String, bytes: Int) {
    self.name = name
    self.bytes = bytes
  }

  /// Measures the float64 reference optimizers' state after one step on `count` parameters,
  /// from the allocated capacity of their state arrays.
  public static func reference(count: Int) throws(OptimizerError) -> [StateMemory] {
    var parameters = [Double](repeating: 0.5, count: count)
    let gradients = [Double](repeating: 0.1, count: count)
    func bytes(_ array: [Double]?) -> Int {
      (array?.capacity ?? 0) * MemoryLayout<Double>.stride
    }

    // One optimizer at a time, so the peak stays near two state-sized arrays above θ and g.
    var plainBytes = 0
    do {
      var plain = try SGD(.init(lr: 0.01))
      try plain.step(parameters: &parameters, gradients: gradients)
      plainBytes = bytes(plain.state.momentumBuffer)
    }
    var momentumBytes = 0
    do {
      var momentum = try SGD(.init(lr: 0.01, momentum: 0.9))
      try momentum.step(parameters: &parameters, gradients: gradients)
      momentumBytes = bytes(momentum.state.momentumBuffer)
    }
    var adamBytes = 0
    do {
      var adam = try Adam(.init(), parameterCount: count)
      try adam.step(parameters: &parameters, gradients: gradients)
      adamBytes = bytes(adam.state.expAvg) + bytes(adam.state.expAvgSq)
    }

    return [
      StateMemory(name: "SGD", bytes: plainBytes),
      StateMemory(name: "SGD with momentum", bytes: momentumBytes),
      StateMemory(name: "Adam (m and v)", bytes: adamBytes),
    ]
  }
}

/// The reasons a learner's step is slower than the reference kernel, read from the
/// measurements alone.
public enum GapExplanation {
  /// Explains the gap in one to three sentences, the largest cause first.
  ///
  /// - Parameters:
  ///   - learner: the learner's step at this size.
  ///   - references: the kernel and triad at this size, one per thread count.
  public static func explain(
    learner: LearnerMeasurement, references: [ReferenceMeasurement]
  ) -> String {
    guard let oneThread = references.min(by: { $0.threadCount < $1.threadCount }),
      let allThreads = references.max(by: { $0.threadCount < $1.threadCount })
    else { return "" }
    let count = learner.count
    var sentences: [String] = []

    let copiedArrays = Double(learner.freshBytesPerStep) / Double(8 * count)
    if copiedArrays >= 0.5 {
      sentences.append(
        "Each step allocates and fills \(megabytes(learner.freshBytesPerStep)), about "
          + "\(format(copiedArrays, digits: 1)) float64 copies of all parameters (such as "
          + "`var m = self.m`), on top of the 56 bytes per parameter the update must move.")
    }

    let learnerBandwidth = gigabytesPerSecond(
      bytes: float64AdamBytesPerParameter * count, seconds: learner.secondsPerStep)
    let oneCore = format(oneThread.triadGigabytesPerSecond, digits: 1)
    if learnerBandwidth < 0.5 * oneThread.triadGigabytesPerSecond {
      sentences.append(
        "At \(format(learnerBandwidth, digits: 1)) GB/s your loop is far below the "
          + "\(oneCore) GB/s one core can stream, so work per element (bounds checks, `pow`, "
          + "scalar float64 square roots and divisions) limits it, not memory.")
    } else if learnerBandwidth < oneThread.triadGigabytesPerSecond {
      sentences.append(
        "At \(format(learnerBandwidth, digits: 1)) GB/s your loop is close to the "
          + "\(oneCore) GB/s one core can stream: it is memory-bound on one thread.")
    } else {
      sentences.append(
        "At \(format(learnerBandwidth, digits: 1)) GB/s your loop beats the \(oneCore) GB/s "
          + "one core streams from memory, so at this size the data stays in cache.")
    }

    let threadGain = oneThread.kernelSeconds / allThreads.kernelSeconds
    var reference = "The reference moves 28 bytes per parameter in Float32 against your 56"
    if allThreads.threadCount > 1 && threadGain > 1.2 {
      reference +=
        " and uses \(allThreads.threadCount) threads (\(format(threadGain, digits: 1))× here)"
    }
    sentences.append(reference + ".")
    return sentences.joined(separator: " ")
  }

  static func megabytes(_ bytes: Int) -> String { byteCountText(bytes) }
}

/// Bytes in decimal units: `512 B`, `40.9 kB`, `160.0 MB`, `1.2 GB`.
public func byteCountText(_ bytes: Int) -> String {
  let value = Double(bytes)
  if abs(value) < 1e3 { return "\(bytes) B" }
  if abs(value) < 1e6 { return "\(format(value / 1e3, digits: 1)) kB" }
  if abs(value) < 1e9 { return "\(format(value / 1e6, digits: 1)) MB" }
  return "\(format(value / 1e9, digits: 1)) GB"
}

/// Formats `value` with `digits` digits after the decimal point.
public func format(_ value: Double, digits: Int) -> String {
  String(format: "%.\(digits)f", value)
}
