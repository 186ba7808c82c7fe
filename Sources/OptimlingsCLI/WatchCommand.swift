import Exercises

enum WatchCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "watch",
    summary: "Check an exercise again every time you save it; Ctrl-C, q or end of input stops.",
    usage: "[NAME]", completion: .exercise
  ) { arguments, context in
    let environment = try ExerciseEnvironment(context: context)
    let exercise = try environment.exercise(arguments, context: context)
    context.session.exerciseID = exercise.id
    let file = try environment.learnerFile(exercise)
    let watcher = FileWatcher(file: file)
    let how = watcher.usesNotifications ? "" : " (polling)"
    context.console.print("Watching \(file.path)\(how). Save to check again; q or Ctrl-C stops.")
    var last = try CheckCommand.run(
      exercise, file: file, environment: environment, context: context)
    context.console.print(last.message)
    let cancellation = context.cancellation
    while true {
      switch watcher.wait(isCancelled: { cancellation.isCancelled }) {
      case .cancelled, .inputClosed:
        context.console.print("Stopped watching \(exercise.id).")
        return last.passed ? .success : .failure
      case .changed:
        context.console.print("")
        context.console.print("— \(exercise.fileName) changed, checking —")
        last = try CheckCommand.run(
          exercise, file: file, environment: environment, context: context)
        context.console.print(last.message)
      }
    }
  }
}
