import Exercises

enum HintCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "hint", summary: "Show the next hint for an exercise; each is more specific.",
    usage: "[NAME]", completion: .exercise
  ) { arguments, context in
    let environment = ExerciseEnvironment(context: context)
    let exercise = try environment.exercise(arguments, context: context)
    context.session.exerciseID = exercise.id
    var progress = environment.loadProgress()
    let used = progress.hintsUsed[exercise.id] ?? 0
    let total = exercise.hints.count
    if used >= total {
      context.console.print("All \(total) hints for \(exercise.id) are shown:")
      for (index, hint) in exercise.hints.enumerated() {
        context.console.print("\(index + 1). \(hint)")
      }
      context.console.print("Still stuck? `solution \(exercise.id)` shows the reference.")
      return .success
    }
    progress.hintsUsed[exercise.id] = used + 1
    do {
      try progress.save(to: environment.progressFile)
    } catch {
      throw CommandError(.failure, "\(error)")
    }
    context.console.print(
      "Hint \(used + 1) of \(total) for \(exercise.id): \(exercise.hints[used])")
    return .success
  }
}
