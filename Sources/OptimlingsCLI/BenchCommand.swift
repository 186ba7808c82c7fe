import Foundation
import OptimizerKit
import PerformanceLab

/// `bench [EXERCISE]`: times the learner's Adam or AdamW against the fused reference kernel
/// and the memory bandwidth, and measures Adam's state memory against SGD's.
enum BenchCommand {
  static let defaultSizes = [1_000_000, 10_000_000]

  static let spec: CommandSpec = CommandSpec(
    name: "bench",
    summary: "Time your Adam or AdamW step against the reference kernel and memory bandwidth.",
    usage: "[adam|adamw] [--size N] [--threads N] [--repeats N] [--file PATH]",
    valueOptions: ["--size", "--threads", "--repeats", "--file"],
    completion: .words(LearnerHarness.typeNames.keys.sorted())
  ) { arguments, context in
    let options = try BenchOptions(arguments, context: context)
    let cache = ExerciseEnvironment.cacheDirectory(environment: context.environment)
    return try run(options, context: context, runner: CheckerLearnerRunner(cacheDirectory: cache))
  }

  static func run(_ options: BenchOptions, context: CommandContext, runner: any LearnerRunner)
    throws -> ExitStatus
  {
    let console = context.console
    let cancellation = context.cancellation
    console.print(
      "Timing your \(options.typeName) from \(options.file.path) on "
        + options.sizes.map(grouped).joined(separator: " and ") + " parameters…")
    #if DEBUG
      console.print(
        "note: this optimlings is a debug build, so the reference kernel runs unoptimized; "
          + "build with `swift build -c release` for representative numbers.")
    #endif

    let output = try runner.run(
      typeName: options.typeName, file: options.file,
      arguments: [String(options.repeats)] + options.sizes.map(String.init),
      isCancelled: { cancellation.isCancelled })
    guard let output else { return cancelled(context) }
    let learner = LearnerMeasurement.parse(output)
    guard learner.count == options.sizes.count else {
      throw CommandError(
        .failure,
        "the timing program printed no result for some sizes; its output was:\n\(output)")
    }

    var references: [[ReferenceMeasurement]] = []
    for size in options.sizes {
      guard
        let measured = try ReferenceMeasurement.measure(
          count: size, threadCounts: options.threadCounts, repeats: options.repeats,
          shouldStop: { cancellation.isCancelled })
      else { return cancelled(context) }
      references.append(measured)
    }
    let stateMemory = try StateMemory.reference(count: options.sizes.last!)

    let report = BenchReport(
      typeName: options.typeName, learner: learner, references: references,
      stateMemory: stateMemory)
    console.print(report.render(width: console.width, usesColor: console.usesColor))
    return .success
  }

  private static func cancelled(_ context: CommandContext) -> ExitStatus {
    context.console.printError("bench cancelled")
    return .failure
  }
}

/// The options of one `bench` run, checked.
struct BenchOptions: Equatable {
  var exercise: String
  var typeName: String
  var file: URL
  var sizes: [Int]
  var threadCounts: [Int]
  var repeats: Int

  init(_ arguments: ParsedArguments, context: CommandContext) throws(CommandError) {
    let supported = LearnerHarness.typeNames.keys.sorted()
    guard arguments.positionals.count <= 1 else {
      throw .usage(
        "bench takes at most one exercise, got \(arguments.positionals.joined(separator: " "))")
    }
    let sessionExercise = context.session.exerciseID.flatMap {
      LearnerHarness.typeNames[$0] == nil ? nil : $0
    }
    exercise = arguments.positionals.first ?? sessionExercise ?? "adamw"
    guard let typeName = LearnerHarness.typeNames[exercise] else {
      throw .usage(
        "bench times \(supported.joined(separator: " or ")), not '\(exercise)'; "
          + "run `bench adamw`")
    }
    self.typeName = typeName

    sizes = try Self.positive(arguments, "--size").map { [$0] } ?? BenchCommand.defaultSizes
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let threads = try Self.positive(arguments, "--threads") ?? cores
    threadCounts = Array(Set([1, threads])).sorted()
    repeats = try Self.positive(arguments, "--repeats") ?? 10

    if let path = arguments.value("--file") {
      file = URL(fileURLWithPath: path)
    } else {
      // Prepares the workspace as `check` does, so a missing file becomes the template.
      let environment = try ExerciseEnvironment(context: context)
      file = try environment.learnerFile(try ExerciseEnvironment.exercise(named: exercise))
    }
    guard FileManager.default.fileExists(atPath: file.path) else {
      throw CommandError(
        .failure,
        "no file at \(file.path); check the path, or run `reset \(exercise)` to create the "
          + "workspace file from its template")
    }
  }

  /// Reads the option's value as a whole number above 0; nil when the option is absent.
  static func positive(_ arguments: ParsedArguments, _ option: String) throws(CommandError) -> Int?
  {
    guard let text = arguments.value(option) else { return nil }
    guard let value = Int(text), value > 0 else {
      throw .usage("invalid \(option) '\(text)': expected a whole number above 0")
    }
    return value
  }
}

/// Formats `1000000` as `1,000,000`.
func grouped(_ value: Int) -> String {
  let digits = String(value)
  var result = ""
  for (index, character) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
    result.append(character)
  }
  return result
}
