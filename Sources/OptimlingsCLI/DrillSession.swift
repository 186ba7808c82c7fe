import Drill
import Foundation

/// One sitting of `drill`: asks questions through the console, shows feedback, and records
/// ratings (review mode) or times answers (mock mode).
///
/// With `--json` the conversation goes to the error stream and standard output carries only
/// the session summary, so `drill --json < answers.txt > summary.json` works in scripts.
struct DrillSession {
  let console: Console
  let json: Bool
  let store: any ReviewStore
  let now: @Sendable () -> Date
  let cancellation: Cancellation
  let scheduler = FSRS()

  /// Time allowed per question in a mock interview, by difficulty.
  static let mockBudgetSeconds: [Difficulty: Double] = [.easy: 60, .medium: 120, .hard: 180]

  // MARK: - Review mode

  func runReview(_ queue: [DrillCard], schedules: [String: CardSchedule]) throws -> ExitStatus {
    let startedAt = now()
    guard !queue.isEmpty else {
      say("Nothing to drill: no card is due and every question has been seen.")
      if let next = schedules.values.map(\.due).filter({ $0 > startedAt }).min() {
        say("The next card is due \(Self.describeDue(next, from: startedAt)).")
      }
      finish(SessionSummary(mode: "review", startedAt: startedAt, finishedAt: now()))
      return .success
    }

    let dueCount = queue.filter { schedules[$0.id] != nil }.count
    say(
      "Drill: \(queue.count) question\(queue.count == 1 ? "" : "s") (\(dueCount) due, \(queue.count - dueCount) new)."
    )
    say("Type your answer and end it with an empty line. Type :quit on its own line to stop.")

    var summary = SessionSummary(mode: "review", startedAt: startedAt, finishedAt: startedAt)
    for (index, card) in queue.enumerated() {
      if cancellation.isCancelled { break }
      let existing = schedules[card.id]
      say()
      say(
        "[\(index + 1)/\(queue.count)] \(card.question.topic) · \(card.question.difficulty.rawValue)\(existing == nil ? " · new" : "")"
      )
      say(card.question.prompt)
      let shownAt = now()
      guard case .answer(let answer) = readAnswer() else { break }
      let answeredAt = now()
      let assessment = KeyPointMatcher.assess(answer, for: card.question)
      showFeedback(assessment, for: card.question)

      let preview = scheduler.previewIntervals(existing, at: answeredAt)
      guard let rating = readRating(suggested: assessment.suggestedRating, preview: preview) else {
        break
      }
      let ratedAt = now()
      let schedule = scheduler.schedule(existing, rating: rating, at: ratedAt)
      let seconds = max(0, answeredAt.timeIntervalSince(shownAt))
      do {
        try store.record(
          ReviewRecord(
            cardID: card.id, reviewedAt: ratedAt, rating: rating, score: assessment.score,
            answerSeconds: seconds, schedule: schedule),
          schedule: schedule)
      } catch {
        throw CommandError(
          .failure,
          "cannot save the review of \(card.id): \(error); the reviews before it are saved")
      }
      say(
        "Rated \(rating.name). Next review in \(Self.days(schedule.scheduledDays)) (\(Self.dateText(schedule.due)))."
      )
      summary.questions.append(
        AnsweredQuestion(
          card: card, assessment: assessment, answerSeconds: seconds, rating: rating,
          schedule: schedule))
    }

    summary.finishedAt = now()
    summary.completed = summary.questions.count == queue.count
    say()
    let ratings = Rating.allCases.map { rating in
      "\(summary.questions.filter { $0.rating == rating.name }.count) \(rating.name)"
    }
    say(
      "Reviewed \(summary.questions.count) of \(queue.count): \(ratings.joined(separator: ", "))."
    )
    summary.weakestTopics = weakestTopics(summary.questions)
    if let weakest = summary.weakestTopics.first, weakest.averageScore < 1 {
      say("Weakest topic: \(weakest.topic) (\(Self.percent(weakest.averageScore)) of key points).")
    }
    finish(summary)
    return .success
  }

  // MARK: - Mock interview

  func runMock(_ selection: [DrillCard]) throws -> ExitStatus {
    let startedAt = now()
    var summary = SessionSummary(mode: "mock", startedAt: startedAt, finishedAt: startedAt)
    say(
      "Mock interview: \(selection.count) question\(selection.count == 1 ? "" : "s"), timed. Answer as you would out loud, then end with an empty line."
    )
    say("Ratings and schedules are left alone; this only measures where you stand.")

    for (index, card) in selection.enumerated() {
      if cancellation.isCancelled { break }
      let budget = Self.mockBudgetSeconds[card.question.difficulty] ?? 120
      say()
      say(
        "[\(index + 1)/\(selection.count)] \(card.question.topic) · \(card.question.difficulty.rawValue) · time budget \(Self.clock(budget))"
      )
      say(card.question.prompt)
      let shownAt = now()
      guard case .answer(let answer) = readAnswer() else { break }
      let seconds = max(0, now().timeIntervalSince(shownAt))
      let overBudget = seconds > budget
      say(
        "Time: \(Self.clock(seconds)) of \(Self.clock(budget))\(overBudget ? " (over budget by \(Self.clock(seconds - budget)))" : "")."
      )
      let assessment = KeyPointMatcher.assess(answer, for: card.question)
      showFeedback(assessment, for: card.question)
      var answered = AnsweredQuestion(
        card: card, assessment: assessment, answerSeconds: seconds, rating: nil, schedule: nil)
      answered.timeBudgetSeconds = budget
      summary.questions.append(answered)
    }

    summary.finishedAt = now()
    summary.completed = summary.questions.count == selection.count
    summary.weakestTopics = weakestTopics(summary.questions)
    say()
    say("Mock interview summary")
    for question in summary.questions {
      let score = question.score.map(Self.percent) ?? "ungraded"
      say(
        "  \(Self.clock(question.answerSeconds))  \(score.padding(toLength: 9, withPad: " ", startingAt: 0))  \(question.topic): \(Self.firstLine(question.prompt))"
      )
    }
    let total = summary.questions.map(\.answerSeconds).reduce(0, +)
    say("Total time: \(Self.clock(total)).")
    if summary.weakestTopics.isEmpty {
      say("No graded answers, so no topic ranking.")
    } else {
      say("Weakest topics:")
      for topic in summary.weakestTopics.prefix(3) {
        say(
          "  \(topic.topic): \(Self.percent(topic.averageScore)) of key points over \(topic.questions) question\(topic.questions == 1 ? "" : "s")"
        )
      }
    }
    finish(summary)
    return .success
  }

  // MARK: - Input

  enum AnswerInput {
    case answer(String)
    /// `:quit`, or the input ended before an answer.
    case stop
  }

  /// Reads lines up to the first empty one. An immediate empty line is an empty answer.
  func readAnswer() -> AnswerInput {
    var lines: [String] = []
    while let line = console.readLine() {
      if line.trimmingCharacters(in: .whitespaces) == ":quit" { return .stop }
      if line.trimmingCharacters(in: .whitespaces).isEmpty {
        return .answer(lines.joined(separator: "\n"))
      }
      lines.append(line)
    }
    return lines.isEmpty ? .stop : .answer(lines.joined(separator: "\n"))
  }

  /// Reads a rating; an empty line takes the suggestion. Nil when the input ends or on `:quit`.
  func readRating(suggested: Rating?, preview: [Rating: Int]) -> Rating? {
    let choices = Rating.allCases.map {
      "\($0.rawValue) \($0.name) (\(Self.days(preview[$0] ?? 0)))"
    }
    var prompt = "Rate your recall: \(choices.joined(separator: ", "))"
    if let suggested { prompt += " [Enter = \(suggested.rawValue) \(suggested.name)]" }
    say(prompt)
    while let line = console.readLine() {
      let text = line.trimmingCharacters(in: .whitespaces)
      if text == ":quit" { return nil }
      if text.isEmpty, let suggested { return suggested }
      if let rating = Rating(input: text) { return rating }
      if text.isEmpty {
        say("Type 1–4 or again, hard, good, easy.")
      } else {
        say("'\(text)' is not a rating; type 1–4 or again, hard, good, easy.")
      }
    }
    return nil
  }

  // MARK: - Output

  func say(_ text: String = "") {
    if json { console.printError(text) } else { console.print(text) }
  }

  func finish(_ summary: SessionSummary) {
    if json { console.print(DrillJSON.encode(summary)) }
  }

  func showFeedback(_ assessment: Assessment, for question: Question) {
    let mark = console.isUTF8 ? ("✓", "✗") : ("+", "-")
    if let grade = assessment.numeric {
      let expected = grade.expected.map(Self.number).joined(separator: ", ")
      let given =
        grade.given.isEmpty ? "no number" : grade.given.map(Self.number).joined(separator: ", ")
      let what = question.numeric?.quantityDescription ?? "the answer"
      if grade.isCorrect {
        say("\(mark.0) Correct: \(what) = \(expected) (you gave \(given)).")
      } else {
        say(
          "\(mark.1) Not quite: \(what) = \(expected); you gave \(given). Accepted within ±\(Self.number(grade.tolerance))."
        )
      }
    } else if let score = assessment.score {
      let total = assessment.covered.count + assessment.missed.count
      say("Covered \(assessment.covered.count) of \(total) key points (\(Self.percent(score))).")
      for point in assessment.covered {
        say(wrap("\(mark.0) \(point.summary)", indent: 2, hanging: 2))
      }
      for point in assessment.missed {
        let note = assessment.contradicted.contains(point) ? " (your answer says the opposite)" : ""
        say(wrap("\(mark.1) \(point.summary)\(note)", indent: 2, hanging: 2))
      }
    } else {
      say("This question has no key points to check against; compare with the model answer.")
    }
    if !question.modelAnswer.isEmpty {
      say("Model answer:")
      for paragraph in question.modelAnswer.split(separator: "\n", omittingEmptySubsequences: false)
      {
        let isListItem = paragraph.trimmingCharacters(in: .whitespaces).hasPrefix("- ")
        say(wrap(String(paragraph), indent: 2, hanging: isListItem ? 2 : 0))
      }
    }
    if !question.followUps.isEmpty {
      say("Follow-ups to think about:")
      for followUp in question.followUps { say(wrap("- \(followUp)", indent: 2, hanging: 2)) }
    }
  }

  /// Wraps `text` to the console width, indenting every line by `indent` and lines after the
  /// first by `hanging` more, so a wrapped list item lines up under its text.
  func wrap(_ text: String, indent: Int, hanging: Int = 0) -> String {
    let width = max(20, console.width - indent - hanging)
    let pad = String(repeating: " ", count: indent)
    let continuation = String(repeating: " ", count: indent + hanging)
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      if !current.isEmpty && current.count + 1 + word.count > width {
        lines.append(current)
        current = String(word)
      } else {
        current += current.isEmpty ? String(word) : " " + word
      }
    }
    lines.append(current)
    return lines.enumerated().map { ($0.offset == 0 ? pad : continuation) + $0.element }
      .joined(separator: "\n")
  }

  func weakestTopics(_ questions: [AnsweredQuestion]) -> [TopicScore] {
    DrillPlanner.weakestTopics(questions.compactMap { q in q.score.map { (q.topic, $0) } })
  }

  // MARK: - Formatting

  static func clock(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.down))
    return "\(whole / 60):" + String(format: "%02d", whole % 60)
  }

  static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }

  static func number(_ value: Double) -> String { String(format: "%.10g", value) }

  static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

  static func dateText(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: date)
  }

  static func describeDue(_ date: Date, from now: Date) -> String {
    let days = Int((date.timeIntervalSince(now) / 86_400).rounded(.up))
    return "on \(dateText(date)) (in \(Self.days(max(days, 1))))"
  }

  static func firstLine(_ text: String) -> String {
    text.split(separator: "\n").first.map(String.init) ?? ""
  }
}

/// The session summary that `--json` writes at the end.
struct SessionSummary: Encodable {
  /// `review` or `mock`.
  var mode: String
  var startedAt: Date
  var finishedAt: Date
  /// False when the session stopped early through `:quit`, end of input or Ctrl-C.
  var completed = true
  var questions: [AnsweredQuestion] = []
  var weakestTopics: [TopicScore] = []
}

struct AnsweredQuestion: Encodable {
  var card: String
  var topic: String
  var prompt: String
  /// The covered fraction of key points, 1 or 0 for numeric questions, nil when ungraded.
  var score: Double?
  var covered: [String]
  var missed: [String]
  var contradicted: [String]
  var expectedNumbers: [Double]?
  var givenNumbers: [Double]?
  var answerSeconds: Double
  var timeBudgetSeconds: Double?
  var rating: String?
  var intervalDays: Int?
  var due: Date?

  init(
    card: DrillCard, assessment: Assessment, answerSeconds: Double, rating: Rating?,
    schedule: CardSchedule?
  ) {
    self.card = card.id
    self.topic = card.question.topic
    self.prompt = card.question.prompt
    self.score = assessment.score
    self.covered = assessment.covered.map(\.summary)
    self.missed = assessment.missed.map(\.summary)
    self.contradicted = assessment.contradicted.map(\.summary)
    self.expectedNumbers = assessment.numeric?.expected
    self.givenNumbers = assessment.numeric?.given
    self.answerSeconds = answerSeconds
    self.rating = rating?.name
    self.intervalDays = schedule?.scheduledDays
    self.due = schedule?.due
  }
}
