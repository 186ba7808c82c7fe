import Lessons

/// `next`, `back` and `step N`: move through the lessons one step at a time.
///
/// They move the session's ``LessonCursor``; the REPL records the new position in the
/// progress store after each command. `next` at a lesson's last step continues with the
/// next lesson in reading order, and `back` at step 1 returns to the previous lesson's last
/// step.
enum StepCommands {
  static let next: CommandSpec = CommandSpec(
    name: "next", aliases: ["n"], summary: "Show the next step (the first lesson to begin).",
    isREPLOnly: true
  ) { arguments, context in
    try rejectArguments(arguments, command: "next")
    let library = try LessonsFolder.load(context: context)
    guard var cursor = try currentCursor(library: library, context: context) else {
      guard let first = library.lessons.first(where: { !$0.steps.isEmpty }) else {
        throw CommandError(.failure, "no lessons in \(library.directory); pass --lessons DIR")
      }
      return try show(LessonCursor(lesson: first), context: context)
    }
    if cursor.isAtLastStep {
      guard let following = neighbour(of: cursor.lesson, in: library, offset: 1) else {
        context.console.print(
          "That was the last step of the last lesson. `progress` shows what is left.")
        return .success
      }
      return try show(LessonCursor(lesson: following), context: context)
    }
    try cursor.next()
    return show(cursor, context: context)
  }

  static let back: CommandSpec = CommandSpec(
    name: "back", aliases: ["b"], summary: "Show the previous step.", isREPLOnly: true
  ) { arguments, context in
    try rejectArguments(arguments, command: "back")
    let library = try LessonsFolder.load(context: context)
    guard var cursor = try currentCursor(library: library, context: context) else {
      throw CommandError.usage("no lesson is open; start with `next` or `open LESSON`")
    }
    if cursor.isAtFirstStep {
      guard let previous = neighbour(of: cursor.lesson, in: library, offset: -1) else {
        throw CommandError.usage("this is the first step of the first lesson; go on with `next`")
      }
      return try show(
        LessonCursor(lesson: previous, stepNumber: previous.steps.count), context: context)
    }
    try cursor.back()
    return show(cursor, context: context)
  }

  static let step: CommandSpec = CommandSpec(
    name: "step", summary: "Show step N of the current lesson.", usage: "N", isREPLOnly: true
  ) { arguments, context in
    guard arguments.positionals.count == 1, let number = Int(arguments.positionals[0]) else {
      throw CommandError.usage("usage: step N, where N is a step number such as 3")
    }
    let library = try LessonsFolder.load(context: context)
    guard var cursor = try currentCursor(library: library, context: context) else {
      throw CommandError.usage("no lesson is open; start with `next` or `open LESSON`")
    }
    do {
      try cursor.go(to: number)
    } catch {
      throw CommandError.usage("\(error)")
    }
    return show(cursor, context: context)
  }

  /// Builds a cursor at the session's lesson and step; returns nil when no lesson is open.
  private static func currentCursor(library: LessonLibrary, context: CommandContext) throws
    -> LessonCursor?
  {
    guard let id = context.session.lessonID else { return nil }
    guard let lesson = library.lesson(named: id), !lesson.steps.isEmpty else {
      throw CommandError(
        .failure,
        "lesson '\(id)' is not in \(library.directory); open another with `open LESSON`")
    }
    let step = min(max(context.session.step, 1), lesson.steps.count)
    return try? LessonCursor(lesson: lesson, stepNumber: step)
  }

  private static func neighbour(of lesson: Lesson, in library: LessonLibrary, offset: Int)
    -> Lesson?
  {
    guard let index = library.lessons.firstIndex(where: { $0.id == lesson.id }) else { return nil }
    var candidate = index + offset
    while library.lessons.indices.contains(candidate) {
      if !library.lessons[candidate].steps.isEmpty { return library.lessons[candidate] }
      candidate += offset
    }
    return nil
  }

  private static func show(_ cursor: LessonCursor, context: CommandContext) -> ExitStatus {
    if context.session.lessonID != cursor.lesson.id {
      context.session.exerciseID = cursor.lesson.exercises.first
    }
    let console = context.console
    if console.isTTY {
      OpenCommand.present(cursor, context: context)
      return .success
    }
    let renderer = OpenCommand.renderer(for: console)
    console.write(renderer.stepBanner(lesson: cursor.lesson, stepNumber: cursor.stepNumber))
    console.print()
    console.write(renderer.render(step: cursor.step))
    context.session.lessonID = cursor.lesson.id
    context.session.step = cursor.stepNumber
    return .success
  }

  private static func rejectArguments(_ arguments: ParsedArguments, command: String)
    throws(CommandError)
  {
    guard arguments.positionals.isEmpty else {
      throw CommandError.usage(
        "'\(command)' takes no arguments; to jump to a step use `step N`")
    }
  }
}
