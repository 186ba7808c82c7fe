enum EditCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "edit",
    summary: "Open the current exercise in $VISUAL or $EDITOR, then check it when you quit.",
    usage: "[NAME]", completion: .exercise, isREPLOnly: true
  ) { arguments, context in
    let environment = try ExerciseEnvironment(context: context)
    let exercise = try environment.exercise(arguments, context: context)
    let file = try environment.learnerFile(exercise)
    context.session.exerciseID = exercise.id

    let editor = ExternalEditor.command(environment: context.environment)
    let status = try ExternalEditor.run(editor, path: file.path, environment: context.environment)
    // Ctrl-C inside the editor reaches the REPL too; it was meant for the editor.
    context.cancellation.reset()
    guard status == 0 else {
      throw CommandError(
        .failure,
        "the editor '\(editor)' exited with status \(status), so \(exercise.id) was not "
          + "checked; run `check \(exercise.id)` when the file is ready")
    }
    return Workbook.run(["check", exercise.id], context: context)
  }
}
