import Exercises
import OptimizerKit
import Store

/// The REPL apart from line editing: restoring the position, running lines and building the
/// prompt and completions. The executable feeds it lines from libedit or from a pipe.
public final class ReplSession {
  public let context: CommandContext
  public let table: CommandTable

  public init(context: CommandContext, table: CommandTable = .standard) {
    self.context = context
    self.table = table
  }

  /// Restores the last position from the store and returns the welcome text.
  ///
  /// A store that cannot be opened is reported on the error stream and the REPL runs
  /// without saved progress.
  public func start() -> String {
    let store: ProgressStore
    do {
      store = try context.progressStore()
    } catch {
      context.console.printError("error: \(error.message); progress will not be saved")
      return ReplText.welcome(last: nil, lessons: lessons(), unpassed: [])
    }

    let last = try? store.lastPosition()
    if let last {
      context.session.lessonID = last.lesson
      context.session.step = last.step
    }
    let lesson = lessons().first { $0.id == last?.lesson }
    let unpassed = (lesson?.exercises ?? []).filter {
      !((try? store.hasPassed(exercise: $0)) ?? false)
    }
    context.session.exerciseID = unpassed.first ?? lesson?.exercises.first
    return ReplText.welcome(last: last, lessons: lessons(), unpassed: unpassed)
  }

  /// Splits and runs one line; returns nil for a blank or comment line.
  public func run(line: String) -> ExitStatus? {
    let words: [String]
    do {
      words = try LineWords.split(line)
    } catch {
      context.console.printError("error: \(error.message)")
      return error.status
    }
    guard !words.isEmpty else { return nil }
    context.cancellation.reset()
    let before = context.session
    let status = Workbook.run(words, context: context, table: table)
    if context.session != before {
      recordPosition()
    }
    return status
  }

  /// Saves the session's lesson and step, so a crash or `quit` keeps the place.
  private func recordPosition() {
    guard let lesson = context.session.lessonID else { return }
    do {
      try context.progressStore().recordPosition(lesson: lesson, step: context.session.step)
    } catch {
      context.console.printError("warning: position not saved: \(error)")
    }
  }

  public func prompt(color: Bool) -> String {
    let stepCount = lessons().first { $0.id == context.session.lessonID }?.stepCount
    return ReplText.prompt(session: context.session, stepCount: stepCount, color: color)
  }

  /// Completion over this session's commands, lessons, exercises and optimizers.
  public func completer(listDirectory: @escaping @Sendable (String) -> [DirectoryEntry]?)
    -> Completer
  {
    let lessons = self.lessons()
    let storeExercises = (try? context.progressStore().exerciseProgress().map(\.exercise)) ?? []
    let exercises = Array(
      Set(ExerciseCatalog.ids + lessons.flatMap(\.exercises) + storeExercises)
    ).sorted()
    let sources = CompletionSources(
      lessonIDs: { lessons.map(\.id) }, exerciseIDs: { exercises },
      optimizerNames: ReferenceOptimizer.torchNames, listDirectory: listDirectory,
      homeDirectory: context.environment["HOME"])
    return Completer(table: table, sources: sources)
  }

  /// Returns the lessons, loading them again only when `--lessons` changes.
  private func lessons() -> [CourseLesson] {
    let directory = LessonsFolder.path(for: context.globals)
    if let cachedLessons, cachedLessons.directory == directory {
      return cachedLessons.lessons
    }
    let lessons = (try? context.courseLessons()) ?? []
    cachedLessons = (directory, lessons)
    return lessons
  }

  private var cachedLessons: (directory: String, lessons: [CourseLesson])?
}
