import Foundation
import Testing

@testable import Drill

/// Expected numbers come from the long-term scheduler tests of ts-fsrs, the reference FSRS
/// implementation of the open-spaced-repetition project
/// (packages/fsrs/__tests__/impl/long-term_scheduler.test.ts, "Long-term scheduler",
/// test1–test5): FSRS-5 with the weights below, desired retention 0.9, no fuzz, no short-term
/// steps, each review taken exactly when the card falls due.
@Suite struct FSRSTests {
  static let publishedWeights: [Double] = [
    0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597, 0.1712, 1.1178,
    2.0225, 0.0904, 0.3025, 2.1214, 0.2498, 2.9466, 0.4891, 0.6468,
  ]

  struct Sequence: Sendable, CustomTestStringConvertible {
    var name: String
    var ratings: [Rating]
    var intervals: [Int]
    var stabilities: [Double]
    var difficulties: [Double]
    var testDescription: String { name }
  }

  static let sequences: [Sequence] = [
    Sequence(
      name: "test1",
      ratings: [
        .good, .good, .good, .good, .good, .good, .again, .again, .good, .good, .good, .good,
        .good,
      ],
      intervals: [3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773],
      stabilities: [
        3.0412, 13.09130698, 48.15848988, 154.93732625, 445.05562739, 1158.07779739,
        16.63063166, 3.01732209, 11.42247264, 37.37521902, 111.8752758, 306.5974569, 772.94026648,
      ],
      difficulties: [
        4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891, 4.69833071,
        5.55956298, 5.26323756, 4.98688448, 4.72915759, 4.4888015, 4.26464541,
      ]),
    Sequence(
      name: "test2",
      ratings: [.again, .hard, .good, .easy, .again, .hard, .good, .easy],
      intervals: [1, 2, 6, 41, 4, 7, 21, 133],
      stabilities: [
        0.4197, 1.0344317, 5.5356759, 41.0033667, 4.46605519, 6.67743292, 20.88868155,
        132.81849454,
      ],
      difficulties: [
        7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922,
        5.36588547,
      ]),
    Sequence(
      name: "test3",
      ratings: [.hard, .good, .easy, .again, .hard, .good, .easy, .again],
      intervals: [2, 7, 54, 5, 8, 26, 171, 8],
      stabilities: [
        1.1869, 6.59167572, 53.76078737, 5.0853693, 8.09786749, 25.52991279, 171.16195166,
        8.11072373,
      ],
      difficulties: [
        6.23225985, 5.89059466, 5.14583392, 5.884097, 5.99269555, 5.667177, 4.91430736,
        5.71619151,
      ]),
    Sequence(
      name: "test4",
      ratings: [.good, .easy, .again, .hard, .good, .easy, .again, .hard],
      intervals: [3, 33, 4, 7, 26, 193, 9, 14],
      stabilities: [
        3.0412, 32.65484522, 4.22256838, 7.2325009, 25.52681746, 193.36618775, 8.63899847,
        14.31323867,
      ],
      difficulties: [
        4.49094334, 3.69538259, 4.83221448, 5.12078462, 4.85403286, 4.07165035, 5.1050878,
        5.34697075,
      ]),
    Sequence(
      name: "test5",
      ratings: [.easy, .again, .hard, .good, .easy, .again, .hard, .good],
      intervals: [15, 3, 6, 27, 240, 10, 17, 60],
      stabilities: [
        15.2441, 3.25621013, 6.32684549, 26.56339029, 239.70462771, 9.75621519, 17.06035531,
        59.59547542,
      ],
      difficulties: [
        1.16304343, 2.99573557, 3.59851762, 3.43436666, 2.60045771, 4.03816348, 4.46259158,
        4.24020203,
      ]),
  ]

  @Test(arguments: sequences)
  func publishedSequence(_ sequence: Sequence) {
    let fsrs = FSRS(weights: Self.publishedWeights)
    var card: CardSchedule?
    var now = Date(timeIntervalSince1970: 1_672_317_000)
    var intervals: [Int] = []
    for (index, rating) in sequence.ratings.enumerated() {
      let next = fsrs.schedule(card, rating: rating, at: now)
      intervals.append(next.scheduledDays)
      #expect(abs(next.stability - sequence.stabilities[index]) < 1e-6, "stability at \(index)")
      #expect(abs(next.difficulty - sequence.difficulties[index]) < 1e-6, "difficulty at \(index)")
      card = next
      now = next.due
    }
    #expect(intervals == sequence.intervals)
  }

  /// FSRS-5's default weights give a new card S₀ = w₀…w₃ days: 0.40, 1.18, 3.17 and 15.69,
  /// so again, hard, good and easy schedule 1, 2 (raised above again's 1), 3 and 16 days.
  @Test func firstIntervalsWithDefaultWeights() {
    let fsrs = FSRS()
    let now = Date(timeIntervalSince1970: 0)
    let preview = fsrs.previewIntervals(nil, at: now)
    #expect(preview == [.again: 1, .hard: 2, .good: 3, .easy: 16])
    #expect(fsrs.schedule(nil, rating: .easy, at: now).due == now.addingTimeInterval(16 * 86_400))
  }

  @Test func retrievabilityIsNinetyPercentAtStability() {
    let fsrs = FSRS()
    let start = Date(timeIntervalSince1970: 0)
    let card = CardSchedule(
      stability: 10, difficulty: 5, due: start, lastReview: start, scheduledDays: 10,
      reviewCount: 1, lapses: 0)
    let r = fsrs.retrievability(card, at: start.addingTimeInterval(10 * 86_400))
    #expect(abs(r - 0.9) < 1e-6)
  }

  @Test func lapsesCountAgainAfterFirstReview() {
    let fsrs = FSRS()
    let start = Date(timeIntervalSince1970: 0)
    let first = fsrs.schedule(nil, rating: .again, at: start)
    #expect(first.lapses == 0)
    let second = fsrs.schedule(first, rating: .again, at: first.due)
    #expect(second.lapses == 1)
    #expect(second.reviewCount == 2)
  }

  @Test func ratingInputAcceptsNumbersAndWords() {
    #expect(Rating(input: "1") == .again)
    #expect(Rating(input: " Good ") == .good)
    #expect(Rating(input: "e") == .easy)
    #expect(Rating(input: "hard") == .hard)
    #expect(Rating(input: "5") == nil)
    #expect(Rating(input: "great") == nil)
  }
}
