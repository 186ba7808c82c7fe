import ExerciseSupport
import Foundation

/// Compiles a learner's file with the exercise's harness, runs it and judges the trajectory.
public struct ExerciseChecker: Sendable {
  public var program: SwiftProgram
  /// Holds cached verdicts and per-check build folders.
  public var cacheDirectory: URL
  public var limits: ProcessLimits

  public init(
    cacheDirectory: URL, limits: ProcessLimits = ProcessLimits(), toolchain: Toolchain? = nil
  ) throws(CheckerError) {
    self.program = try SwiftProgram(
      cacheDirectory: cacheDirectory.appending(path: "modules"), modules: [.exerciseSupport],
      toolchain: toolchain)
    self.cacheDirectory = cacheDirectory
    self.limits = limits
  }

  /// Checks `file` as a solution of `exercise`.
  ///
  /// When the file, the harness and the support sources are unchanged since the last verdict
  /// for this exercise, that verdict is returned without compiling.
  public func check(
    _ exercise: Exercise, file: URL, progress: (String) -> Void = { _ in },
    isCancelled: @Sendable () -> Bool = { false }
  ) throws(CheckerError) -> Verdict {
    guard let learnerSource = FileManager.default.contents(atPath: file.path) else {
      throw CheckerError(
        "could not read \(file.path); check that the file exists, or run `reset \(exercise.id)` "
          + "to create it from the template")
    }
    let harness = try exercise.source(.harness)
    let supportKey = try program.library.key(for: .exerciseSupport)
    var hasher = StableHash()
    hasher.combine(learnerSource)
    hasher.combine(harness)
    hasher.combine(file.path)
    hasher.combine(supportKey)
    hasher.combine("\(limits.wallTime) \(limits.memoryBytes ?? 0) \(limits.outputBytes)")
    let key = hasher.hexDigest
    let cached = cacheDirectory.appending(path: "verdicts/\(exercise.id)-\(key).json")
    if let data = FileManager.default.contents(atPath: cached.path),
      let verdict = try? JSONDecoder().decode(Verdict.self, from: data)
    {
      return verdict
    }

    let verdict = try freshVerdict(
      exercise, file: file, harness: harness, progress: progress, isCancelled: isCancelled)
    if verdict.kind != .cancelled {
      try createDirectory(cached.deletingLastPathComponent())
      removeOldVerdicts(exercise: exercise, keeping: cached)
      if let data = try? JSONEncoder().encode(verdict) {
        // A verdict that cannot be cached is only computed again on the next check.
        _ = FileManager.default.createFile(atPath: cached.path, contents: data)
      }
    }
    return verdict
  }

  private func removeOldVerdicts(exercise: Exercise, keeping: URL) {
    let folder = keeping.deletingLastPathComponent()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where name.hasPrefix("\(exercise.id)-") && name.hasSuffix(".json") {
      // Ids such as `adam` and `adamw` share a prefix; only this exercise's hashes go.
      let hash = name.dropFirst(exercise.id.count + 1).dropLast(5)
      if hash.count == 16 && hash.allSatisfy(\.isHexDigit) {
        try? FileManager.default.removeItem(at: folder.appending(path: name))
      }
    }
  }

  private func freshVerdict(
    _ exercise: Exercise, file: URL, harness: String, progress: (String) -> Void,
    isCancelled: @Sendable () -> Bool
  ) throws(CheckerError) -> Verdict {
    let buildDirectory = cacheDirectory.appending(
      path: "builds/\(exercise.id)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try createDirectory(buildDirectory)
    defer { try? FileManager.default.removeItem(at: buildDirectory) }
    let main = buildDirectory.appending(path: "main.swift")
    do {
      try harness.write(to: main, atomically: false, encoding: .utf8)
    } catch {
      throw CheckerError("could not write the harness to \(main.path): \(error)")
    }

    let executable = buildDirectory.appending(path: exercise.id)
    switch try program.compile(
      sources: [file, main], output: executable, progress: progress, isCancelled: isCancelled)
    {
    case .cancelled:
      return Verdict(exercise: exercise.id, kind: .cancelled, message: "Check cancelled.")
    case .failure(let diagnostics, let output):
      return VerdictBuilder(exercise: exercise, file: file).compileError(
        diagnostics: diagnostics, harnessPath: main.path, output: output)
    case .success:
      break
    }

    let outcome = try program.run(executable, limits: limits, isCancelled: isCancelled)
    let cases = ExerciseCases.cases(for: exercise.id)
    return VerdictBuilder(exercise: exercise, file: file).judge(outcome: outcome, cases: cases)
  }
}
