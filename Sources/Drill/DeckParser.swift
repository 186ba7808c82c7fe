import Foundation
import OptimizerKit

/// Reads the Optimlings deck format, documented in `docs/deck-format.md`.
///
/// Every `##` heading is a question. Under it come `key: value` lines (`id`, `topic`,
/// `difficulty`), an optional paragraph that belongs to the prompt, an optional fenced
/// `numeric` block, and the sections `### Key points`, `### Model answer` and
/// `### Follow-ups`. A `#` heading sets the topic of the questions below it.
public enum DeckParser {
  /// Returns whether `text` looks like this format rather than free-form notes.
  public static func recognizes(_ text: String) -> Bool {
    MarkdownLine.lines(text).contains { line in
      switch line.kind {
      case .heading(3, let heading): return heading.lowercased() == "key points"
      case .fence(let info): return info == "numeric"
      default: return false
      }
    }
  }

  public static func parse(_ text: String, defaultDeckID: String, file: String = "")
    throws(DeckError) -> Deck
  {
    var lines = MarkdownLine.lines(text)
    let front = try frontMatter(&lines, file: file)
    var deckID = defaultDeckID
    var title = defaultDeckID
    for (key, value, number) in front {
      switch key {
      case "deck": deckID = value
      case "title": title = value
      default:
        throw DeckError(
          location: "\(file):\(number)",
          message: "unknown front matter key '\(key)'; use deck or title")
      }
    }

    var topic = "General"
    var builders: [QuestionBuilder] = []
    var current: QuestionBuilder?
    var section = Section.body
    var index = 0

    func finish() throws(DeckError) {
      if let question = current { builders.append(question) }
      current = nil
    }

    while index < lines.count {
      let line = lines[index]
      let location = "\(file):\(line.number)"
      switch line.kind {
      case .heading(1, let text):
        try finish()
        topic = InlineText.plain(text)
        if builders.isEmpty && title == defaultDeckID && front.isEmpty { title = topic }
      case .heading(2, let text):
        try finish()
        current = QuestionBuilder(
          prompt: InlineText.plain(text), topic: topic, line: line.number, location: location)
        section = .body
      case .heading(3, let text):
        guard current != nil else {
          throw DeckError(
            location: location, message: "'### \(text)' comes before any '## question' heading")
        }
        guard let named = Section(heading: text) else {
          throw DeckError(
            location: location,
            message:
              "unknown section '### \(text)'; use '### Key points', '### Model answer' or '### Follow-ups'"
          )
        }
        section = named
      case .fence(let info):
        var body: [MarkdownLine] = []
        index += 1
        while index < lines.count {
          if case .fence = lines[index].kind { break }
          body.append(lines[index])
          index += 1
        }
        guard index < lines.count else {
          throw DeckError(location: location, message: "code block is never closed with ```")
        }
        if info == "numeric" {
          guard current != nil, section == .body else {
            throw DeckError(
              location: location,
              message: "a numeric block belongs right under a '## question' heading")
          }
          current?.numeric = try NumericBlock.parse(body, file: file)
          current?.numericLocation = location
        } else if current != nil {
          let code = body.map(\.raw).joined(separator: "\n")
          current?.append(to: section, "```\(info)\n\(code)\n```", lineIndent: 0)
        }
      case .blank:
        current?.appendBlank(to: section)
      case .listItem(let text):
        if current != nil {
          try current?.appendListItem(text, in: section, indent: line.indent, location: location)
        }
      case .text(let text):
        if current != nil {
          try current?.appendText(text, in: section, location: location)
        }
      case .heading, .thematicBreak:
        break
      }
      index += 1
    }
    try finish()

    var questions: [Question] = []
    var seen: [String: String] = [:]
    for builder in builders {
      let question = try builder.build(file: file)
      if let previous = seen[question.id] {
        throw DeckError(
          location: builder.location,
          message:
            "question id '\(question.id)' is already used at \(previous); give one an 'id:' line")
      }
      seen[question.id] = builder.location
      questions.append(question)
    }
    guard !questions.isEmpty else {
      throw DeckError(
        location: file, message: "no questions found; each question starts with '## '")
    }
    return Deck(id: deckID, title: title, questions: questions)
  }

  /// Removes `---` front matter from the top and returns its `key: value` lines.
  static func frontMatter(_ lines: inout [MarkdownLine], file: String) throws(DeckError) -> [(
    String, String, Int
  )] {
    guard let first = lines.first, first.raw.trimmed == "---" else { return [] }
    var pairs: [(String, String, Int)] = []
    for index in 1..<lines.count {
      let line = lines[index]
      if line.raw.trimmed == "---" {
        lines.removeFirst(index + 1)
        return pairs
      }
      if line.isBlank { continue }
      guard let (key, value) = keyValue(line.raw) else {
        throw DeckError(
          location: "\(file):\(line.number)", message: "expected 'key: value' in front matter")
      }
      pairs.append((key, value, line.number))
    }
    throw DeckError(location: "\(file):1", message: "front matter is never closed with '---'")
  }

  static func keyValue(_ line: String) -> (String, String)? {
    guard let colon = line.firstIndex(of: ":") else { return nil }
    let key = line[..<colon].trimmed.lowercased()
    guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == " " })
    else { return nil }
    return (key, line[line.index(after: colon)...].trimmed)
  }

  enum Section: Equatable {
    case body
    case keyPoints
    case modelAnswer
    case followUps

    init?(heading: String) {
      switch heading.lowercased().trimmed {
      case "key points": self = .keyPoints
      case "model answer": self = .modelAnswer
      case "follow-ups", "follow-up questions", "followups", "follow ups": self = .followUps
      default: return nil
      }
    }
  }
}

/// A question while its section lines are being read.
private struct QuestionBuilder {
  var prompt: String
  var topic: String
  var line: Int
  var location: String
  var id: String?
  var difficulty: Difficulty = .medium
  var context: [String] = []
  var keyPoints: [KeyPoint] = []
  var modelAnswer: [String] = []
  var followUps: [String] = []
  var numeric: NumericSpec?
  var numericLocation = ""
  /// Set by the first blank line after a metadata line; later `key: value` lines are prompt.
  var sawMetadataEnd = false
  var sawMetadata = false

  init(prompt: String, topic: String, line: Int, location: String) {
    self.prompt = prompt
    self.topic = topic
    self.line = line
    self.location = location
  }

  mutating func appendBlank(to section: DeckParser.Section) {
    switch section {
    case .body:
      if sawMetadata || !context.isEmpty { sawMetadataEnd = true }
      if !context.isEmpty && context.last != "" { context.append("") }
    case .modelAnswer:
      if !modelAnswer.isEmpty && modelAnswer.last != "" { modelAnswer.append("") }
    default: break
    }
  }

  mutating func append(to section: DeckParser.Section, _ text: String, lineIndent: Int) {
    switch section {
    case .body: context.append(text)
    case .modelAnswer: modelAnswer.append(text)
    default: break
    }
  }

  mutating func appendText(_ text: String, in section: DeckParser.Section, location: String)
    throws(DeckError)
  {
    switch section {
    case .body:
      if !sawMetadataEnd && context.isEmpty, let (key, value) = DeckParser.keyValue(text) {
        try setMetadata(key, value, location: location)
        sawMetadata = true
      } else {
        context.append(text)
      }
    case .modelAnswer:
      modelAnswer.append(text)
    case .keyPoints:
      throw DeckError(
        location: location, message: "key points are list items; start the line with '- '")
    case .followUps:
      throw DeckError(
        location: location, message: "follow-ups are list items; start the line with '- '")
    }
  }

  mutating func appendListItem(
    _ text: String, in section: DeckParser.Section, indent: Int, location: String
  ) throws(DeckError) {
    switch section {
    case .keyPoints:
      keyPoints.append(try Self.keyPoint(text, location: location))
    case .followUps:
      followUps.append(InlineText.plain(text))
    case .modelAnswer:
      modelAnswer.append(String(repeating: " ", count: indent) + "- " + text)
    case .body:
      context.append("- " + text)
    }
  }

  /// `**Summary**: phrasing; phrasing` or a plain summary.
  static func keyPoint(_ text: String, location: String) throws(DeckError) -> KeyPoint {
    if let (bold, rest) = InlineText.leadingBold(text) {
      let summary = InlineText.plain(bold).trimmingCharacters(in: CharacterSet(charactersIn: ":"))
      var phrasingText = rest
      if phrasingText.hasPrefix(":") { phrasingText.removeFirst() }
      let phrasings = phrasingText.split(separator: ";").map { InlineText.plain(String($0)) }
        .filter { !$0.isEmpty }
      guard !TextAnalysis.contentKeys(summary).isEmpty || !phrasings.isEmpty else {
        throw DeckError(location: location, message: "key point '\(summary)' has no content words")
      }
      return KeyPoint(summary: summary, phrasings: phrasings)
    }
    let summary = InlineText.plain(text)
    guard !TextAnalysis.contentKeys(summary).isEmpty else {
      throw DeckError(location: location, message: "key point '\(summary)' has no content words")
    }
    return KeyPoint(summary: summary)
  }

  mutating func setMetadata(_ key: String, _ value: String, location: String) throws(DeckError) {
    switch key {
    case "id":
      guard !value.isEmpty, value == value.slug() else {
        throw DeckError(
          location: location,
          message: "invalid id '\(value)'; use lowercase letters, digits and dashes")
      }
      id = value
    case "topic":
      topic = value
    case "difficulty":
      guard let parsed = Difficulty(rawValue: value.lowercased()) else {
        throw DeckError(
          location: location, message: "invalid difficulty '\(value)'; use easy, medium or hard")
      }
      difficulty = parsed
    default:
      throw DeckError(
        location: location,
        message: "unknown question key '\(key)'; use id, topic or difficulty")
    }
  }

  /// Joins hard-wrapped lines into paragraphs, so the console can wrap them to its width.
  /// List items and code blocks keep their own lines; paragraphs are separated by a blank line.
  static func reflow(_ lines: [String]) -> String {
    var blocks: [String] = []
    var paragraph = ""
    func flush() {
      if !paragraph.isEmpty { blocks.append(paragraph) }
      paragraph = ""
    }
    for line in lines {
      let stripped = line.trimmed
      if stripped.isEmpty {
        flush()
        if blocks.last != "" && !blocks.isEmpty { blocks.append("") }
      } else if stripped.hasPrefix("- ") || line.contains("\n") {
        flush()
        blocks.append(line)
      } else {
        paragraph += paragraph.isEmpty ? stripped : " " + stripped
      }
    }
    flush()
    while blocks.last == "" { blocks.removeLast() }
    return blocks.joined(separator: "\n")
  }

  func build(file: String) throws(DeckError) -> Question {
    let model = Self.reflow(modelAnswer)
    var fullPrompt = prompt
    let extra = context.joined(separator: "\n").trimmed
    if !extra.isEmpty { fullPrompt += "\n" + extra }
    if numeric == nil {
      guard !keyPoints.isEmpty else {
        throw DeckError(
          location: location,
          message: "question '\(prompt)' has no key points; add a '### Key points' list")
      }
      guard !model.isEmpty else {
        throw DeckError(
          location: location,
          message: "question '\(prompt)' has no model answer; add a '### Model answer' section")
      }
    }
    return Question(
      id: id ?? prompt.slug(limit: 50), prompt: fullPrompt, topic: topic, difficulty: difficulty,
      keyPoints: keyPoints, modelAnswer: model, followUps: followUps, numeric: numeric,
      source: location)
  }
}

/// The fenced `numeric` block of a question: `key: value` lines describing a computation.
enum NumericBlock {
  static func parse(_ lines: [MarkdownLine], file: String) throws(DeckError) -> NumericSpec {
    var optimizer: String?
    var initial: [Double]?
    var gradients: [[Double]]?
    var quantity: NumericSpec.Quantity = .change
    var step: Int?
    var tolerance: Double?
    var hyperparameters: [String: HyperparameterValue] = [:]
    var firstLocation = file

    for line in lines where !line.isBlank {
      let location = "\(file):\(line.number)"
      if firstLocation == file { firstLocation = location }
      guard let (key, value) = DeckParser.keyValue(line.raw) else {
        throw DeckError(location: location, message: "expected 'key: value' in the numeric block")
      }
      switch key {
      case "optimizer":
        optimizer = value
      case "initial":
        initial = try numbers(value, key: key, location: location)
      case "gradients":
        gradients = try value.split(separator: ";").map { (part) throws(DeckError) in
          try numbers(String(part), key: key, location: location)
        }
      case "ask":
        switch value.lowercased() {
        case "change", "delta": quantity = .change
        case "parameters", "theta": quantity = .parameters
        default: quantity = .state(value)
        }
      case "step":
        guard let n = Int(value), n >= 1 else {
          throw DeckError(
            location: location, message: "invalid step '\(value)'; use a whole number from 1")
        }
        step = n
      case "tolerance":
        guard let t = number(value), t > 0 else {
          throw DeckError(
            location: location, message: "invalid tolerance '\(value)'; use a positive number")
        }
        tolerance = t
      default:
        hyperparameters[key] = try hyperparameter(value, key: key, location: location)
      }
    }
    guard let optimizer else {
      throw DeckError(location: firstLocation, message: "numeric block has no 'optimizer:' line")
    }
    guard let initial, !initial.isEmpty else {
      throw DeckError(location: firstLocation, message: "numeric block has no 'initial:' line")
    }
    guard let gradients, !gradients.isEmpty else {
      throw DeckError(location: firstLocation, message: "numeric block has no 'gradients:' line")
    }
    let spec = NumericSpec(
      optimizer: optimizer, hyperparameters: hyperparameters, initial: initial,
      gradients: gradients, quantity: quantity, step: step, tolerance: tolerance)
    do {
      _ = try spec.expectedValues()
    } catch {
      throw DeckError(location: firstLocation, message: error.description)
    }
    return spec
  }

  static func number(_ text: String) -> Double? {
    Double(text.trimmed.replacingOccurrences(of: "−", with: "-"))
  }

  static func numbers(_ text: String, key: String, location: String) throws(DeckError)
    -> [Double]
  {
    var values: [Double] = []
    for part in text.split(separator: ",") {
      guard let value = number(String(part)), value.isFinite else {
        throw DeckError(
          location: location,
          message: "invalid number '\(part.trimmed)' in '\(key)'; write decimals such as -0.5")
      }
      values.append(value)
    }
    return values
  }

  static func hyperparameter(_ text: String, key: String, location: String) throws(DeckError)
    -> HyperparameterValue
  {
    let value = text.trimmingCharacters(in: CharacterSet(charactersIn: "() "))
    if value == "true" || value == "false" { return .flag(value == "true") }
    let parts = try numbers(value, key: key, location: location)
    switch parts.count {
    case 1: return .number(parts[0])
    case 2: return .pair(parts[0], parts[1])
    default:
      throw DeckError(
        location: location, message: "'\(key)' takes one number, two numbers or true/false")
    }
  }
}
