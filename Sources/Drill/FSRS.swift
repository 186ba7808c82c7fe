import Foundation

/// How well the learner recalled an answer, as in Anki.
public enum Rating: Int, CaseIterable, Comparable, Sendable {
  case again = 1
  case hard = 2
  case good = 3
  case easy = 4

  /// Reads `1`–`4` or a rating's name or first letter, in any case.
  public init?(input: String) {
    let word = input.trimmed.lowercased()
    if let number = Int(word), let rating = Rating(rawValue: number) {
      self = rating
      return
    }
    guard
      let rating = Rating.allCases.first(where: {
        $0.name == word || $0.name.first.map(String.init) == word
      })
    else { return nil }
    self = rating
  }

  public var name: String {
    switch self {
    case .again: "again"
    case .hard: "hard"
    case .good: "good"
    case .easy: "easy"
    }
  }

  public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A card's memory state and schedule after at least one review.
public struct CardSchedule: Equatable, Sendable {
  /// Days until the probability of recall falls to 90 %.
  public var stability: Double
  /// From 1 (easy) to 10 (hard).
  public var difficulty: Double
  public var due: Date
  public var lastReview: Date
  /// The interval just scheduled, in whole days.
  public var scheduledDays: Int
  public var reviewCount: Int
  /// How many times the card was rated again after its first review.
  public var lapses: Int

  public init(
    stability: Double, difficulty: Double, due: Date, lastReview: Date, scheduledDays: Int,
    reviewCount: Int, lapses: Int
  ) {
    self.stability = stability
    self.difficulty = difficulty
    self.due = due
    self.lastReview = lastReview
    self.scheduledDays = scheduledDays
    self.reviewCount = reviewCount
    self.lapses = lapses
  }
}

/// The FSRS-5 scheduler (Free Spaced Repetition Scheduler, the default in Anki since 23.10),
/// in its long-term form: every review schedules a whole number of days, without same-day
/// learning steps, which suits a drill taken at most once a day.
///
/// The formulas and their rounding to 8 decimals follow the open-spaced-repetition reference
/// implementation ts-fsrs (`FSRSAlgorithm` and `LongTermScheduler`), so intervals agree with its
/// published test sequences. Retrievability after t days is R = (1 + F·t/S)^−0.5 with
/// F = 19/81, so that R = 0.9 when t = S.
public struct FSRS: Sendable {
  /// The 19 model weights w₀…w₁₈.
  public let weights: [Double]
  /// The recall probability at which a card falls due.
  public let desiredRetention: Double
  /// The maximum interval, in days.
  public let maximumInterval: Int

  /// FSRS-5's default weights, fitted by the FSRS authors on Anki review logs.
  public static let fsrs5DefaultWeights: [Double] = [
    0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
    1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
  ]

  static let decay = -0.5
  static let factor = roundTo(pow(0.9, 1 / decay) - 1, 8)
  static let minimumStability = 0.01
  static let maximumStability = 36500.0

  private let intervalModifier: Double

  public init(
    weights: [Double] = FSRS.fsrs5DefaultWeights, desiredRetention: Double = 0.9,
    maximumInterval: Int = 36500
  ) {
    precondition(weights.count == 19, "FSRS-5 takes 19 weights, got \(weights.count)")
    precondition(
      desiredRetention > 0 && desiredRetention <= 1, "desired retention must be in (0, 1]")
    self.weights = weights
    self.desiredRetention = desiredRetention
    self.maximumInterval = maximumInterval
    self.intervalModifier = Self.roundTo(
      (pow(desiredRetention, 1 / Self.decay) - 1) / Self.factor, 8)
  }

  /// Returns the card's schedule after a review rated `rating` at `now`. `card` is nil for a
  /// new card.
  public func schedule(_ card: CardSchedule?, rating: Rating, at now: Date) -> CardSchedule {
    let outcomes = nextStates(card, at: now)
    let state = outcomes.states[rating]!
    let days = outcomes.intervals[rating]!
    return CardSchedule(
      stability: state.stability, difficulty: state.difficulty,
      due: now.addingTimeInterval(Double(days) * 86_400), lastReview: now, scheduledDays: days,
      reviewCount: (card?.reviewCount ?? 0) + 1,
      lapses: (card?.lapses ?? 0) + (card != nil && rating == .again ? 1 : 0))
  }

  /// Returns the interval in days that each rating would schedule, to show before rating.
  public func previewIntervals(_ card: CardSchedule?, at now: Date) -> [Rating: Int] {
    nextStates(card, at: now).intervals
  }

  /// Returns the probability of recalling the card at `date`.
  public func retrievability(_ card: CardSchedule, at date: Date) -> Double {
    forgettingCurve(elapsedDays: Self.elapsedDays(from: card.lastReview, to: date), card.stability)
  }

  /// Whole days between two instants, rounded down, as FSRS counts them.
  public static func elapsedDays(from start: Date, to end: Date) -> Int {
    Int((end.timeIntervalSince(start) / 86_400).rounded(.down))
  }

  // MARK: - The model

  private struct MemoryState {
    var stability: Double
    var difficulty: Double
  }

  private func nextStates(_ card: CardSchedule?, at now: Date) -> (
    states: [Rating: MemoryState], intervals: [Rating: Int]
  ) {
    var states: [Rating: MemoryState] = [:]
    if let card {
      let t = max(0, Self.elapsedDays(from: card.lastReview, to: now))
      let r = forgettingCurve(elapsedDays: t, card.stability)
      let current = MemoryState(stability: card.stability, difficulty: card.difficulty)
      for rating in Rating.allCases {
        states[rating] = MemoryState(
          stability: nextStability(current, retrievability: r, rating: rating),
          difficulty: nextDifficulty(current.difficulty, rating: rating))
      }
    } else {
      for rating in Rating.allCases {
        states[rating] = MemoryState(
          stability: initialStability(rating),
          difficulty: clamp(initialDifficulty(rating), 1, 10))
      }
    }

    // Better ratings never get shorter intervals than worse ones.
    var again = interval(for: states[.again]!.stability)
    var hard = interval(for: states[.hard]!.stability)
    var good = interval(for: states[.good]!.stability)
    var easy = interval(for: states[.easy]!.stability)
    again = min(again, hard)
    hard = max(hard, again + 1)
    good = max(good, hard + 1)
    easy = max(easy, good + 1)
    return (states, [.again: again, .hard: hard, .good: good, .easy: easy])
  }

  private var w: [Double] { weights }

  /// R(t, S) = (1 + F·t/S)^decay.
  private func forgettingCurve(elapsedDays t: Int, _ stability: Double) -> Double {
    Self.roundTo(pow(1 + Self.factor * Double(t) / stability, Self.decay), 8)
  }

  /// I(S) = S · modifier, where the modifier is 1 when the desired retention is 0.9.
  private func interval(for stability: Double) -> Int {
    let days = Int((stability * intervalModifier).rounded())
    return min(max(1, days), maximumInterval)
  }

  /// S₀(G) = w[G−1].
  private func initialStability(_ rating: Rating) -> Double {
    max(w[rating.rawValue - 1], 0.1)
  }

  /// D₀(G) = w₄ − e^{w₅·(G−1)} + 1.
  private func initialDifficulty(_ rating: Rating) -> Double {
    Self.roundTo(w[4] - exp(Double(rating.rawValue - 1) * w[5]) + 1, 8)
  }

  /// D' = w₇·D₀(easy) + (1 − w₇)·(D + ΔD·(10 − D)/9), with ΔD = −w₆·(G − 3).
  private func nextDifficulty(_ d: Double, rating: Rating) -> Double {
    let delta = -w[6] * Double(rating.rawValue - 3)
    let damped = d + Self.roundTo(delta * (10 - d) / 9, 8)
    let reverted = Self.roundTo(w[7] * initialDifficulty(.easy) + (1 - w[7]) * damped, 8)
    return clamp(reverted, 1, 10)
  }

  private func nextStability(_ state: MemoryState, retrievability r: Double, rating: Rating)
    -> Double
  {
    let s = state.stability
    let d = state.difficulty
    let forget = Self.roundTo(
      clamp(
        w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp((1 - r) * w[14]),
        Self.minimumStability, Self.maximumStability), 8)
    if rating == .again {
      // After a lapse the new stability never exceeds the old one.
      return clamp(s, Self.minimumStability, forget)
    }
    let hardPenalty = rating == .hard ? w[15] : 1
    let easyBonus = rating == .easy ? w[16] : 1
    let growth = exp(w[8]) * (11 - d) * pow(s, -w[9]) * (exp((1 - r) * w[10]) - 1)
    return Self.roundTo(
      clamp(
        s * (1 + growth * hardPenalty * easyBonus), Self.minimumStability,
        Self.maximumStability), 8)
  }

  private func clamp(_ value: Double, _ lower: Double, _ upper: Double) -> Double {
    min(max(value, lower), upper)
  }

  static func roundTo(_ value: Double, _ places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (value * scale).rounded() / scale
  }
}
