import Exercises

enum HintCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "hint", summary: "Show the next hint for an exercise; each is more specific.",
    usage: "[NAME]", completion: .exercise
  ) { arguments, context in
    let environment = try ExerciseEnvironment(context: context)
    let exercise = try environment.exercise(arguments, context: context)
    context.session.exerciseID = exercise.id
    let store = try environment.store()
    let used: Int
    do {
      used = try store.hintsUsed(exercise: exercise.id)
    } catch {
      throw CommandError(.failure, "could not read the hints used: \(error)")
    }
    let total = exercise.hints.count
    if used >= total {
      context.console.print("All \(total) hints for \(exercise.id) are shown:")
      for (index, hint) in exercise.hints.enumerated() {
        context.console.print("\(index + 1). \(hint)")
      }
      context.console.print("Still stuck? `solution \(exercise.id)` shows the reference.")
      return .success
    }
    let number: Int
    do {
      number = try store.recordHint(exercise: exercise.id)
    } catch {
      throw CommandError(.failure, "could not record the hint: \(error)")
    }
    // Another process may have shown a hint in between; show the one this call recorded.
    let shown = min(max(number, 1), total)
    context.console.print(
      "Hint \(shown) of \(total) for \(exercise.id): \(exercise.hints[shown - 1])")
    return .success
  }
}
