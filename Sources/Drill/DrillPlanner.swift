import Foundation

/// A question together with its card id in the progress store.
public struct DrillCard: Equatable, Sendable {
  /// `deck id/question id`.
  public var id: String
  public var question: Question

  public init(id: String, question: Question) {
    self.id = id
    self.question = question
  }
}

/// Chooses the cards of a session and sums up how sessions went.
public enum DrillPlanner {
  public static func cards(from decks: [Deck]) -> [DrillCard] {
    decks.flatMap { deck in
      deck.questions.map { DrillCard(id: "\(deck.id)/\($0.id)", question: $0) }
    }
  }

  /// Returns the due cards, most overdue first, then new cards in deck order, at most `limit` in all.
  /// Cards reviewed before and not yet due are left out.
  public static func reviewQueue(
    _ cards: [DrillCard], schedules: [String: CardSchedule], now: Date, limit: Int
  ) -> [DrillCard] {
    let due = cards.compactMap { card -> (DrillCard, Date)? in
      guard let schedule = schedules[card.id], schedule.due <= now else { return nil }
      return (card, schedule.due)
    }
    .sorted { $0.1 < $1.1 }
    .map(\.0)
    let new = cards.filter { schedules[$0.id] == nil }
    return Array((due + new).prefix(max(0, limit)))
  }

  /// `count` cards for a mock interview, taking topics in turn so one topic cannot fill the
  /// interview, in a random order within each topic.
  public static func mockSelection(
    _ cards: [DrillCard], count: Int, using generator: inout some RandomNumberGenerator
  ) -> [DrillCard] {
    var topics: [String] = []
    var byTopic: [String: [DrillCard]] = [:]
    for card in cards {
      if byTopic[card.question.topic] == nil { topics.append(card.question.topic) }
      byTopic[card.question.topic, default: []].append(card)
    }
    for topic in topics { byTopic[topic]?.shuffle(using: &generator) }
    topics.shuffle(using: &generator)

    var selection: [DrillCard] = []
    var round = 0
    while selection.count < min(count, cards.count) {
      for topic in topics where selection.count < count {
        if let pile = byTopic[topic], round < pile.count { selection.append(pile[round]) }
      }
      round += 1
    }
    return selection
  }

  /// Topics by average score, weakest first; ties go to the topic with more questions.
  public static func weakestTopics(_ results: [(topic: String, score: Double)]) -> [TopicScore] {
    var sums: [String: (total: Double, count: Int)] = [:]
    var order: [String] = []
    for result in results {
      if sums[result.topic] == nil { order.append(result.topic) }
      sums[result.topic, default: (0, 0)].total += result.score
      sums[result.topic, default: (0, 0)].count += 1
    }
    return order.map { topic in
      let entry = sums[topic]!
      return TopicScore(
        topic: topic, averageScore: entry.total / Double(entry.count), questions: entry.count)
    }
    .sorted {
      $0.averageScore != $1.averageScore
        ? $0.averageScore < $1.averageScore : $0.questions > $1.questions
    }
  }

  /// Counts for `drill stats`.
  public static func stats(
    cards: [DrillCard], schedules: [String: CardSchedule], reviews: [ReviewRecord], now: Date,
    calendar: Calendar = .current
  ) -> DrillStats {
    let ids = Set(cards.map(\.id))
    let known = schedules.filter { ids.contains($0.key) }
    let deckReviews = reviews.filter { ids.contains($0.cardID) }
    let startOfDay = calendar.startOfDay(for: now)

    // Retention counts reviews of cards seen before: a first review measures nothing.
    var seen: Set<String> = []
    var repeatReviews = 0
    var recalled = 0
    for review in deckReviews {
      if seen.contains(review.cardID) {
        repeatReviews += 1
        if review.rating != Rating.again.rawValue { recalled += 1 }
      }
      seen.insert(review.cardID)
    }

    var lastScore: [String: Double] = [:]
    for review in deckReviews {
      if let score = review.score { lastScore[review.cardID] = score }
    }
    var topics: [TopicStats] = []
    for card in cards {
      let topic = card.question.topic
      if !topics.contains(where: { $0.topic == topic }) {
        topics.append(TopicStats(topic: topic, cards: 0, reviewed: 0, averageLastScore: nil))
      }
    }
    for index in topics.indices {
      let inTopic = cards.filter { $0.question.topic == topics[index].topic }
      let scores = inTopic.compactMap { lastScore[$0.id] }
      topics[index].cards = inTopic.count
      topics[index].reviewed = inTopic.filter { known[$0.id] != nil }.count
      topics[index].averageLastScore =
        scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }

    return DrillStats(
      cards: cards.count, new: cards.count - known.count,
      due: known.values.filter { $0.due <= now }.count, reviewed: known.count,
      reviewsToday: deckReviews.filter { $0.reviewedAt >= startOfDay }.count,
      totalReviews: deckReviews.count,
      retention: repeatReviews == 0 ? nil : Double(recalled) / Double(repeatReviews),
      nextDue: known.values.map(\.due).filter { $0 > now }.min(), topics: topics)
  }
}

public struct TopicScore: Equatable, Sendable, Codable {
  public var topic: String
  public var averageScore: Double
  public var questions: Int
}

public struct DrillStats: Equatable, Sendable, Codable {
  public var cards: Int
  /// Never reviewed.
  public var new: Int
  /// Reviewed before and due now.
  public var due: Int
  /// Reviewed at least once.
  public var reviewed: Int
  public var reviewsToday: Int
  public var totalReviews: Int
  /// The share of repeat reviews not rated again; nil before any repeat review.
  public var retention: Double?
  /// The earliest due date still in the future.
  public var nextDue: Date?
  public var topics: [TopicStats]
}

public struct TopicStats: Equatable, Sendable, Codable {
  public var topic: String
  public var cards: Int
  public var reviewed: Int
  /// The mean of each reviewed card's latest score.
  public var averageLastScore: Double?
}

/// SplitMix64, so mock interviews can be reproduced from a seed in tests.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
