import Exercises
import Foundation

enum SolutionCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "solution",
    summary: "Show the reference solution: after your check passes, or once you confirm.",
    usage: "[NAME] [--force]", flags: ["--force"], completion: .exercise
  ) { arguments, context in
    let environment = try ExerciseEnvironment(context: context)
    let exercise = try environment.exercise(arguments, context: context)
    let store = try environment.store()
    let earned =
      (try? store.hasPassed(exercise: exercise.id)) == true
      || (try? store.hasViewedSolution(exercise: exercise.id)) == true
    let allowed = earned || arguments.has("--force")
    if !allowed {
      guard context.isInteractive || context.console.isTTY else {
        throw CommandError(
          .failure,
          "\(exercise.id) has not passed yet; run `check \(exercise.id)` first, or add --force "
            + "to see the solution anyway")
      }
      context.console.print(
        "\(exercise.id) has not passed yet. Seeing the solution now spoils the exercise.")
      context.console.write("Type yes to show it: ")
      guard context.console.readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes"
      else {
        context.console.print("Not shown. `hint \(exercise.id)` gives the next hint instead.")
        return .failure
      }
    }
    let source: String
    do {
      source = try exercise.source(.solution)
    } catch {
      throw CommandError(.failure, "\(error)")
    }
    do {
      try store.recordSolutionViewed(exercise: exercise.id)
    } catch {
      context.console.printError("warning: viewing the solution was not recorded: \(error)")
    }
    context.console.print(source)
    return .success
  }
}
