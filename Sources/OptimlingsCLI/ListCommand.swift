import Lessons
import Terminal

enum ListCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "list", aliases: ["ls"],
    summary: "List the lessons with their step counts and paired exercises."
  ) { _, context in
    let library = try LessonsFolder.load(context: context)
    guard !library.lessons.isEmpty else {
      context.console.print(
        "No lessons in \(library.directory). Lessons are .md files; see docs/lesson-format.md.")
      return .success
    }
    let console = context.console
    let renderer = LessonRenderer(
      options: RenderOptions(width: console.width, usesColor: console.usesColor, hyperlinks: false))
    let rows = library.lessons.map { lesson in
      [
        lesson.id, lesson.title, String(lesson.steps.count),
        lesson.exercises.isEmpty ? "-" : lesson.exercises.joined(separator: ", "),
      ]
    }
    console.write(
      renderer.renderTable(
        header: ["Lesson", "Title", "Steps", "Exercises"], rows: rows,
        alignments: [.left, .left, .right, .left]))
    console.print()
    console.print("Open one with `open LESSON`, for example `open \(library.lessons[0].id)`.")
    return .success
  }
}
