import Foundation
import Store
import Testing

@Suite struct DrillStoreTests {
  private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("drill-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  private func card(_ id: String, reviews: Int, days: Int) -> StoredDrillCard {
    StoredDrillCard(
      card: id, stability: 3.17, difficulty: 5.28, dueAt: Date(timeIntervalSince1970: 864_000),
      lastReviewAt: Date(timeIntervalSince1970: 0), scheduledDays: days, reviews: reviews,
      lapses: 0)
  }

  private func review(_ id: String, rating: Int) -> StoredDrillReview {
    StoredDrillReview(
      card: id, reviewedAt: Date(timeIntervalSince1970: 0), rating: rating, score: 0.5,
      answerSeconds: 42, scheduledDays: 3, stability: 3.17, difficulty: 5.28)
  }

  @Test func recordReplacesCardAndAppendsReview() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = DrillStore(store: try ProgressStore(folder: folder.path))

    try store.record(review("d/q", rating: 3), card: card("d/q", reviews: 1, days: 3))
    try store.record(review("d/q", rating: 4), card: card("d/q", reviews: 2, days: 10))

    let reopened = DrillStore(store: try ProgressStore(folder: folder.path))
    let cards = try reopened.cards()
    #expect(cards == [card("d/q", reviews: 2, days: 10)])
    #expect(try reopened.reviews().map(\.rating) == [3, 4])
    #expect(try reopened.reviews(card: "d/q").first == review("d/q", rating: 3))
    #expect(try reopened.reviews(card: "other").isEmpty)
  }

  @Test func invalidReviewWritesNothing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = DrillStore(store: try ProgressStore(folder: folder.path))

    // The card row is valid, the review's rating is not: the transaction keeps neither.
    #expect(throws: DatabaseError.self) {
      try store.record(review("d/q", rating: 5), card: card("d/q", reviews: 1, days: 3))
    }
    #expect(throws: StoreError.self) {
      try store.record(review("d/a", rating: 3), card: card("d/b", reviews: 1, days: 3))
    }
    #expect(try store.cards().isEmpty)
    #expect(try store.reviews().isEmpty)
  }
}
