/// How one key point fared against an answer.
public enum PointOutcome: Equatable, Sendable {
  case covered
  /// Every word of a phrasing is there, but negated: "does not need bias correction".
  case contradicted
  case missing
}

/// The feedback on one answer: which key points it covered and which it missed.
public struct Assessment: Equatable, Sendable {
  public var covered: [KeyPoint]
  /// Missed points, including the contradicted ones.
  public var missed: [KeyPoint]
  /// The subset of `missed` that the answer stated negated.
  public var contradicted: [KeyPoint]
  /// For numeric questions, the graded number.
  public var numeric: NumericGrade?
  /// From 0 to 1: the covered fraction of the key points, or 1 / 0 for a numeric answer.
  /// Nil when the question has nothing to grade against.
  public var score: Double?

  /// The rating the score suggests; the learner may pick another.
  public var suggestedRating: Rating? {
    guard let score else { return nil }
    if score >= 0.8 { return .good }
    if score >= 0.4 { return .hard }
    return .again
  }
}

/// Decides which key points a free-form answer covers.
///
/// A phrasing matches when each of its content words (stemmed, synonyms folded) occurs in
/// one sentence of the answer, in any order, and the negations near those words agree with the
/// phrasing's own. So "does not need bias correction" fails the phrasing "needs bias
/// correction" but passes "bias correction is not needed". A negation reaches back at most
/// ``negationReach`` words and never across a comma or a "but".
public enum KeyPointMatcher {
  /// How many words before the first matched word a negation may stand.
  public static let negationReach = 3

  public static func assess(_ answer: String, for question: Question) -> Assessment {
    if let numeric = question.numeric {
      let grade = numeric.grade(answer)
      return Assessment(
        covered: [], missed: [], contradicted: [], numeric: grade,
        score: grade.isCorrect ? 1 : 0)
    }
    let tokens = TextAnalysis.tokens(answer)
    var covered: [KeyPoint] = []
    var missed: [KeyPoint] = []
    var contradicted: [KeyPoint] = []
    for point in question.keyPoints {
      switch outcome(of: point, in: tokens) {
      case .covered: covered.append(point)
      case .contradicted:
        missed.append(point)
        contradicted.append(point)
      case .missing: missed.append(point)
      }
    }
    let total = question.keyPoints.count
    return Assessment(
      covered: covered, missed: missed, contradicted: contradicted, numeric: nil,
      score: total == 0 ? nil : Double(covered.count) / Double(total))
  }

  public static func outcome(of point: KeyPoint, in answer: [Token]) -> PointOutcome {
    if let fraction = point.requiredFraction {
      return proseOutcome(point.summary, fraction: fraction, in: answer)
    }
    var sawContradiction = false
    for phrasing in [point.summary] + point.phrasings {
      switch outcome(ofPhrasing: phrasing, in: answer) {
      case .covered: return .covered
      case .contradicted: sawContradiction = true
      case .missing: break
      }
    }
    return sawContradiction ? .contradicted : .missing
  }

  static func outcome(ofPhrasing phrasing: String, in answer: [Token]) -> PointOutcome {
    let phrase = TextAnalysis.tokens(phrasing)
    let required = unique(phrase.filter { !$0.isStopword && !$0.isNegation }.map(\.key))
    guard !required.isEmpty else { return .missing }
    let phraseIsNegated = phrase.filter(\.isNegation).count % 2 == 1

    var sawContradiction = false
    let sentences = Set(answer.map(\.sentence)).sorted()
    for sentence in sentences {
      let indices = answer.indices.filter { answer[$0].sentence == sentence }
      // Every required word must occur in this sentence. Each occurrence of the first word is
      // tried as the anchor, with the nearest occurrence of every other word around it.
      let anchors = indices.filter { answer[$0].key == required[0] }
      for anchor in anchors {
        var positions = [anchor]
        var complete = true
        for key in required.dropFirst() {
          let occurrences = indices.filter { answer[$0].key == key }
          guard let nearest = occurrences.min(by: { abs($0 - anchor) < abs($1 - anchor) }) else {
            complete = false
            break
          }
          positions.append(nearest)
        }
        guard complete else { continue }
        if isNegated(positions, in: answer) == phraseIsNegated {
          return .covered
        }
        sawContradiction = true
      }
    }
    return sawContradiction ? .contradicted : .missing
  }

  /// Whether an odd number of negations governs the words at `positions`.
  ///
  /// "not", "never" and "cannot" negate the rest of their clause. "no", "without", "none" and
  /// "instead of" negate only the next content word, so "stable without momentum it clips the
  /// update" does not negate the clipping.
  static func isNegated(_ positions: [Int], in answer: [Token]) -> Bool {
    guard let spanStart = positions.min(), let spanEnd = positions.max() else { return false }
    var start = spanStart
    let clause = answer[spanStart].clause
    while start > 0 && spanStart - (start - 1) <= negationReach
      && answer[start - 1].clause == clause
    {
      start -= 1
    }
    var count = 0
    for index in start...spanEnd where answer[index].isNegation {
      if !TextAnalysis.nounNegations.contains(answer[index].key) {
        count += 1
        continue
      }
      let next = answer.indices.dropFirst(index + 1).first {
        !answer[$0].isStopword && !answer[$0].isNegation
      }
      if let next, positions.contains(next) { count += 1 }
    }
    return count % 2 == 1
  }

  /// Grades a point taken from prose: covered when enough of the summary's content words occur
  /// in the answer without a negation in front of them.
  static func proseOutcome(_ summary: String, fraction: Double, in answer: [Token]) -> PointOutcome
  {
    let required = unique(TextAnalysis.contentKeys(summary).filter { !proseFillers.contains($0) })
    guard !required.isEmpty else { return .missing }
    var found = 0
    var negatedOnly = 0
    for key in required {
      let occurrences = answer.indices.filter { answer[$0].key == key }
      if occurrences.contains(where: { !isNegated([$0], in: answer) }) {
        found += 1
      } else if !occurrences.isEmpty {
        negatedOnly += 1
      }
    }
    let needed = max(1, Int((Double(required.count) * fraction).rounded(.up)))
    if found >= needed { return .covered }
    return found + negatedOnly >= needed ? .contradicted : .missing
  }

  /// Stems of words that notes use to talk about an answer rather than state it: "You should
  /// discuss", "Your understanding of", "potential downsides".
  static let proseFillers: Set<String> = Set(
    [
      "understanding", "discuss", "mention", "explain", "explanation", "talk", "able",
      "emphasize", "awareness", "knowledge", "potential", "possibility", "possible", "case",
      "cases", "instance", "situation", "specific", "deeper", "clear", "systematic", "approach",
      "concept", "practical", "way", "thing", "important", "importance", "scenario", "suggest",
      "consider", "show", "demonstrate", "describe", "point", "think",
    ].map { Stemmer.stem($0) })

  private static func unique(_ keys: [String]) -> [String] {
    var seen: Set<String> = []
    return keys.filter { seen.insert($0).inserted }
  }
}
