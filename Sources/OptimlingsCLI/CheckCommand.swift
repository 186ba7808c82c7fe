import Exercises
import Foundation
import Terminal

enum CheckCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "check",
    summary:
      "Compare your exercise file with the reference at every step; with no NAME, check the "
      + "current or else the next unfinished exercise.",
    usage: "[NAME] [--all] [--file PATH] [--json]", flags: ["--all", "--json"],
    valueOptions: ["--file"], completion: .exercise
  ) { arguments, context in
    let environment = try ExerciseEnvironment(context: context)
    let json = arguments.has("--json")
    if arguments.has("--all") {
      guard arguments.positionals.isEmpty, arguments.value("--file") == nil else {
        throw CommandError.usage("--all checks every exercise; give no NAME or --file with it")
      }
      return try checkAll(environment: environment, context: context, json: json)
    }
    guard arguments.positionals.count <= 1 else {
      throw CommandError.usage("check takes one exercise name, got \(arguments.positionals.count)")
    }
    if arguments.value("--file") != nil && arguments.positionals.isEmpty {
      throw CommandError.usage("--file needs the exercise NAME too: check NAME --file PATH")
    }
    let exercise = try environment.exercise(arguments, context: context)
    context.session.exerciseID = exercise.id
    let file: URL
    if let path = arguments.value("--file") {
      file = URL(fileURLWithPath: path)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else {
        throw CommandError.usage(
          "invalid --file: \(path) was not found; check the path to your Swift file")
      }
    } else {
      file = try environment.learnerFile(exercise)
    }
    let verdict = try run(exercise, file: file, environment: environment, context: context)
    if json {
      context.console.print(jsonObject(verdict))
    } else {
      context.console.print(VerdictText.render(verdict, width: context.console.width))
    }
    return verdict.passed ? .success : .failure
  }

  static func run(
    _ exercise: Exercise, file: URL, environment: ExerciseEnvironment, context: CommandContext
  ) throws(CommandError) -> Verdict {
    let checker = try environment.checker()
    let cancellation = context.cancellation
    let verdict: Verdict
    do {
      verdict = try checker.check(
        exercise, file: file, progress: { context.console.printError($0) },
        isCancelled: { cancellation.isCancelled })
    } catch {
      throw CommandError(.failure, error.message)
    }
    if verdict.kind != .cancelled {
      do {
        try environment.store().recordCheck(
          exercise: exercise.id, passed: verdict.passed, diagnosis: verdict.diagnosis,
          message: verdict.kind.rawValue)
      } catch {
        context.console.printError("warning: the check was not recorded: \(error)")
      }
    }
    return verdict
  }

  static func checkAll(environment: ExerciseEnvironment, context: CommandContext, json: Bool)
    throws(CommandError) -> ExitStatus
  {
    var verdicts: [Verdict] = []
    let all = ExerciseCatalog.all
    for (index, exercise) in all.enumerated() {
      if context.cancellation.isCancelled { break }
      let file = try environment.learnerFile(exercise)
      let label = "[\(index + 1)/\(all.count)] \(exercise.id)"
      if json {
        context.console.printError("\(label)…")
      } else {
        context.console.write("\(label): ")
      }
      let verdict = try run(exercise, file: file, environment: environment, context: context)
      verdicts.append(verdict)
      if !json {
        // The label already names the exercise, so the verdict's own "adam: " goes.
        var firstLine = verdict.message.split(separator: "\n").first.map(String.init) ?? ""
        for prefix in ["\(exercise.id): ", "\(exercise.id) "] {
          if let range = firstLine.range(of: prefix) {
            firstLine.removeSubrange(range)
            break
          }
        }
        // Wrapped together with the label already written, so continuation lines line up.
        let prefix = "\(label): "
        let wrapped = Wrapper.wrap(
          prefix + firstLine, width: context.console.width, continuationIndent: 2)
        context.console.print(
          wrapped.hasPrefix(prefix) ? String(wrapped.dropFirst(prefix.count)) : firstLine)
      }
    }
    let passedCount = verdicts.filter(\.passed).count
    if json {
      context.console.print("[" + verdicts.map(jsonObject).joined(separator: ",\n") + "]")
    } else {
      context.console.print("\(passedCount) of \(all.count) exercises pass.")
    }
    return passedCount == all.count ? .success : .failure
  }

  /// The `--json` object: exercise, passed, diagnosis, firstDivergence, message and kind.
  static func jsonObject(_ verdict: Verdict) -> String {
    var object: [String: Any] = [
      "exercise": verdict.exercise, "passed": verdict.passed, "kind": verdict.kind.rawValue,
      "message": verdict.message, "diagnosis": verdict.diagnosis ?? NSNull(),
    ]
    if let divergence = verdict.firstDivergence {
      var first: [String: Any] = [
        "case": divergence.caseName, "seed": divergence.seed, "step": divergence.step,
        "quantity": divergence.quantity, "kind": divergence.kind.rawValue,
        "expected": jsonNumber(divergence.expected), "actual": jsonNumber(divergence.actual),
      ]
      if let index = divergence.index { first["index"] = index }
      object["firstDivergence"] = first
    } else {
      object["firstDivergence"] = NSNull()
    }
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// JSON has no NaN or infinity, so those are written as the strings "NaN", "Infinity".
  static func jsonNumber(_ value: Double?) -> Any {
    guard let value else { return NSNull() }
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
    return value
  }
}
