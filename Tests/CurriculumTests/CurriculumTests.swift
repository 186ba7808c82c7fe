import Exercises
import Foundation
import Lessons
import OptimizerKit
import Terminal
import Testing

/// Content checks over every lesson in the repository's `lessons/` folder: it loads cleanly,
/// names exercises that exist, states only numbers the reference optimizers reproduce, and
/// fits the terminal.
@Suite struct CurriculumTests {
  /// The lessons the curriculum is planned to contain, in order.
  static let plannedLessonIDs = [
    "optimization", "gradient-descent", "learning-rate", "batch-sizes", "momentum",
    "adagrad-rmsprop", "bias-correction", "adam", "adam-in-practice", "adamw", "amsgrad",
    "schedules", "clipping-debugging", "memory", "fused-steps", "distributed", "checkpointing",
    "sparse-adam",
  ]

  /// Lessons from this order on must contain at least one experiment cell.
  static let firstOrderWithExperiments = 50

  /// The maximum rendered lines per step, two 80×24 screens.
  static let maximumStepLines = 48
  static let renderWidth = 80

  static let lessonsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("lessons").path

  /// The folder, loaded once for all tests.
  static let loaded = Result<LessonLibrary, any Error> {
    try LessonLibrary.load(directory: lessonsDirectory)
  }

  /// Ids of the loaded lessons, for parameterized tests. The list is empty when the folder
  /// fails to load, and `curriculumLoadsCleanly` reports that failure.
  static let lessonIDs: [String] = (try? loaded.get())?.lessons.map(\.id) ?? []

  static func library() throws -> LessonLibrary {
    try loaded.get()
  }

  static func lesson(_ id: String) throws -> Lesson {
    try #require(try library().lesson(named: id), "lesson '\(id)' not found")
  }

  @Test func curriculumLoadsCleanly() throws {
    let library = try Self.library()
    #expect(library.diagnostics.isEmpty, "\(library.diagnostics)")
    #expect(library.lessons.count >= 12)
    #expect(library.lessons.map(\.id) == Self.plannedLessonIDs)
  }

  @Test func ordersAreUniqueAndPositive() throws {
    let orders = try Self.library().lessons.map { $0.order ?? -1 }
    #expect(orders.allSatisfy { $0 > 0 }, "every lesson needs a front matter order")
    #expect(Set(orders).count == orders.count, "orders repeat: \(orders)")
  }

  @Test(arguments: lessonIDs) func lessonHasNoWarnings(id: String) throws {
    let lesson = try Self.lesson(id)
    #expect(lesson.warnings.isEmpty, "\(lesson.warnings)")
    #expect(lesson.frontMatter["id"] == id, "front matter must name the id explicitly")
  }

  @Test(arguments: lessonIDs) func exercisesExist(id: String) throws {
    let lesson = try Self.lesson(id)
    #expect(!lesson.exercises.isEmpty, "a lesson pairs with at least one exercise")
    for exercise in lesson.exercises {
      #expect(ExerciseIDs.all.contains(exercise), "unknown exercise '\(exercise)'")
    }
  }

  @Test(arguments: lessonIDs) func prerequisitesComeEarlier(id: String) throws {
    let library = try Self.library()
    let lesson = try Self.lesson(id)
    for prerequisite in lesson.prerequisites {
      let earlier = try #require(
        library.lesson(named: prerequisite), "unknown prerequisite '\(prerequisite)'")
      #expect((earlier.order ?? .max) < (lesson.order ?? .max), "'\(prerequisite)' comes later")
    }
  }

  @Test(arguments: lessonIDs) func workedExamplesVerify(id: String) throws {
    let lesson = try Self.lesson(id)
    let blocks = lesson.codeBlocks.filter { $0.block.kind == .workedExample }
    #expect(!blocks.isEmpty, "every lesson needs a worked example")
    for (_, block) in blocks {
      let example = try WorkedExample.parse(block.text, firstLine: block.line + 1)
      #expect(!example.claims.isEmpty, "line \(block.line): a worked example with no claims")
      let failures = try example.verify()
      #expect(failures.isEmpty, "line \(block.line): \(failures.map(\.message))")
    }
  }

  @Test(arguments: lessonIDs) func experimentsAreValid(id: String) throws {
    let lesson = try Self.lesson(id)
    let blocks = lesson.codeBlocks.filter { $0.block.kind == .experiment }
    if let order = lesson.order, order >= Self.firstOrderWithExperiments {
      #expect(!blocks.isEmpty, "lessons from momentum on need an experiment cell")
    }
    for (_, block) in blocks {
      let problems = ExperimentCheck.problems(in: block.text)
      #expect(problems.isEmpty, "line \(block.line): \(problems)")
    }
  }

  @Test(arguments: lessonIDs) func endsWithPracticeAndSelfCheck(id: String) throws {
    let lesson = try Self.lesson(id)
    let renderer = LessonRenderer(options: .plain(width: Self.renderWidth))
    try #require(lesson.steps.count >= 3)

    let last = lesson.steps[lesson.steps.count - 1]
    #expect(last.title == "Check yourself")
    let lists = last.blocks.compactMap { block -> ListBlock? in
      if case .list(let list) = block, list.isOrdered { return list }
      return nil
    }
    #expect(lists.count == 1, "the last step holds one numbered list of questions")
    #expect((2...4).contains(lists.first?.items.count ?? 0), "ask 2 to 4 questions")

    let practice = renderer.render(step: lesson.steps[lesson.steps.count - 2])
    let named = Set(
      practice.matches(of: /check ([a-z][a-z-]*)/).map { String($0.output.1) })
    #expect(named == Set(lesson.exercises), "the step before names `check <id>` per exercise")
  }

  @Test(arguments: lessonIDs) func stepsFitTheTerminal(id: String) throws {
    let lesson = try Self.lesson(id)
    let renderer = LessonRenderer(options: .plain(width: Self.renderWidth))
    for number in 1...lesson.steps.count {
      let title = lesson.steps[number - 1].title
      let banner = renderer.stepBanner(lesson: lesson, stepNumber: number)
      let body = renderer.render(step: lesson.steps[number - 1])
      let lines = (banner + body).split(separator: "\n", omittingEmptySubsequences: false)
        .dropLast()
      #expect(
        lines.count <= Self.maximumStepLines,
        "step \(number) '\(title)' takes \(lines.count) lines")

      // Code and cells are never re-wrapped, so a long line there would overflow the screen.
      // The banner is the renderer's own line and is left out.
      for line in lines.dropFirst() where DisplayWidth.of(String(line)) > Self.renderWidth {
        Issue.record("step \(number) '\(title)' has a line wider than 80 columns: \(line)")
      }
    }
  }
}

/// The exercise ids the checker provides.
enum ExerciseIDs {
  static let all = Set(ExerciseCatalog.ids)
}

/// Checks an `experiment` block against the documented cell format: a known objective, runs
/// that build as reference optimizers, and a plot the objective supports.
enum ExperimentCheck {
  // TODO: use the cells parser once it is on main, so the two cannot disagree.
  static let keys: Set<String> = ["objective", "start", "steps", "compare", "plot", "lrs"]

  static func problems(in text: String) -> [String] {
    var fields: [String: String] = [:]
    var problems: [String] = []
    for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
      guard let colon = line.firstIndex(of: ":") else {
        problems.append("expected 'key: value', got '\(line)'")
        continue
      }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if !keys.contains(key) { problems.append("unknown key '\(key)'") }
      fields[key] = value
    }

    guard let name = fields["objective"], let objective = Objectives.named(name) else {
      return problems + ["missing or unknown objective '\(fields["objective"] ?? "")'"]
    }
    if let start = fields["start"] {
      let values = start.split(separator: ",").compactMap {
        Double($0.trimmingCharacters(in: .whitespaces))
      }
      if values.count != objective.dimension {
        problems.append("start needs \(objective.dimension) numbers, got '\(start)'")
      }
    }
    if let steps = fields["steps"], (Int(steps) ?? 0) < 1 {
      problems.append("steps must be a positive whole number, got '\(steps)'")
    }

    let plot = fields["plot"] ?? "loss"
    let isSweep = plot == "sweep"
    switch plot {
    case "loss": break
    case "trajectory" where objective.plotBounds == nil:
      problems.append("'\(name)' has no 2D plot window for a trajectory")
    case "trajectory": break
    case "sweep":
      let rates = (fields["lrs"] ?? "").split(separator: ",").compactMap {
        Double($0.trimmingCharacters(in: .whitespaces))
      }
      if rates.isEmpty { problems.append("a sweep needs 'lrs'") }
    default: problems.append("unknown plot '\(plot)'")
    }

    let runs = (fields["compare"] ?? "").split(separator: ";")
    if runs.isEmpty { problems.append("missing 'compare'") }
    for run in runs {
      problems += runProblems(String(run), dimension: objective.dimension, isSweep: isSweep)
    }
    return problems
  }

  private static func runProblems(_ run: String, dimension: Int, isSweep: Bool) -> [String] {
    let words = run.split(separator: " ").map(String.init)
    guard let torchName = words.first else { return ["an empty run in 'compare'"] }
    var hyperparameters: [String: HyperparameterValue] = [:]
    var problems: [String] = []
    for word in words.dropFirst() {
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        problems.append("'\(word)' in '\(run)' is not key=value")
        continue
      }
      let numbers = parts[1].split(separator: ",").compactMap { Double($0) }
      switch parts[1] {
      case "true", "false": hyperparameters[parts[0]] = .flag(parts[1] == "true")
      case _ where numbers.count == 2: hyperparameters[parts[0]] = .pair(numbers[0], numbers[1])
      case _ where numbers.count == 1: hyperparameters[parts[0]] = .number(numbers[0])
      default: problems.append("'\(parts[1])' in '\(run)' is not a value")
      }
    }
    if isSweep, hyperparameters["lr"] != nil {
      problems.append("a sweep sets lr itself; drop it from '\(run)'")
    }
    do {
      _ = try ReferenceOptimizer.make(
        torchName: torchName, hyperparameters: hyperparameters, parameterCount: dimension)
    } catch {
      problems.append("'\(run)': \(error.description)")
    }
    return problems
  }
}
