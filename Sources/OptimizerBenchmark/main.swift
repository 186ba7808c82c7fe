import Foundation
import OptimizerKit
import PerformanceLab

/// Times the fused AdamW step and a STREAM triad at each thread count, one line per result:
///
///     adamw threads=2 count=10000000 median_ms=4.123 gbps=67.9
///     unfused threads=2 count=10000000 median_ms=9.876 gbps=28.4
///     triad threads=2 count=10000000 gbps=40.1
///
/// gbps is effective bandwidth at 28 bytes per parameter for both AdamW lines, although the
/// unfused passes move 80.
///
/// Usage: OptimizerBenchmark [--count N] [--threads 1,2] [--repeats R] [--huge-pages on|off]
struct BenchmarkOptions {
  var count = 10_000_000
  var threadCounts = [1, 2]
  var repeats = 30
  var hugePages = true

  init(arguments: [String]) throws {
    var index = 0
    while index < arguments.count {
      let option = arguments[index]
      guard index + 1 < arguments.count else {
        throw BenchmarkError("missing value for \(option)")
      }
      let value = arguments[index + 1]
      switch option {
      case "--count": count = try Self.positive(value, option)
      case "--repeats": repeats = try Self.positive(value, option)
      case "--threads":
        threadCounts = try value.split(separator: ",").map { try Self.positive(String($0), option) }
      case "--huge-pages":
        guard value == "on" || value == "off" else {
          throw BenchmarkError("invalid value '\(value)' for --huge-pages: expected on or off")
        }
        hugePages = value == "on"
      default:
        throw BenchmarkError(
          "unknown option \(option); use --count, --threads, --repeats or --huge-pages")
      }
      index += 2
    }
  }

  static func positive(_ text: String, _ option: String) throws -> Int {
    guard let value = Int(text), value > 0 else {
      throw BenchmarkError("invalid value '\(text)' for \(option): expected a whole number above 0")
    }
    return value
  }
}

struct BenchmarkError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

do {
  let options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
  let triad = StreamTriad(count: options.count, hugePages: options.hugePages)
  for threads in options.threadCounts {
    let adamW = try FusedAdamWBenchmark(
      count: options.count, threadCount: threads, hugePages: options.hugePages)
    let seconds = adamW.measure(repeats: options.repeats)!
    let adamGigabytes = gigabytesPerSecond(
      bytes: adamBytesPerParameter * options.count, seconds: seconds)
    print(
      "adamw threads=\(threads) count=\(options.count)"
        + " median_ms=\(String(format: "%.3f", seconds * 1e3))"
        + " gbps=\(String(format: "%.1f", adamGigabytes))")
    let unfused = try UnfusedAdamWBenchmark(
      count: options.count, threadCount: threads, hugePages: options.hugePages)
    let unfusedSeconds = unfused.measure(repeats: options.repeats)!
    let unfusedGigabytes = gigabytesPerSecond(
      bytes: adamBytesPerParameter * options.count, seconds: unfusedSeconds)
    print(
      "unfused threads=\(threads) count=\(options.count)"
        + " median_ms=\(String(format: "%.3f", unfusedSeconds * 1e3))"
        + " gbps=\(String(format: "%.1f", unfusedGigabytes))")
    let triadGigabytes = triad.measure(threadCount: threads, repeats: options.repeats)!
    print(
      "triad threads=\(threads) count=\(options.count)"
        + " gbps=\(String(format: "%.1f", triadGigabytes))")
  }
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(2)
}
