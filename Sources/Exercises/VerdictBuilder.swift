import ExerciseSupport
import Foundation

/// Turns a compile result or a run's outcome into a verdict with a message for the learner.
struct VerdictBuilder {
  let exercise: Exercise
  let file: URL

  func compileError(diagnostics: [CompilerDiagnostic], harnessPath: String, output: String)
    -> Verdict
  {
    let errors = diagnostics.filter { $0.severity == "error" }
    let own = errors.filter { $0.file != harnessPath && !$0.file.hasSuffix("/main.swift") }
    let harness = errors.filter { $0.file == harnessPath || $0.file.hasSuffix("/main.swift") }
    var lines = ["✗ \(exercise.id): your file does not compile."]
    for diagnostic in own.prefix(8) {
      lines.append("")
      lines.append(
        "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column): \(diagnostic.message)")
      lines += diagnostic.excerpt.map { "    \($0)" }
    }
    if own.isEmpty && !harness.isEmpty {
      lines.append("")
      lines.append(
        "The checker calls your code the way the template declares it, and that call failed:")
      for diagnostic in harness.prefix(5) { lines.append("  \(diagnostic.message)") }
      lines.append(
        "Keep the type, property and method names and signatures of the template; "
          + "`reset \(exercise.id)` restores it (your file is backed up first).")
    }
    if errors.isEmpty {
      lines.append("")
      lines += output.split(separator: "\n").prefix(15).map(String.init)
    }
    lines.append("")
    lines.append("Fix the first error, save, and check again; later errors often follow from it.")
    return Verdict(
      exercise: exercise.id, kind: .compileError, diagnostics: own.isEmpty ? harness : own,
      message: lines.joined(separator: "\n"))
  }

  func judge(outcome: ProcessOutcome, cases: [ExerciseCase]) -> Verdict {
    if outcome.cancelled {
      return Verdict(exercise: exercise.id, kind: .cancelled, message: "Check cancelled.")
    }
    let output = HarnessOutput(parsing: outcome.standardOutput)
    let expected = cases.map { ExerciseModels.expected(exerciseID: exercise.id, testCase: $0) }
    let finishedNames = Set(output.cases.map(\.name)).subtracting([output.unfinishedCase ?? ""])
    let finishedExpected = expected.filter { finishedNames.contains($0.name) }
    let position = runningPosition(output)

    if let notImplemented = output.notImplemented {
      if let divergence = TrajectoryComparison.firstDivergence(
        expected: finishedExpected, actual: output.cases)
      {
        return wrongValue(divergence, expected: expected, output: output, cases: cases)
      }
      var lines = [
        "… \(exercise.id): not implemented yet.",
        "",
        "\(notImplemented.what) still calls notImplemented() "
          + "(\(file.lastPathComponent):\(notImplemented.line)).",
      ]
      if !finishedExpected.isEmpty {
        lines.append(
          "The \(finishedExpected.count) case(s) before it pass: "
            + finishedExpected.map(\.name).joined(separator: ", ") + ".")
      }
      lines.append("Replace the call with your implementation; `hint \(exercise.id)` helps.")
      return Verdict(
        exercise: exercise.id, kind: .notImplemented, message: lines.joined(separator: "\n"))
    }

    if outcome.timedOut {
      return failure(
        .timedOut,
        "your program ran longer than the \(format(seconds: outcome.duration)) limit and was "
          + "stopped\(position).",
        next:
          "Look for a loop whose condition never turns false, such as a `while` that never "
          + "changes its variable, or a loop that waits for input: the program has none.")
    }
    if outcome.outputLimitExceeded {
      return failure(
        .outputLimit,
        "your program printed more output than the checker keeps and was stopped\(position).",
        next: "Remove print calls inside loops, or print only a few values while debugging.")
    }
    if let message = output.harnessError {
      return failure(
        .harnessError, message + position + ".", next: "Compare your type with the template.")
    }
    if case .signaled(let signal) = outcome.termination {
      return crash(signal: signal, outcome: outcome, position: position)
    }
    if case .exited(let status) = outcome.termination, status != 0 {
      return crash(signal: nil, outcome: outcome, position: position, status: status)
    }
    if !output.finished {
      return failure(
        .crashed, "your program exited before the checker finished\(position).",
        next: "Remove calls to exit() from your file.")
    }

    guard
      let divergence = TrajectoryComparison.firstDivergence(
        expected: expected, actual: output.cases)
    else {
      return passed(expected)
    }
    return wrongValue(divergence, expected: expected, output: output, cases: cases)
  }

  private func runningPosition(_ output: HarnessOutput) -> String {
    guard let name = output.unfinishedCase,
      let running = output.cases.last(where: { $0.name == name })
    else { return "" }
    let step = (running.steps.last?.step ?? 0) + 1
    return " in case \"\(name)\" (seed \(running.seed)) at step \(step)"
  }

  private func passed(_ expected: [CaseTrajectory]) -> Verdict {
    let steps = expected.reduce(0) { $0 + $1.steps.count }
    // Swift prints 1e-9 as "1e-09".
    let tolerance = "\(TrajectoryComparison.relativeTolerance)".replacingOccurrences(
      of: "e-0", with: "e-")
    var lines = [
      "✓ \(exercise.id) passes: \(expected.count) cases, \(steps) steps, every value within "
        + "a relative \(tolerance) of the reference."
    ]
    if let next = ExerciseCatalog.next(after: exercise.id) {
      lines.append(
        "Next: read the lesson `\(next.lessonID)`, then `check \(next.id)` (\(next.title)).")
    } else {
      lines.append("That was the last exercise. `drill` keeps what you learned fresh.")
    }
    return Verdict(exercise: exercise.id, kind: .passed, message: lines.joined(separator: "\n"))
  }

  private func failure(_ kind: Verdict.Kind, _ what: String, next: String) -> Verdict {
    Verdict(
      exercise: exercise.id, kind: kind,
      message: "✗ \(exercise.id): \(what)\n\(next)")
  }

  private func crash(signal: Int32?, outcome: ProcessOutcome, position: String, status: Int32 = 0)
    -> Verdict
  {
    let errorLines = outcome.standardError.split(separator: "\n").map(String.init)
    let fatal = errorLines.first { $0.contains("Fatal error") || $0.contains("fatal error") }
    let allocation = outcome.standardError.contains("allocate")
    var what: String
    var next: String
    switch signal {
    case nil:
      what = "your program exited with status \(status)\(position)."
      next = "Remove calls to exit() from your file."
    case SIGSEGV, SIGBUS:
      what = "your program crashed with a memory access fault (signal \(signal!))\(position)."
      next =
        "This is most often unbounded recursion (a function that calls itself without a base "
        + "case) or a stack far too deep."
    case SIGKILL, SIGXCPU:
      what = "your program was stopped by the system for using too much CPU or memory\(position)."
      next = "Look for huge arrays or a loop that keeps appending."
    default:
      what = "your program crashed (signal \(signal!))\(position)."
      next = "Read the message above: it names the line that failed."
    }
    if allocation {
      what = "your program tried to allocate more memory than the checker allows\(position)."
      next =
        "Arrays here hold a few values per parameter; check the counts you pass to Array(repeating:count:)."
    }
    var message = "✗ \(exercise.id): \(what)"
    if let fatal {
      message += "\n  \(fatal.trimmingCharacters(in: .whitespaces))"
      if fatal.contains("Index out of range") {
        next =
          "An array index went past the end: check loop bounds and that every array has one entry per parameter."
      }
    }
    return Verdict(
      exercise: exercise.id, kind: .crashed,
      message: message + "\n" + next + learnerOutput(outcome.standardOutput))
  }

  private func wrongValue(
    _ divergence: Divergence, expected: [CaseTrajectory], output: HarnessOutput,
    cases: [ExerciseCase]
  ) -> Verdict {
    let kind: Verdict.Kind =
      switch divergence.kind {
      case .wrongValue: .wrongValue
      case .nonFinite: .nonFinite
      case .wrongLength, .missing: .wrongLength
      }
    var diagnosis: String?
    if kind != .wrongLength || divergence.kind == .wrongLength {
      diagnosis = MistakeDiagnosis.diagnose(
        exerciseID: exercise.id, cases: cases, actual: output.cases)
    }
    let table = rows(divergence, expected: expected, output: output)
    var lines = headline(divergence)
    if !table.isEmpty {
      lines.append("")
      lines.append("  step  expected \(divergence.quantity) → yours")
      for row in table {
        let expectedText = row.expected.map(number).joined(separator: ", ")
        let actualText = row.actual.map(number).joined(separator: ", ")
        lines.append(
          "  \(String(row.step).padding(toLength: 5, withPad: " ", startingAt: 0)) [\(expectedText)] → [\(actualText)]"
        )
      }
    }
    lines.append("")
    if let diagnosis, let mistake = Mistake.named(diagnosis) {
      lines.append("Likely mistake: \(mistake.title) (\(mistake.id)).")
      lines.append(mistake.explanation)
    } else {
      lines.append("Compare that step with the formula in the lesson; `hint \(exercise.id)` helps.")
    }
    let printed = output.learnerLines.isEmpty ? "" : learnerOutput(lines: output.learnerLines)
    return Verdict(
      exercise: exercise.id, kind: kind, diagnosis: diagnosis, firstDivergence: divergence,
      table: table, message: lines.joined(separator: "\n") + printed)
  }

  private func learnerOutput(_ standardOutput: String) -> String {
    let lines = HarnessOutput(parsing: standardOutput).learnerLines
    return lines.isEmpty ? "" : learnerOutput(lines: lines)
  }

  /// Returns the first lines the learner's own code printed, which often explain a failure.
  private func learnerOutput(lines: [String]) -> String {
    let shown = lines.prefix(5).map { "  \($0.prefix(200))" }
    return "\n\nYour program printed:\n" + shown.joined(separator: "\n")
  }

  /// Returns the first lines of a wrong-value verdict: where the values part and how.
  private func headline(_ divergence: Divergence) -> [String] {
    var lines: [String] = []
    let place = "case \"\(divergence.caseName)\" (seed \(divergence.seed)), step \(divergence.step)"
    switch divergence.kind {
    case .wrongValue:
      lines.append(
        "✗ \(exercise.id): wrong value in \(place), \(divergence.quantity)[\(divergence.index ?? 0)]."
      )
      lines.append(
        "  expected \(number(divergence.expected)), got \(number(divergence.actual))")
    case .nonFinite:
      lines.append(
        "✗ \(exercise.id): \(number(divergence.actual)) in \(place), "
          + "\(divergence.quantity)[\(divergence.index ?? 0)]; expected \(number(divergence.expected))."
      )
      lines.append(
        "  NaN or ∞ usually comes from dividing by zero, the square root of a negative number, "
          + "or values that grow without bound.")
    case .wrongLength:
      lines.append(
        "✗ \(exercise.id): \(divergence.quantity) has \(divergence.actualCount ?? 0) values in "
          + "\(place); expected \(divergence.expectedCount ?? 0), one per parameter.")
    case .missing:
      lines.append(
        "✗ \(exercise.id): your run recorded nothing for \(divergence.quantity) in \(place).")
    }
    return lines
  }

  private func rows(_ divergence: Divergence, expected: [CaseTrajectory], output: HarnessOutput)
    -> [Verdict.TableRow]
  {
    guard let expectedCase = expected.first(where: { $0.name == divergence.caseName }),
      let actualCase = output.cases.first(where: { $0.name == divergence.caseName })
    else { return [] }
    var rows: [Verdict.TableRow] = []
    for (position, step) in expectedCase.steps.enumerated()
    where step.step >= divergence.step && rows.count < 5 {
      guard position < actualCase.steps.count,
        let actualValues = actualCase.steps[position].values(divergence.quantity)
      else { break }
      rows.append(
        Verdict.TableRow(
          step: step.step, expected: step.values(divergence.quantity) ?? [], actual: actualValues))
    }
    return rows
  }

  private func number(_ value: Double?) -> String {
    guard let value else { return "nothing" }
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "∞" : "-∞" }
    if value == 0 || (abs(value) >= 1e-3 && abs(value) < 1e6) {
      return String(format: "%.12g", value)
    }
    return String(format: "%.12e", value)
  }

  private func format(seconds: Double) -> String {
    String(format: "%.0f s", max(seconds.rounded(), 1))
  }
}
