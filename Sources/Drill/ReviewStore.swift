import Foundation

/// One review as the review log keeps it: enough to audit or replay every schedule.
public struct ReviewRecord: Equatable, Sendable, Codable {
  /// `deck id/question id`.
  public var cardID: String
  public var reviewedAt: Date
  public var rating: Int
  /// The matcher's score from 0 to 1, nil when the question had nothing to grade against.
  public var score: Double?
  /// Seconds from showing the question to the end of the answer.
  public var answerSeconds: Double
  /// The schedule the review produced.
  public var scheduledDays: Int
  public var stability: Double
  public var difficulty: Double

  public init(
    cardID: String, reviewedAt: Date, rating: Rating, score: Double?, answerSeconds: Double,
    scheduledDays: Int, stability: Double, difficulty: Double
  ) {
    self.cardID = cardID
    self.reviewedAt = reviewedAt
    self.rating = rating.rawValue
    self.score = score
    self.answerSeconds = answerSeconds
    self.scheduledDays = scheduledDays
    self.stability = stability
    self.difficulty = difficulty
  }

  /// The review that produced `schedule`.
  public init(
    cardID: String, reviewedAt: Date, rating: Rating, score: Double?, answerSeconds: Double,
    schedule: CardSchedule
  ) {
    self.init(
      cardID: cardID, reviewedAt: reviewedAt, rating: rating, score: score,
      answerSeconds: answerSeconds, scheduledDays: schedule.scheduledDays,
      stability: schedule.stability, difficulty: schedule.difficulty)
  }
}

/// Storage that keeps card schedules and the review log between sessions.
///
/// The command opens the SQLite progress store through this protocol, so the drill logic
/// never depends on how rows are stored.
public protocol ReviewStore: AnyObject {
  /// Returns every card reviewed at least once, by card id.
  func schedules() throws -> [String: CardSchedule]
  /// Saves a card's new schedule and appends its review to the log, both or neither.
  func record(_ review: ReviewRecord, schedule: CardSchedule) throws
  /// Returns the review log, oldest first.
  func reviews() throws -> [ReviewRecord]
}
