/// A position in a lesson that moves one step at a time, for `open` and the REPL.
public struct LessonCursor: Equatable, Sendable {
  public let lesson: Lesson
  /// The 1-based number of the current step.
  public private(set) var stepNumber: Int

  /// Starts at step `stepNumber` (1-based) of `lesson`.
  ///
  /// - Throws: ``LessonCursorError`` when the lesson has no such step.
  public init(lesson: Lesson, stepNumber: Int = 1) throws(LessonCursorError) {
    self.lesson = lesson
    self.stepNumber = 1
    try go(to: stepNumber)
  }

  public var step: Step { lesson.steps[stepNumber - 1] }
  public var stepCount: Int { lesson.steps.count }
  public var isAtFirstStep: Bool { stepNumber == 1 }
  public var isAtLastStep: Bool { stepNumber == stepCount }

  /// Moves to the next step and returns it.
  /// - Throws: ``LessonCursorError`` at the last step; the cursor does not move.
  @discardableResult
  public mutating func next() throws(LessonCursorError) -> Step {
    guard !isAtLastStep else {
      throw LessonCursorError(
        message:
          "'\(lesson.title)' has no step after step \(stepNumber), its last; "
          + "go back with `back` or pick a step with `step N`")
    }
    stepNumber += 1
    return step
  }

  /// Moves to the previous step and returns it.
  /// - Throws: ``LessonCursorError`` at the first step; the cursor does not move.
  @discardableResult
  public mutating func back() throws(LessonCursorError) -> Step {
    guard !isAtFirstStep else {
      throw LessonCursorError(
        message: "'\(lesson.title)' has no step before step 1; go forward with `next`")
    }
    stepNumber -= 1
    return step
  }

  /// Moves to step `number` (1-based) and returns it.
  /// - Throws: ``LessonCursorError`` listing the steps that exist; the cursor does not move.
  @discardableResult
  public mutating func go(to number: Int) throws(LessonCursorError) -> Step {
    guard (1...max(1, stepCount)).contains(number), stepCount > 0 else {
      throw LessonCursorError(
        message: "step \(number) is out of range: " + Self.stepListing(of: lesson))
    }
    stepNumber = number
    return step
  }

  /// `'Adam' has 3 steps: 1 Why, 2 The update, 3 Check yourself`.
  public static func stepListing(of lesson: Lesson) -> String {
    guard !lesson.steps.isEmpty else { return "'\(lesson.title)' has no steps" }
    let names = lesson.steps.enumerated().map { "\($0.offset + 1) \($0.element.title)" }
    let noun = lesson.steps.count == 1 ? "step" : "steps"
    return "'\(lesson.title)' has \(lesson.steps.count) \(noun): "
      + names.joined(separator: ", ")
  }
}

/// A move the cursor cannot make, with a message that lists what exists.
public struct LessonCursorError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
