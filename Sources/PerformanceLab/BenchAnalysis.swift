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

  /// The float64 reference optimizers' state after one step on `count` parameters, from the
  /// allocated capacity of their state arrays.
  public static func reference(count: Int) throws(OptimizerError) -> [StateMemory] {
    var parameters = [Double](repeating: 0.5, count: count)
    let gradients = [Double](repeating: 0.1, count: count)
    func bytes(_ array: [Double]?) -> Int {
      (array?.capacity ?? 0) * MemoryLayout<Double>.stride
    }

    var plain = try SGD(.init(lr: 0.01))
    try plain.step(parameters: &parameters, gradients: gradients)
    var momentum = try SGD(.init(lr: 0.01, momentum: 0.9))
    try momentum.step(parameters: &parameters, gradients: gradients)
    var adam = try Adam(.init(), parameterCount: count)
    try adam.step(parameters: &parameters, gradients: gradients)

    return [
      StateMemory(name: "SGD", bytes: bytes(plain.state.momentumBuffer)),
      StateMemory(name: "SGD with momentum", bytes: bytes(momentum.state.momentumBuffer)),
      StateMemory(
        name: "Adam (m and v)", bytes: bytes(adam.state.expAvg) + bytes(adam.state.expAvgSq)),
    ]
  }
}

/// Why the learner's step is slower than the reference kernel, from the measurements alone.
public enum GapExplanation {
  /// One to three sentences, the largest cause first.
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
        "Each step touches \(megabytes(learner.freshBytesPerStep)) of newly allocated memory, "
          + "about \(format(copiedArrays, digits: 1)) copies of a \(count)-value float64 array, "
          + "so a copy per step (such as `var m = self.m` or a `map` building a new array) "
          + "adds that traffic to the 56 bytes per parameter the update needs.")
    }

    let learnerBandwidth = gigabytesPerSecond(
      bytes: float64AdamBytesPerParameter * count, seconds: learner.secondsPerStep)
    let oneCore = oneThread.triadGigabytesPerSecond
    if learnerBandwidth < 0.5 * oneCore {
      sentences.append(
        "Your step streams \(format(learnerBandwidth, digits: 1)) GB/s, well under the "
          + "\(format(oneCore, digits: 1)) GB/s one core can move, so it is bound by work per "
          + "element (bounds checks, copies, a float64 square root and division one value "
          + "at a time), not by memory.")
    } else {
      sentences.append(
        "Your step streams \(format(learnerBandwidth, digits: 1)) GB/s, close to the "
          + "\(format(oneCore, digits: 1)) GB/s one core can move, so on one thread it is "
          + "memory-bound.")
    }

    let threadGain = oneThread.kernelSeconds / allThreads.kernelSeconds
    var reference =
      "The reference stores Float32, 28 bytes per parameter against your 56"
    if allThreads.threadCount > 1 && threadGain > 1.2 {
      reference +=
        ", and splits the step over \(allThreads.threadCount) threads, which is worth "
        + "\(format(threadGain, digits: 1))× here"
    }
    sentences.append(reference + ".")
    return sentences.joined(separator: " ")
  }

  static func megabytes(_ bytes: Int) -> String {
    "\(format(Double(bytes) / 1e6, digits: 1)) MB"
  }
}

/// `value` with `digits` digits after the decimal point.
public func format(_ value: Double, digits: Int) -> String {
  String(format: "%.\(digits)f", value)
}
