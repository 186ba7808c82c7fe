import Foundation
import Testing

@testable import Drill

@Suite struct PlannerTests {
  static func card(_ id: String, topic: String) -> DrillCard {
    DrillCard(id: "d/\(id)", question: Question(id: id, prompt: "\(id)?", topic: topic))
  }

  static let start = Date(timeIntervalSince1970: 1_000_000)

  static func schedule(dueInDays days: Double) -> CardSchedule {
    CardSchedule(
      stability: 3, difficulty: 5, due: start.addingTimeInterval(days * 86_400),
      lastReview: start.addingTimeInterval(-86_400), scheduledDays: 1, reviewCount: 1, lapses: 0)
  }

  @Test func dueCardsFirstMostOverdueFirst() {
    let cards = ["a", "b", "c", "d", "e"].map { Self.card($0, topic: "t") }
    let schedules = [
      "d/b": Self.schedule(dueInDays: -1), "d/c": Self.schedule(dueInDays: 2),
      "d/d": Self.schedule(dueInDays: -3),
    ]
    let queue = DrillPlanner.reviewQueue(cards, schedules: schedules, now: Self.start, limit: 10)
    #expect(queue.map(\.id) == ["d/d", "d/b", "d/a", "d/e"])

    let limited = DrillPlanner.reviewQueue(cards, schedules: schedules, now: Self.start, limit: 3)
    #expect(limited.map(\.id) == ["d/d", "d/b", "d/a"])
  }

  @Test func mockSpreadsOverTopics() {
    let cards =
      (1...6).map { Self.card("x\($0)", topic: "X") } + [
        Self.card("y1", topic: "Y"), Self.card("z1", topic: "Z"),
      ]
    var generator = SeededGenerator(seed: 7)
    let selection = DrillPlanner.mockSelection(cards, count: 4, using: &generator)
    #expect(selection.count == 4)
    #expect(Set(selection.map(\.question.topic)) == ["X", "Y", "Z"])
    #expect(Set(selection.map(\.id)).count == 4)

    var again = SeededGenerator(seed: 7)
    #expect(DrillPlanner.mockSelection(cards, count: 4, using: &again) == selection)

    var all = SeededGenerator(seed: 1)
    #expect(DrillPlanner.mockSelection(cards, count: 50, using: &all).count == cards.count)
  }

  @Test func weakestTopicComesFirst() {
    let ranking = DrillPlanner.weakestTopics([
      ("Adam", 1), ("Memory", 0.25), ("Adam", 0.5), ("Memory", 0.75), ("Clipping", 0.5),
    ])
    #expect(ranking.map(\.topic) == ["Memory", "Clipping", "Adam"])
    #expect(ranking.map(\.questions) == [2, 1, 2])
    #expect(ranking[0].averageScore == 0.5)
  }

  @Test func statsCountRetentionOnRepeats() {
    let cards = ["a", "b", "c"].map { Self.card($0, topic: "t") }
    let schedules = ["d/a": Self.schedule(dueInDays: -1), "d/b": Self.schedule(dueInDays: 4)]
    func review(_ id: String, _ rating: Rating, _ score: Double?, daysAgo: Double) -> ReviewRecord {
      ReviewRecord(
        cardID: "d/\(id)", reviewedAt: Self.start.addingTimeInterval(-daysAgo * 86_400),
        rating: rating, score: score, answerSeconds: 10, scheduledDays: 1, stability: 1,
        difficulty: 5)
    }
    let reviews = [
      review("a", .good, 1, daysAgo: 5), review("b", .good, 0.5, daysAgo: 4),
      review("a", .again, 0, daysAgo: 2), review("b", .easy, 1, daysAgo: 1),
      review("gone", .good, 1, daysAgo: 1),
    ]
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let stats = DrillPlanner.stats(
      cards: cards, schedules: schedules, reviews: reviews, now: Self.start, calendar: calendar)
    #expect(stats.cards == 3)
    #expect(stats.new == 1)
    #expect(stats.due == 1)
    #expect(stats.reviewed == 2)
    #expect(stats.totalReviews == 4)
    #expect(stats.retention == 0.5)
    #expect(stats.nextDue == Self.start.addingTimeInterval(4 * 86_400))
    #expect(stats.topics.first?.averageLastScore == 0.5)
  }
}
