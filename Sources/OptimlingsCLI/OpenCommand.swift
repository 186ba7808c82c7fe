import Foundation
import Lessons
import Terminal

enum OpenCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "open", summary: "Show a lesson, one step at a time on a terminal.",
    usage: "LESSON_OR_PATH [--step N]", valueOptions: ["--step"], completion: .lesson
  ) { arguments, context in
    guard let reference = arguments.positionals.first else {
      throw CommandError.usage("missing lesson; run `list` to see the lessons, or give a path")
    }
    guard arguments.positionals.count == 1 else {
      throw CommandError.usage(
        "'open' takes one lesson, got \(arguments.positionals.count): "
          + arguments.positionals.joined(separator: " "))
    }
    var stepNumber: Int?
    if let written = arguments.value("--step") {
      guard let number = Int(written) else {
        throw CommandError.usage("invalid --step '\(written)': expected a step number such as 2")
      }
      stepNumber = number
    }

    let lesson = try resolve(reference, context: context)
    let console = context.console
    let renderer = renderer(for: console)

    var cursor: LessonCursor
    do {
      cursor = try LessonCursor(lesson: lesson, stepNumber: stepNumber ?? 1)
    } catch {
      throw CommandError.usage("\(error)")
    }

    if console.isTTY {
      present(cursor, context: context)
      return .success
    }

    let numbers = stepNumber.map { [$0] } ?? Array(1...lesson.steps.count)
    for (index, number) in numbers.enumerated() {
      try cursor.go(to: number)
      if index > 0 { console.print() }
      console.write(renderer.stepBanner(lesson: lesson, stepNumber: number))
      console.print()
      console.write(renderer.render(step: cursor.step))
    }
    // A piped REPL script steps on from here with `next`, as a learner at a terminal would.
    context.session.lessonID = lesson.id
    context.session.step = stepNumber ?? 1
    return .success
  }

  /// Finds the lesson named by id or title in the lessons folder, else loads the file at that
  /// path.
  static func resolve(_ reference: String, context: CommandContext) throws -> Lesson {
    let looksLikePath =
      reference.contains("/") || reference.hasSuffix(".md") || reference.hasSuffix(".markdown")
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory)
    if exists, isDirectory.boolValue, reference.contains("/") {
      throw CommandError.usage(
        "\(reference) is a folder, not a lesson; list its lessons with "
          + "`optimlings --lessons \(reference) list`")
    }
    if looksLikePath, exists, !isDirectory.boolValue {
      do {
        return try LessonLibrary.loadFile(reference)
      } catch {
        throw CommandError(.failure, "cannot open \(error)")
      }
    }

    let library = try LessonsFolder.load(context: context)
    if let lesson = library.lesson(named: reference) { return lesson }
    var message = "unknown lesson '\(reference)'"
    let ids = library.lessons.map(\.id)
    if let closest = ids.min(by: {
      EditDistance.between(reference, $0) < EditDistance.between(reference, $1)
    }), EditDistance.between(reference, closest) <= max(2, reference.count / 3) {
      message += " (did you mean '\(closest)'?)"
    }
    message += looksLikePath ? ", and no file exists at that path." : "."
    message += " Lessons in \(library.directory): \(library.idListing)."
    throw CommandError.usage(message)
  }

  /// Makes the renderer for `console`: its width, colour, and OSC 8 links whenever colour is
  /// on.
  static func renderer(for console: Console) -> LessonRenderer {
    LessonRenderer(
      options: RenderOptions(
        width: console.width, usesColor: console.usesColor, hyperlinks: console.usesColor))
  }

  /// Shows the cursor's step paged on the console and records the position in the session.
  /// The REPL's stepping commands call this after moving the cursor.
  static func present(_ cursor: LessonCursor, context: CommandContext) {
    show(
      cursor: cursor, renderer: renderer(for: context.console), console: context.console,
      nextCommand: context.isInteractive
        ? "next" : "open \(cursor.lesson.id) --step \(cursor.stepNumber + 1)")
    context.session.lessonID = cursor.lesson.id
    context.session.step = cursor.stepNumber
  }

  /// Shows the cursor's step a screen at a time, waiting for Enter between screens, then
  /// names `nextCommand` as the way on.
  static func show(
    cursor: LessonCursor, renderer: LessonRenderer, console: Console, nextCommand: String
  ) {
    let text =
      renderer.stepBanner(lesson: cursor.lesson, stepNumber: cursor.stepNumber) + "\n"
      + renderer.render(step: cursor.step)
    let pages = Pager.pages(of: text, height: console.height ?? 24)
    for (index, page) in pages.enumerated() {
      console.write(page)
      guard index < pages.count - 1 else { break }
      console.write(Pager.prompt)
      guard let answer = console.readLine() else { return }
      if answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("q") { return }
    }
    if !cursor.isAtLastStep {
      console.print()
      console.print(
        "Step \(cursor.stepNumber) of \(cursor.stepCount). Next: `\(nextCommand)`")
    }
  }
}
