/// The program that times a learner's Adam or AdamW step, compiled together with their file.
///
/// It prints one line per size, which ``LearnerMeasurement/parse(_:)`` reads:
///
///     learner count=1000000 median_s=0.0123 state_bytes=16003072 fresh_bytes_per_step=0
public enum LearnerHarness {
  /// The exercises `bench` can time, with the type each one's file defines.
  public static let typeNames = ["adam": "Adam", "adamw": "AdamW"]

  /// Writes the `main.swift` source for the exercise's type. Its arguments at run time are the
  /// maximum number of timed steps, then the sizes.
  public static func mainSource(typeName: String) -> String {
    """
    // Written by `optimlings bench`: times your \(typeName) step on large parameter vectors.
    import Foundation

    func benchSeconds() -> Double {
      var time = timespec()
      clock_gettime(CLOCK_MONOTONIC, &time)
      return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Resident memory in bytes, from /proc on Linux; -1 where that is not available.
    func benchResidentBytes() -> Int {
      guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
        return -1
      }
      let fields = text.split(separator: " ")
      guard fields.count > 1, let pages = Int(fields[1]) else { return -1 }
      return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    func benchMinorFaults() -> Int {
      var usage = rusage()
      #if os(Linux)
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
      #else
        getrusage(RUSAGE_SELF, &usage)
      #endif
      return Int(usage.ru_minflt)
    }

    #if os(Linux)
      // glibc's mallopt from <malloc.h>, which Swift's Glibc module does not import.
      @_silgen_name("mallopt") func benchMallopt(_ parameter: Int32, _ value: Int32) -> Int32
      // M_MMAP_THRESHOLD is -3. A fixed threshold keeps every large array in its own mapping,
      // so an array allocated during a step shows up as page faults instead of reusing freed
      // heap memory.
      _ = benchMallopt(-3, 128 << 10)
    #endif

    let benchArguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
    let benchRepeats = benchArguments.first ?? 5
    let benchPageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    for count in benchArguments.dropFirst() {
      var parameters = (0..<count).map { Double($0 % 1000) * 1e-3 - 0.5 }
      let gradients = (0..<count).map { Double(($0 * 7919) % 2003) * 1e-3 - 1 }
      let residentBefore = benchResidentBytes()
      var optimizer = \(typeName)(parameterCount: count)
      // The first step writes m and v, so their pages are resident afterwards.
      optimizer.step(parameters: &parameters, gradients: gradients)
      let stateBytes = residentBefore < 0 ? -1 : benchResidentBytes() - residentBefore
      var samples: [Double] = []
      let faultsBefore = benchMinorFaults()
      // At most `benchRepeats` steps, and no more than 3 once 5 seconds have passed, so a
      // slow step does not keep the learner waiting for minutes.
      let budgetStart = benchSeconds()
      while samples.count < benchRepeats && (samples.count < 3 || benchSeconds() - budgetStart < 5) {
        let start = benchSeconds()
        optimizer.step(parameters: &parameters, gradients: gradients)
        samples.append(benchSeconds() - start)
      }
      let freshBytes = (benchMinorFaults() - faultsBefore) * benchPageSize / samples.count
      samples.sort()
      print(
        "learner count=\\(count) median_s=\\(samples[samples.count / 2])"
          + " state_bytes=\\(stateBytes) fresh_bytes_per_step=\\(freshBytes)")
    }

    """
  }
}

/// The harness's measurements for one size.
public struct LearnerMeasurement: Equatable, Sendable {
  public var count: Int
  public var secondsPerStep: Double
  /// Resident memory added by creating the optimizer and taking its first step; nil where
  /// the platform does not report it.
  public var stateBytes: Int?
  /// Newly mapped memory touched per step, counted from minor page faults. It is about 0
  /// for an in-place step and about 8·count for a step that copies one float64 array.
  public var freshBytesPerStep: Int

  public init(count: Int, secondsPerStep: Double, stateBytes: Int?, freshBytesPerStep: Int) {
    self.count = count
    self.secondsPerStep = secondsPerStep
    self.stateBytes = stateBytes
    self.freshBytesPerStep = freshBytesPerStep
  }

  /// Reads the harness's `learner ...` lines and ignores every other line, such as the
  /// learner's own prints.
  public static func parse(_ output: String) -> [LearnerMeasurement] {
    output.split(separator: "\n").compactMap { line in
      let words = line.split(separator: " ")
      guard words.first == "learner" else { return nil }
      var fields: [String: String] = [:]
      for word in words.dropFirst() {
        let pair = word.split(separator: "=", maxSplits: 1)
        if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
      }
      guard let count = fields["count"].flatMap({ Int($0) }),
        let seconds = fields["median_s"].flatMap({ Double($0) }),
        let state = fields["state_bytes"].flatMap({ Int($0) }),
        let fresh = fields["fresh_bytes_per_step"].flatMap({ Int($0) })
      else { return nil }
      return LearnerMeasurement(
        count: count, secondsPerStep: seconds, stateBytes: state < 0 ? nil : state,
        freshBytesPerStep: max(0, fresh))
    }
  }
}
