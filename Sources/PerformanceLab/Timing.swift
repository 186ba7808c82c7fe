#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wall-clock timing with a monotonic clock, summarized by the median so that a few runs
/// slowed by other processes on a shared machine do not move the result.
public enum Timing {
  /// Seconds on the monotonic clock.
  public static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }

  /// Runs `body` `warmup` times untimed, then `repeats` times timed; returns the median
  /// seconds per run, or nil when `shouldStop` returns true between runs.
  public static func median(
    repeats: Int, warmup: Int = 2, shouldStop: () -> Bool = { false }, _ body: () -> Void
  ) -> Double? {
    precondition(repeats >= 1, "repeats must be 1 or more")
    for _ in 0..<warmup {
      if shouldStop() { return nil }
      body()
    }
    var samples: [Double] = []
    for _ in 0..<repeats {
      if shouldStop() { return nil }
      let start = now()
      body()
      samples.append(now() - start)
    }
    return median(of: samples)
  }

  public static func median(of samples: [Double]) -> Double {
    precondition(!samples.isEmpty, "median of no samples")
    let sorted = samples.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
