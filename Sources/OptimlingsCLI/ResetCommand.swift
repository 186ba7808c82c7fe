import Exercises

enum ResetCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "reset",
    summary: "Put the template back in an exercise file, keeping your version as a backup.",
    usage: "NAME", completion: .exercise
  ) { arguments, context in
    guard let name = arguments.positionals.first, arguments.positionals.count == 1 else {
      throw CommandError.usage("reset needs exactly one exercise name: reset NAME")
    }
    let exercise = try ExerciseEnvironment.exercise(named: name)
    let environment = try ExerciseEnvironment(context: context)
    do {
      let backup = try environment.workspace.reset(exercise)
      let file = environment.workspace.file(for: exercise)
      if let backup {
        context.console.print("Your previous \(exercise.fileName) is saved as \(backup.path).")
      }
      context.console.print("\(file.path) now holds the template again.")
    } catch {
      throw CommandError(.failure, "\(error)")
    }
    return .success
  }
}
