import Exercises
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The learning-rate schedule exercise with `body` as its only function's body.
func scheduleSource(_ body: String, helpers: String = "") -> String {
  """
  import ExerciseSupport
  import Foundation

  struct WarmupCosineSchedule {
    var baseLR: Double
    var startFactor: Double
    var warmupSteps: Int
    var decaySteps: Int
    var etaMin: Double

    func learningRate(at step: Int) -> Double {
  \(body)
    }
  }

  \(helpers)
  """
}

@Suite("Hostile programs")
struct HostileProgramTests {
  @Test("infinite loop times out")
  func infiniteLoop() throws {
    let source = scheduleSource(
      """
          var count = 0
          while count >= 0 { count = (count &+ 1) & 0xFFFF }
          return 0
      """)
    let verdict = try TestCache.check("lr-schedule", source: source, wallTime: 2)
    #expect(verdict.kind == .timedOut, "\(verdict.message)")
    #expect(verdict.message.contains("ran longer than"))
  }

  @Test("fatalError is a crash with its message")
  func fatalErrorCrash() throws {
    let verdict = try TestCache.check(
      "lr-schedule", source: scheduleSource("    fatalError(\"the schedule is broken\")"))
    #expect(verdict.kind == .crashed, "\(verdict.message)")
    #expect(verdict.message.contains("the schedule is broken"))
    #expect(verdict.message.contains("warmup-10-decay-90"))
  }

  @Test("index out of range is explained")
  func indexOutOfRange() throws {
    let source = scheduleSource(
      """
          let table = [baseLR]
          return table[step]
      """)
    let verdict = try TestCache.check("lr-schedule", source: source)
    #expect(verdict.kind == .crashed, "\(verdict.message)")
    #expect(verdict.message.contains("Index out of range"))
    #expect(verdict.message.contains("index went past the end"))
  }

  @Test("unbounded recursion is a crash")
  func unboundedRecursion() throws {
    let source = scheduleSource(
      "    return descend(step)",
      helpers: "func descend(_ depth: Int) -> Double { 1 + descend(depth + 1) }")
    let verdict = try TestCache.check("lr-schedule", source: source)
    #expect(verdict.kind == .crashed, "\(verdict.message)")
    #expect(verdict.message.contains("recursion"))
  }

  @Test("huge allocation is stopped")
  func hugeAllocation() throws {
    let source = scheduleSource(
      """
          var huge = [Double](repeating: 1, count: 1 << 34)
          huge[step] = baseLR
          return huge[step]
      """)
    let verdict = try TestCache.check("lr-schedule", source: source)
    #expect(verdict.kind == .crashed, "\(verdict.message)")
    #expect(verdict.message.contains("memory"))
  }

  @Test("printing gigabytes hits the output limit")
  func printingGigabytes() throws {
    let source = scheduleSource(
      """
          let line = String(repeating: "x", count: 4096)
          while true { print(line) }
      """)
    let verdict = try TestCache.check("lr-schedule", source: source)
    #expect(verdict.kind == .outputLimit, "\(verdict.message)")
  }

  @Test("reading stdin forever times out")
  func readingStdin() throws {
    let source = scheduleSource(
      """
          var lines = 0
          while lines >= 0 {
            if readLine() != nil { lines += 1 }
          }
          return Double(lines)
      """)
    let verdict = try TestCache.check("lr-schedule", source: source, wallTime: 2)
    #expect(verdict.kind == .timedOut, "\(verdict.message)")
  }

  @Test("spawned process does not outlive the check")
  func spawnedProcess() throws {
    let pidFile = TestCache.folder().appending(path: "spawned.pid")
    let source = scheduleSource(
      """
          if step == 1 {
            var pid: pid_t = 0
            let arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sleep"), strdup("60"), nil]
            posix_spawn(&pid, "/bin/sleep", nil, nil, arguments, environ)
            try? "\\(pid)".write(toFile: "\(pidFile.path)", atomically: true, encoding: .utf8)
          }
          return 0
      """)
    let verdict = try TestCache.check("lr-schedule", source: source)
    #expect(verdict.kind == .wrongValue, "\(verdict.message)")
    let text = try String(contentsOf: pidFile, encoding: .utf8)
    let pid = try #require(pid_t(text))
    #expect(isGoneOrZombie(pid), "the spawned sleep \(pid) is still running")
  }

  /// True when `pid` no longer exists or only waits to be reaped by init.
  func isGoneOrZombie(_ pid: pid_t) -> Bool {
    if kill(pid, 0) != 0 { return true }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return true }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state == "Z" || state == "X"
  }
}

@Suite("Verdicts")
struct VerdictTests {
  @Test("compile error names the learner's file and line")
  func compileError() throws {
    let source = scheduleSource("    let rate: Int = baseLR\n    return rate")
    let verdict = try TestCache.check("lr-schedule", source: source)
    #expect(verdict.kind == .compileError)
    let diagnostic = try #require(verdict.diagnostics.first)
    #expect(diagnostic.file.hasSuffix("lr-schedule.swift"))
    #expect(diagnostic.line == 12)
    #expect(verdict.message.contains("lr-schedule.swift:12:"))
  }

  @Test("renamed type is reported against the template")
  func renamedType() throws {
    let exercise = try #require(ExerciseCatalog.exercise(id: "adam"))
    let source = try exercise.source(.solution).replacingOccurrences(
      of: "struct Adam {", with: "struct MyAdam {")
    let verdict = try TestCache.check("adam", source: source)
    #expect(verdict.kind == .compileError)
    #expect(verdict.message.contains("Keep the type, property and method names"))
  }

  @Test("wrong array length is reported")
  func wrongLength() throws {
    let exercise = try #require(ExerciseCatalog.exercise(id: "adam"))
    let source = try exercise.source(.solution).replacingOccurrences(
      of: "    t += 1\n", with: "    t += 1\n    m.append(0)\n")
    let verdict = try TestCache.check("adam", source: source)
    #expect(verdict.kind == .wrongLength, "\(verdict.message)")
    #expect(verdict.firstDivergence?.quantity == "m")
    #expect(verdict.firstDivergence?.actualCount == 4)
  }

  @Test("NaN is reported as non-finite")
  func notANumber() throws {
    let exercise = try #require(ExerciseCatalog.exercise(id: "adam"))
    let source = try exercise.source(.solution).replacingOccurrences(
      of: "vHat.squareRoot() + eps", with: "vHat.squareRoot() - vHat.squareRoot()")
    let verdict = try TestCache.check("adam", source: source)
    #expect(verdict.kind == .nonFinite, "\(verdict.message)")
    #expect(verdict.firstDivergence?.step == 1)
  }

  @Test("unrelated error has no diagnosis")
  func noDiagnosis() throws {
    let exercise = try #require(ExerciseCatalog.exercise(id: "adam"))
    let source = try exercise.source(.solution).replacingOccurrences(
      of: "parameters[i] -= lr *", with: "parameters[i] -= 2 * lr *")
    let verdict = try TestCache.check("adam", source: source)
    #expect(verdict.kind == .wrongValue)
    #expect(verdict.diagnosis == nil)
    #expect(verdict.table.first?.step == verdict.firstDivergence?.step)
  }

  @Test("unchanged file returns the cached verdict")
  func cachedVerdict() throws {
    let exercise = try #require(ExerciseCatalog.exercise(id: "bias-correction"))
    let file = TestCache.folder().appending(path: exercise.fileName)
    try exercise.source(.template).write(to: file, atomically: true, encoding: .utf8)
    let checker = try TestCache.checker()
    let first = try checker.check(exercise, file: file)
    // Removing the cached module would make a recompile fail; a cache hit never needs it.
    let second = try checker.check(exercise, file: file)
    #expect(first == second)
    try exercise.source(.solution).write(to: file, atomically: true, encoding: .utf8)
    let third = try checker.check(exercise, file: file)
    #expect(first.kind == .notImplemented)
    #expect(third.kind == .passed)
  }
}
