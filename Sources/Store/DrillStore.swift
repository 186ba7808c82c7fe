#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The interview drill's tables: each card's current schedule and the log of every review.
///
/// Times are `REAL` seconds since 1970 (UTC). Card ids are `deck id/question id`.
enum DrillMigrations {
  static let all: [Migration] = [version3]

  static let version3 = Migration(
    version: 3, summary: "create drill card schedules and the drill review log",
    sql: """
      CREATE TABLE drill_card (
        card TEXT PRIMARY KEY,
        stability REAL NOT NULL CHECK (stability > 0),
        difficulty REAL NOT NULL CHECK (difficulty BETWEEN 1 AND 10),
        due_at REAL NOT NULL,
        last_review_at REAL NOT NULL,
        scheduled_days INTEGER NOT NULL CHECK (scheduled_days >= 0),
        reviews INTEGER NOT NULL CHECK (reviews >= 1),
        lapses INTEGER NOT NULL CHECK (lapses >= 0)
      );
      CREATE INDEX drill_card_by_due ON drill_card (due_at);
      CREATE TABLE drill_review (
        id INTEGER PRIMARY KEY,
        card TEXT NOT NULL,
        reviewed_at REAL NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        score REAL CHECK (score IS NULL OR score BETWEEN 0 AND 1),
        answer_seconds REAL NOT NULL CHECK (answer_seconds >= 0),
        scheduled_days INTEGER NOT NULL,
        stability REAL NOT NULL,
        difficulty REAL NOT NULL
      );
      CREATE INDEX drill_review_by_card ON drill_review (card, id);
      """)
}

/// A drill card's schedule as stored.
public struct StoredDrillCard: Sendable, Equatable {
  public var card: String
  public var stability: Double
  public var difficulty: Double
  public var dueAt: Date
  public var lastReviewAt: Date
  public var scheduledDays: Int
  public var reviews: Int
  public var lapses: Int

  public init(
    card: String, stability: Double, difficulty: Double, dueAt: Date, lastReviewAt: Date,
    scheduledDays: Int, reviews: Int, lapses: Int
  ) {
    self.card = card
    self.stability = stability
    self.difficulty = difficulty
    self.dueAt = dueAt
    self.lastReviewAt = lastReviewAt
    self.scheduledDays = scheduledDays
    self.reviews = reviews
    self.lapses = lapses
  }
}

/// One entry of the drill review log.
public struct StoredDrillReview: Sendable, Equatable {
  public var card: String
  public var reviewedAt: Date
  /// 1 again, 2 hard, 3 good, 4 easy.
  public var rating: Int
  /// The answer's key-point score from 0 to 1; nil when there was nothing to grade.
  public var score: Double?
  public var answerSeconds: Double
  public var scheduledDays: Int
  public var stability: Double
  public var difficulty: Double

  public init(
    card: String, reviewedAt: Date, rating: Int, score: Double?, answerSeconds: Double,
    scheduledDays: Int, stability: Double, difficulty: Double
  ) {
    self.card = card
    self.reviewedAt = reviewedAt
    self.rating = rating
    self.score = score
    self.answerSeconds = answerSeconds
    self.scheduledDays = scheduledDays
    self.stability = stability
    self.difficulty = difficulty
  }
}

/// Drill schedules and reviews in the progress database, next to the lesson progress.
public final class DrillStore {
  public let store: ProgressStore
  private var database: Database { store.database }

  public init(store: ProgressStore) {
    self.store = store
  }

  /// Returns every card reviewed at least once.
  public func cards() throws -> [StoredDrillCard] {
    try database.rows(
      """
      SELECT card, stability, difficulty, due_at, last_review_at, scheduled_days, reviews, lapses
      FROM drill_card ORDER BY card
      """
    ).map { row in
      StoredDrillCard(
        card: row.string(0) ?? "", stability: row.double(1) ?? 0, difficulty: row.double(2) ?? 0,
        dueAt: Date(timeIntervalSince1970: row.double(3) ?? 0),
        lastReviewAt: Date(timeIntervalSince1970: row.double(4) ?? 0),
        scheduledDays: row.int(5) ?? 0, reviews: row.int(6) ?? 0, lapses: row.int(7) ?? 0)
    }
  }

  /// Replaces the card's schedule and appends the review, in one transaction.
  public func record(_ review: StoredDrillReview, card: StoredDrillCard) throws {
    guard review.card == card.card else {
      throw StoreError.invalidArgument(
        "review of '\(review.card)' cannot update card '\(card.card)'")
    }
    try database.transaction {
      try database.run(
        """
        INSERT INTO drill_card
          (card, stability, difficulty, due_at, last_review_at, scheduled_days, reviews, lapses)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (card) DO UPDATE SET
          stability = excluded.stability, difficulty = excluded.difficulty,
          due_at = excluded.due_at, last_review_at = excluded.last_review_at,
          scheduled_days = excluded.scheduled_days, reviews = excluded.reviews,
          lapses = excluded.lapses
        """, .text(card.card), .real(card.stability), .real(card.difficulty),
        .real(card.dueAt.timeIntervalSince1970), .real(card.lastReviewAt.timeIntervalSince1970),
        .int(card.scheduledDays), .int(card.reviews), .int(card.lapses))
      try database.run(
        """
        INSERT INTO drill_review
          (card, reviewed_at, rating, score, answer_seconds, scheduled_days, stability, difficulty)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """, .text(review.card), .real(review.reviewedAt.timeIntervalSince1970),
        .int(review.rating), review.score.map(SQLValue.real) ?? .null,
        .real(review.answerSeconds), .int(review.scheduledDays), .real(review.stability),
        .real(review.difficulty))
    }
  }

  /// Returns the review log, oldest first, or only `card`'s reviews when it is given.
  public func reviews(card: String? = nil) throws -> [StoredDrillReview] {
    let columns =
      "card, reviewed_at, rating, score, answer_seconds, scheduled_days, stability, difficulty"
    let rows =
      if let card {
        try database.rows(
          "SELECT \(columns) FROM drill_review WHERE card = ? ORDER BY id", .text(card))
      } else {
        try database.rows("SELECT \(columns) FROM drill_review ORDER BY id")
      }
    return rows.map { row in
      StoredDrillReview(
        card: row.string(0) ?? "", reviewedAt: Date(timeIntervalSince1970: row.double(1) ?? 0),
        rating: row.int(2) ?? 0, score: row.double(3), answerSeconds: row.double(4) ?? 0,
        scheduledDays: row.int(5) ?? 0, stability: row.double(6) ?? 0,
        difficulty: row.double(7) ?? 0)
    }
  }
}
