import ExerciseSupport
import Exercises
import Foundation
import PerformanceLab

/// Compiles the learner's file with the `bench` harness, optimized, and runs it.
protocol LearnerRunner {
  /// Compiles and runs the timing program, returning its standard output, or nil when
  /// `isCancelled` turned true.
  ///
  /// - Throws: ``CommandError`` when the file does not compile or the program fails.
  func run(
    typeName: String, file: URL, arguments: [String], isCancelled: @escaping @Sendable () -> Bool
  ) throws(CommandError) -> String?
}

/// Compiles and runs through the checker's ``SwiftProgram``, against the same cached support
/// modules `check` uses, with `-O` so the learner's loop is timed as optimized code.
struct CheckerLearnerRunner: LearnerRunner {
  /// The checker's cache folder; support modules live in its `modules` folder.
  var cacheDirectory: URL

  func run(
    typeName: String, file: URL, arguments: [String], isCancelled: @escaping @Sendable () -> Bool
  ) throws(CommandError) -> String? {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "optimlings-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let main = folder.appending(path: "main.swift")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try LearnerHarness.mainSource(typeName: typeName).write(
        to: main, atomically: true, encoding: .utf8)
    } catch {
      throw CommandError(
        .failure, "could not write the timing program to \(folder.path): \(error)")
    }

    let result: CompileResult
    let program: SwiftProgram
    do {
      program = try SwiftProgram(
        cacheDirectory: cacheDirectory.appending(path: "modules"), modules: [.exerciseSupport])
      // The compiler honours the last optimization flag, so -O overrides the checker's -Onone.
      result = try program.compile(
        sources: [main, file], output: folder.appending(path: "bench"), extraArguments: ["-O"],
        isCancelled: isCancelled)
    } catch {
      throw CommandError(.failure, error.message)
    }

    switch result {
    case .cancelled:
      return nil
    case .failure(_, let output):
      throw CommandError(
        .failure,
        "your \(typeName) did not compile with the timing program:\n"
          + output.trimmingCharacters(in: .whitespacesAndNewlines)
          + "\nRun `check` on the exercise to see the errors against its tests.")
    case .success(let executable):
      return try execute(program, executable, typeName: typeName, arguments, isCancelled)
    }
  }

  private func execute(
    _ program: SwiftProgram, _ executable: URL, typeName: String, _ arguments: [String],
    _ isCancelled: @escaping @Sendable () -> Bool
  ) throws(CommandError) -> String? {
    // 10M float64 parameters need about 400 MB for θ, g, m, v and a copy, so the run gets no
    // address-space limit. The harness's own time budget cuts a slow step short.
    let limits = ProcessLimits(wallTime: 900, memoryBytes: nil, outputBytes: 1 << 20)
    let outcome: ProcessOutcome
    do {
      outcome = try program.run(
        executable, arguments: arguments, limits: limits, isCancelled: isCancelled)
    } catch {
      throw CommandError(.failure, error.message)
    }
    if outcome.cancelled { return nil }
    if outcome.timedOut {
      throw CommandError(
        .failure, "timing your \(typeName) timed out after \(Int(limits.wallTime)) s")
    }
    switch outcome.termination {
    case .exited(0):
      return outcome.standardOutput
    case .exited(HarnessProtocol.notImplementedStatus):
      throw CommandError(
        .failure,
        "your \(typeName) step is not implemented yet; finish it and pass `check` first")
    default:
      throw CommandError(
        .failure,
        "your \(typeName) stopped (\(outcome.termination)) while being timed; "
          + "make it pass `check` first. Its output was:\n"
          + (outcome.standardError + outcome.standardOutput)
          .trimmingCharacters(in: .whitespacesAndNewlines))
    }
  }
}
