import Drill
import Foundation
import Store

/// The drill's review store backed by the progress database.
final class SQLiteReviewStore: ReviewStore {
  let drillStore: DrillStore

  init(drillStore: DrillStore) {
    self.drillStore = drillStore
  }

  /// Opens `progress.sqlite` in the data folder (`--data DIR`, else the XDG data folder),
  /// reporting a damaged file that was moved aside.
  static func open(context: CommandContext) throws -> SQLiteReviewStore {
    do {
      let folder = try DataFolder.resolve(
        override: context.globals.dataDirectory, environment: context.environment)
      let progress = try ProgressStore(folder: folder)
      if let recovery = progress.recovery {
        context.console.printError("warning: \(recovery.message)")
      }
      return SQLiteReviewStore(drillStore: DrillStore(store: progress))
    } catch let error as StoreError {
      throw CommandError(.failure, "cannot open the progress store: \(error)")
    } catch {
      throw CommandError(
        .failure, "cannot open the progress store: \(error); pass --data DIR to use another folder")
    }
  }

  func schedules() throws -> [String: CardSchedule] {
    var result: [String: CardSchedule] = [:]
    for card in try drillStore.cards() {
      result[card.card] = CardSchedule(
        stability: card.stability, difficulty: card.difficulty, due: card.dueAt,
        lastReview: card.lastReviewAt, scheduledDays: card.scheduledDays,
        reviewCount: card.reviews, lapses: card.lapses)
    }
    return result
  }

  func record(_ review: ReviewRecord, schedule: CardSchedule) throws {
    try drillStore.record(
      StoredDrillReview(
        card: review.cardID, reviewedAt: review.reviewedAt, rating: review.rating,
        score: review.score, answerSeconds: review.answerSeconds,
        scheduledDays: review.scheduledDays, stability: review.stability,
        difficulty: review.difficulty),
      card: StoredDrillCard(
        card: review.cardID, stability: schedule.stability, difficulty: schedule.difficulty,
        dueAt: schedule.due, lastReviewAt: schedule.lastReview,
        scheduledDays: schedule.scheduledDays, reviews: schedule.reviewCount,
        lapses: schedule.lapses))
  }

  func reviews() throws -> [ReviewRecord] {
    try drillStore.reviews().compactMap { stored in
      guard let rating = Rating(rawValue: stored.rating) else { return nil }
      return ReviewRecord(
        cardID: stored.card, reviewedAt: stored.reviewedAt, rating: rating, score: stored.score,
        answerSeconds: stored.answerSeconds, scheduledDays: stored.scheduledDays,
        stability: stored.stability, difficulty: stored.difficulty)
    }
  }
}
