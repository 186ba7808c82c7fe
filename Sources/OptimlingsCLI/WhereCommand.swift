enum WhereCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "where", summary: "Show the current lesson, step and exercise.", isREPLOnly: true
  ) { _, context in
    let session = context.session
    if let lessonID = session.lessonID {
      let lesson = try context.courseLessons().first { $0.id == lessonID }
      var line = "Lesson \(lessonID)"
      if let lesson { line += " (\(lesson.title))" }
      line += ", step \(session.step)"
      if let lesson { line += " of \(lesson.stepCount)" }
      context.console.print(line + ".")
    } else {
      context.console.print("No lesson is open. Start one with `next`, or `open LESSON`.")
    }
    if let exercise = session.exerciseID {
      let passed = (try? context.progressStore().hasPassed(exercise: exercise)) ?? false
      context.console.print(
        "Exercise \(exercise): \(passed ? "passed" : "not passed yet; run `check \(exercise)`").")
    }
    return .success
  }
}
