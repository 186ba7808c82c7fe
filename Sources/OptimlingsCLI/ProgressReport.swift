import Foundation
import Store

/// A lesson as the progress report and the welcome see it.
public struct CourseLesson: Sendable, Equatable {
  public var id: String
  public var title: String
  public var stepCount: Int
  public var exercises: [String]

  public init(id: String, title: String, stepCount: Int, exercises: [String] = []) {
    self.id = id
    self.title = title
    self.stepCount = stepCount
    self.exercises = exercises
  }
}

/// Every lesson and exercise with how far the learner got, for `progress`.
public struct ProgressReport: Sendable, Equatable, Codable {
  public struct LessonRow: Sendable, Equatable, Codable {
    public var id: String
    public var title: String?
    /// The step the learner is at; nil when the lesson was never opened.
    public var step: Int?
    /// The number of steps; nil for a lesson that is in the store but not in the lessons
    /// folder.
    public var steps: Int?
  }

  public struct ExerciseRow: Sendable, Equatable, Codable {
    public var id: String
    public var passed: Bool
    public var checks: Int
    public var hints: Int
    public var solutionViewed: Bool
    /// ISO 8601 time of the last check, in UTC.
    public var lastChecked: String?
  }

  public var lessons: [LessonRow]
  public var exercises: [ExerciseRow]

  /// Combines the lessons folder with the store. Lessons come in reading order, followed by
  /// lessons that appear only in the store; exercises follow their lessons, then come any
  /// others.
  public init(
    lessons course: [CourseLesson], positions: [LessonPosition],
    exercises records: [ExerciseProgress]
  ) {
    let steps = Dictionary(positions.map { ($0.lesson, $0.step) }, uniquingKeysWith: { a, _ in a })
    var lessons = course.map {
      LessonRow(id: $0.id, title: $0.title, step: steps[$0.id], steps: $0.stepCount)
    }
    let known = Set(course.map(\.id))
    lessons += positions.filter { !known.contains($0.lesson) }.sorted { $0.lesson < $1.lesson }
      .map { LessonRow(id: $0.lesson, title: nil, step: $0.step, steps: nil) }

    let byID = Dictionary(records.map { ($0.exercise, $0) }, uniquingKeysWith: { a, _ in a })
    var order: [String] = []
    for id in course.flatMap(\.exercises) + records.map(\.exercise) where !order.contains(id) {
      order.append(id)
    }
    let formatter = ISO8601DateFormatter()
    exercises = order.map { id in
      let record = byID[id]
      return ExerciseRow(
        id: id, passed: record?.passed ?? false, checks: record?.checks ?? 0,
        hints: record?.hintsUsed ?? 0, solutionViewed: record?.solutionViewed ?? false,
        lastChecked: record?.lastCheckedAt.map { formatter.string(from: $0) })
    }
    self.lessons = lessons
  }

  /// Encodes the report as JSON with sorted keys, for scripts.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  /// Renders the report as text lines no wider than `width`, with bars drawn in block characters
  /// when `unicode` is true and in `#` and `-` otherwise.
  public func lines(width: Int, unicode: Bool) -> [String] {
    if lessons.isEmpty && exercises.isEmpty {
      return ["No progress yet. Start a lesson with `next` or `open LESSON`."]
    }
    let nameWidth = min(24, (lessons.map(\.id.count) + exercises.map(\.id.count)).max() ?? 0)
    let barWidth = max(5, min(20, width - nameWidth - 30))
    func name(_ id: String) -> String {
      id.count >= nameWidth ? id : id + String(repeating: " ", count: nameWidth - id.count)
    }

    var output: [String] = []
    if !lessons.isEmpty {
      output.append("Lessons")
      for lesson in lessons {
        let status: String
        let fraction: Double
        switch (lesson.step, lesson.steps) {
        case (let step?, let steps?):
          status = "step \(step) of \(steps)"
          fraction = Double(step) / Double(max(steps, 1))
        case (let step?, nil):
          status = "step \(step) (lesson not in the lessons folder)"
          fraction = 0
        case (nil, _):
          status = "not started"
          fraction = 0
        }
        output.append(
          "  \(name(lesson.id))  \(ProgressBar.render(fraction, width: barWidth, unicode: unicode))  \(status)"
        )
      }
    }
    if !exercises.isEmpty {
      if !output.isEmpty { output.append("") }
      let passed = exercises.filter(\.passed).count
      output.append("Exercises (\(passed) of \(exercises.count) passed)")
      for exercise in exercises {
        var details: [String] = []
        if exercise.passed {
          details.append("passed")
        } else if exercise.checks > 0 {
          details.append("not passed yet")
        } else {
          details.append("not tried")
        }
        if exercise.checks > 0 { details.append(Self.count(exercise.checks, "check")) }
        if exercise.hints > 0 { details.append(Self.count(exercise.hints, "hint")) }
        if exercise.solutionViewed { details.append("solution viewed") }
        let bar = ProgressBar.render(exercise.passed ? 1 : 0, width: barWidth, unicode: unicode)
        output.append("  \(name(exercise.id))  \(bar)  \(details.joined(separator: ", "))")
      }
    }
    return output
  }

  private static func count(_ value: Int, _ noun: String) -> String {
    "\(value) \(noun)\(value == 1 ? "" : "s")"
  }
}

/// A horizontal bar for a fraction between 0 and 1.
public enum ProgressBar {
  private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// Draws a bar exactly `width` cells wide; with `unicode`, partial cells use eighth blocks.
  public static func render(_ fraction: Double, width: Int, unicode: Bool) -> String {
    let clamped = min(max(fraction.isFinite ? fraction : 0, 0), 1)
    if !unicode {
      let filled = Int((clamped * Double(width)).rounded())
      return String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    }
    let totalEighths = Int((clamped * Double(width * 8)).rounded())
    let full = totalEighths / 8
    let partial = totalEighths % 8
    var bar = String(repeating: "█", count: full)
    if partial > 0 { bar += eighths[partial] }
    let used = full + (partial > 0 ? 1 : 0)
    return bar + String(repeating: "░", count: width - used)
  }
}
