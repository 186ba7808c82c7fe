import Store

/// The REPL's prompt and welcome, as pure functions of the learner's position.
public enum ReplText {
  /// libedit's marker (passed to `EL_PROMPT_ESC`) around characters that take no column
  /// on screen, so colour codes do not throw off cursor movement.
  public static let ignoreMarker: Character = "\u{1}"

  /// `optimlings adam 3/7> `, or `optimlings> ` with no lesson open. With `color`, the
  /// name is bold cyan and the position yellow, and each escape sequence is wrapped in
  /// ``ignoreMarker``.
  ///
  /// libedit (3.1-20221030) draws a wrapped sequence together with the visible character
  /// after it and drops a sequence that no visible character follows, so every sequence
  /// here is followed by a printable character.
  public static func prompt(session: Session, stepCount: Int?, color: Bool) -> String {
    var position = ""
    if let lesson = session.lessonID {
      position = " \(lesson) \(session.step)"
      if let stepCount { position += "/\(stepCount)" }
    }
    guard color else { return "optimlings\(position)> " }
    func escape(_ code: String) -> String {
      String(ignoreMarker) + "\u{1B}[" + code + "m" + String(ignoreMarker)
    }
    let name = escape("1;36") + "optimlings"
    let place = position.isEmpty ? "" : escape("0;33") + position
    return name + place + escape("0") + "> "
  }

  /// Builds the text shown when the REPL starts: a short welcome on the first run, else
  /// where the learner left off and what comes next.
  ///
  /// - Parameters:
  ///   - last: the most recent position in the store, nil on a first run.
  ///   - lessons: the lessons in reading order.
  ///   - unpassed: the exercises of the last lesson that have no passing check yet.
  public static func welcome(last: LessonPosition?, lessons: [CourseLesson], unpassed: [String])
    -> String
  {
    guard let last else {
      var text = "Welcome to Optimlings: short lessons on how ML optimizers work, and exercises "
      text += "where you implement them in Swift and check every step against torch.optim.\n"
      if let first = lessons.first {
        text += "Type `next` to start lesson 1, '\(first.title)'. "
      }
      text += "`help` lists the commands; Tab completes them. Ctrl-D or `quit` leaves."
      return text
    }

    let index = lessons.firstIndex { $0.id == last.lesson }
    var text = "Welcome back. You left off in "
    if let index {
      let lesson = lessons[index]
      text += "lesson \(index + 1) '\(lesson.title)', step \(last.step) of \(lesson.stepCount)"
    } else {
      text += "lesson \(last.lesson), step \(last.step)"
    }
    if let exercise = unpassed.first {
      text += "; exercise `\(exercise)` not yet passed"
    }
    text += ".\n"

    if let index, last.step >= lessons[index].stepCount {
      if index + 1 < lessons.count {
        text += "Next: lesson \(index + 2) '\(lessons[index + 1].title)'; type `next`."
      } else {
        text += "That was the last lesson; `progress` shows what is left."
      }
    } else {
      text += "Type `next` for step \(last.step + 1), or `where` to see where you are."
    }
    return text
  }
}
