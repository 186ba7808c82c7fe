/// A set of interview questions loaded from one Markdown file or folder.
public struct Deck: Equatable, Sendable {
  /// A short name that namespaces card ids in the progress store, such as `interview`.
  public var id: String
  public var title: String
  public var questions: [Question]

  public init(id: String, title: String, questions: [Question]) {
    self.id = id
    self.title = title
    self.questions = questions
  }

  /// The topics in the order they first appear.
  public var topics: [String] {
    var seen: Set<String> = []
    return questions.map(\.topic).filter { seen.insert($0).inserted }
  }
}

/// One interview question with what a good answer covers.
public struct Question: Equatable, Sendable {
  /// Unique within the deck; the card id is `deck id/question id`.
  public var id: String
  public var prompt: String
  public var topic: String
  public var difficulty: Difficulty
  /// What a good answer must mention; empty when the deck gives only a model answer.
  public var keyPoints: [KeyPoint]
  public var modelAnswer: String
  public var followUps: [String]
  /// For numeric questions, the computation whose result is the answer.
  public var numeric: NumericSpec?
  /// The question's position in its file, as `file:line`, for error messages.
  public var source: String

  public init(
    id: String, prompt: String, topic: String, difficulty: Difficulty = .medium,
    keyPoints: [KeyPoint] = [], modelAnswer: String = "", followUps: [String] = [],
    numeric: NumericSpec? = nil, source: String = ""
  ) {
    self.id = id
    self.prompt = prompt
    self.topic = topic
    self.difficulty = difficulty
    self.keyPoints = keyPoints
    self.modelAnswer = modelAnswer
    self.followUps = followUps
    self.numeric = numeric
    self.source = source
  }
}

public enum Difficulty: String, CaseIterable, Equatable, Sendable {
  case easy
  case medium
  case hard
}

/// One idea a good answer contains, with every phrasing that counts as stating it.
public struct KeyPoint: Equatable, Sendable {
  /// The idea as shown in feedback.
  public var summary: String
  /// Alternative ways of saying it; any one of them, in any word order, covers the point.
  /// The summary itself always counts as one.
  public var phrasings: [String]
  /// For points taken from prose (the notes' format), the fraction of the summary's content
  /// words an answer must contain; nil means a phrasing must match completely.
  public var requiredFraction: Double?

  public init(summary: String, phrasings: [String] = [], requiredFraction: Double? = nil) {
    self.summary = summary
    self.phrasings = phrasings
    self.requiredFraction = requiredFraction
  }
}

/// A deck file that cannot be read, with the place and the fix.
public struct DeckError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `file:line`, or the file alone when the problem is the whole file.
  public var location: String
  public var message: String

  public init(location: String, message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): \(message)" }
}

extension String {
  /// Returns a kebab-case id for free text: "Why Adam's ε?" → "why-adams", at most `limit`
  /// characters, cut at a word boundary.
  func slug(limit: Int = 60) -> String {
    var result = ""
    var pendingDash = false
    var truncated = false
    for c in self.lowercased() where c != "'" && c != "’" {
      if c.isASCII && (c.isLetter || c.isNumber) {
        if pendingDash && !result.isEmpty { result.append("-") }
        result.append(c)
        pendingDash = false
      } else {
        pendingDash = true
      }
      if result.count > limit {
        truncated = true
        break
      }
    }
    if truncated, let lastDash = result.lastIndex(of: "-") {
      result = String(result[..<lastDash])
    }
    return result.isEmpty ? "question" : result
  }
}

extension StringProtocol {
  var trimmed: String {
    var s = Substring(self)
    while let first = s.first, first.isWhitespace { s.removeFirst() }
    while let last = s.last, last.isWhitespace { s.removeLast() }
    return String(s)
  }
}
