enum ProgressCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "progress", summary: "Show how far you are in each lesson and exercise.",
    usage: "[--json]", flags: ["--json"]
  ) { arguments, context in
    let store = try context.progressStore()
    let report: ProgressReport
    do {
      report = ProgressReport(
        lessons: try context.courseLessons(), positions: try store.positions(),
        exercises: try store.exerciseProgress())
    } catch let error as CommandError {
      throw error
    } catch {
      throw CommandError(.failure, "cannot read progress from \(store.path): \(error)")
    }

    if arguments.has("--json") {
      context.console.print(try report.json())
    } else {
      for line in report.lines(width: context.console.width, unicode: context.console.isUTF8) {
        context.console.print(line)
      }
    }
    return .success
  }
}
