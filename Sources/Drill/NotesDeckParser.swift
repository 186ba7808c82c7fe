import Foundation

/// Reads interview notes written as Markdown lists into a deck, with no changes to the notes.
///
/// The shape it reads:
///
/// - A question is a list item (or a paragraph) that starts with bold text which is quoted or
///   ends with "?": `* **"Why would you pick X over Y?"**`. Bold labels such as
///   `**Fast convergence:**` are not questions.
/// - The expected answer is a block that starts with a label such as "What they're looking
///   for:", "What they're testing:", "Expected answer:" or "A:" (bold or not, colon inside or
///   outside the bold), usually a nested list item under the question. Its text continues on
///   the following lines indented under it, and nested list items become separate points.
/// - An answer applies to every question since the previous answer, so several questions
///   may share one "What they're testing:" paragraph.
/// - The nearest heading above a question is its topic, without numbering such as "2.".
///
/// Each sentence of an expected answer becomes a key point that an answer covers when it
/// contains at least half of the sentence's content words.
public enum NotesDeckParser {
  /// The share of a sentence's content words an answer must contain to cover it.
  public static let requiredFraction = 0.5

  public static func parse(_ text: String, deckID: String, file: String = "") -> Deck {
    let lines = MarkdownLine.lines(text)
    var title: String?
    var topic = "General"
    var pending: [(prompt: String, line: Int, topic: String)] = []
    var questions: [Question] = []
    var usedIDs: Set<String> = []

    func emit(answer: AnswerBlock?) {
      for question in pending {
        var id = question.prompt.slug(limit: 50)
        var suffix = 2
        while usedIDs.contains(id) {
          id = question.prompt.slug(limit: 50) + "-\(suffix)"
          suffix += 1
        }
        usedIDs.insert(id)
        questions.append(
          Question(
            id: id, prompt: question.prompt, topic: question.topic, difficulty: .medium,
            keyPoints: answer?.keyPoints ?? [], modelAnswer: answer?.modelAnswer ?? "",
            source: "\(file):\(question.line)"))
      }
      pending = []
    }

    var index = 0
    var inFence = false
    while index < lines.count {
      let line = lines[index]
      if case .fence = line.kind {
        inFence.toggle()
        index += 1
        continue
      }
      if inFence {
        index += 1
        continue
      }
      switch line.kind {
      case .heading(let level, let text):
        emit(answer: nil)
        let plain = InlineText.plain(text)
        if let prompt = headingQuestion(plain, lines: lines, after: index) {
          pending.append((prompt, line.number, topic))
          index += 1
          continue
        }
        if level == 1 && title == nil { title = plain }
        topic = cleanTopic(plain)
        index += 1
      case .listItem(let text), .text(let text):
        if let question = question(in: text) {
          pending.append((question.prompt, line.number, topic))
          if let answerText = question.trailingAnswer {
            let block = collectAnswer(
              firstText: answerText, lines: lines, after: index, labelIndent: line.indent)
            emit(answer: block.answer)
            index = block.nextIndex
          } else {
            index += 1
          }
        } else if let answerText = answerAfterLabel(text), !pending.isEmpty {
          let isListItem: Bool = {
            if case .listItem = line.kind { return true }
            return false
          }()
          let block = collectAnswer(
            firstText: answerText, lines: lines, after: index,
            labelIndent: isListItem ? line.indent : -1)
          emit(answer: block.answer)
          index = block.nextIndex
        } else {
          index += 1
        }
      default:
        index += 1
      }
    }
    emit(answer: nil)
    return Deck(id: deckID, title: title ?? deckID, questions: questions)
  }

  // MARK: - Questions

  /// Returns the question in a line that starts with quoted or question-mark bold text, and any
  /// answer label that follows it on the same line.
  static func question(in text: String) -> (prompt: String, trailingAnswer: String?)? {
    guard let (bold, rest) = InlineText.leadingBold(text) else { return nil }
    guard let (prompt, wasQuoted) = promptText(InlineText.plain(bold)),
      wasQuoted || prompt.hasSuffix("?")
    else { return nil }
    let trailing = rest.drop(while: { "—–-:".contains($0) || $0.isWhitespace })
    return (prompt, answerAfterLabel(String(trailing)))
  }

  /// Returns the prompt without quotes or a "Q:", "Q3." or "Question:" prefix, and whether it
  /// was quoted; nil when nothing is left.
  static func promptText(_ text: String) -> (prompt: String, wasQuoted: Bool)? {
    var (prompt, wasQuoted) = InlineText.unquoted(text)
    let lowered = prompt.lowercased()
    var prefixLength = 0
    if lowered.hasPrefix("question") {
      prefixLength = "question".count
    } else if lowered.hasPrefix("q") {
      prefixLength = 1
    }
    if prefixLength > 0 {
      let afterWord = prompt.dropFirst(prefixLength)
      let digits = afterWord.prefix(while: \.isNumber)
      let rest = afterWord.dropFirst(digits.count)
      if let marker = rest.first, ":.)".contains(marker) {
        let unquoted = InlineText.unquoted(String(rest.dropFirst()))
        prompt = unquoted.text
        wasQuoted = wasQuoted || unquoted.wasQuoted
      }
    }
    return prompt.isEmpty ? nil : (prompt, wasQuoted)
  }

  /// Returns the prompt of a heading that is a question: quoted or ending in "?", and directly
  /// followed by an answer label. Other headings, such as "How does Adam work?" over a section
  /// of prose, are topics.
  static func headingQuestion(_ text: String, lines: [MarkdownLine], after index: Int) -> String? {
    guard let (prompt, wasQuoted) = promptText(text), wasQuoted || prompt.hasSuffix("?") else {
      return nil
    }
    guard let next = lines[(index + 1)...].first(where: { !$0.isBlank }) else { return nil }
    switch next.kind {
    case .listItem(let body), .text(let body):
      return answerAfterLabel(body) != nil ? prompt : nil
    default:
      return nil
    }
  }

  // MARK: - Answers

  /// Returns the text after an answer label such as "What they're looking for:", or nil when `text`
  /// does not start with one. The text may be empty when the answer continues below.
  static func answerAfterLabel(_ text: String) -> String? {
    // Look at the start without emphasis markers, so "**Label:**", "*Label*:" and
    // "Label:" read alike.
    var plain = ""
    var consumed = text.startIndex
    var index = text.startIndex
    while index < text.endIndex, plain.count < 80 {
      let c = text[index]
      index = text.index(after: index)
      if c == "*" || c == "_" { continue }
      if c == ":" {
        consumed = index
        let label = normalizeLabel(plain)
        guard isAnswerLabel(label) else { return nil }
        let rest = text[consumed...].drop(while: { $0 == "*" || $0 == "_" || $0 == " " })
        return String(rest).trimmed
      }
      plain.append(c)
    }
    return nil
  }

  static func normalizeLabel(_ label: String) -> String {
    label.lowercased().replacingOccurrences(of: "’", with: "'").split(separator: " ").joined(
      separator: " ")
  }

  /// Labels people write above an expected answer.
  static func isAnswerLabel(_ label: String) -> Bool {
    let exact: Set<String> = [
      "a", "answer", "expected answer", "expected", "model answer", "good answer",
      "ideal answer", "sample answer", "key points", "looking for", "testing", "what to say",
      "what to mention", "talking points", "the answer", "hint", "notes",
    ]
    if exact.contains(label) { return true }
    let subjects = ["they", "they're", "the interviewer", "the interviewer's", "interviewers"]
    let verbs = [
      "looking for", "testing", "testing for", "want", "want to hear", "want to see", "after",
      "expect", "checking", "assessing", "probing",
    ]
    for subject in subjects {
      for verb in verbs {
        for pattern in [
          "what \(subject) \(verb)", "what \(subject) are \(verb)", "what \(subject) is \(verb)",
          "\(subject) \(verb)",
        ] where label == pattern {
          return true
        }
      }
    }
    return false
  }

  struct AnswerBlock {
    var modelAnswer: String
    var keyPoints: [KeyPoint]
  }

  /// Collects an answer that starts with `firstText` on line `after` and continues on the
  /// lines below it. `labelIndent` is the label's list indent, or -1 for a paragraph label.
  static func collectAnswer(
    firstText: String, lines: [MarkdownLine], after start: Int, labelIndent: Int
  ) -> (answer: AnswerBlock, nextIndex: Int) {
    var prose: [String] = firstText.isEmpty ? [] : [InlineText.plain(firstText)]
    var items: [String] = []
    var index = start + 1
    var previousBlank = false
    scan: while index < lines.count {
      let line = lines[index]
      let labelAlone = prose.isEmpty && items.isEmpty
      switch line.kind {
      case .blank:
        previousBlank = true
      case .heading, .thematicBreak, .fence:
        break scan
      case .listItem(let text):
        let nested =
          labelIndent < 0 ? !previousBlank || labelAlone : line.indent > labelIndent
        guard nested, question(in: text) == nil, answerAfterLabel(text) == nil else { break scan }
        items.append(InlineText.plain(text))
        previousBlank = false
      case .text(let text):
        let continues =
          labelIndent < 0
          ? !previousBlank || labelAlone : !previousBlank || line.indent > labelIndent
        guard continues, question(in: text) == nil, answerAfterLabel(text) == nil else {
          break scan
        }
        // A line right under a nested item continues that item.
        if !items.isEmpty && !previousBlank {
          items[items.count - 1] += " " + InlineText.plain(text)
        } else {
          prose.append(InlineText.plain(text))
        }
        previousBlank = false
      }
      index += 1
    }

    let paragraph = prose.joined(separator: " ")
    var keyPoints = TextAnalysis.sentences(paragraph)
      .map(\.trimmed)
      .filter { !TextAnalysis.contentKeys($0).isEmpty }
      .map { KeyPoint(summary: $0 + ".", requiredFraction: requiredFraction) }
    keyPoints += items.map { KeyPoint(summary: $0, requiredFraction: requiredFraction) }
    var model = paragraph
    if !items.isEmpty {
      model += (model.isEmpty ? "" : "\n") + items.map { "- " + $0 }.joined(separator: "\n")
    }
    return (AnswerBlock(modelAnswer: model, keyPoints: keyPoints), index)
  }

  /// "2. Large-Scale Training:" → "Large-Scale Training".
  static func cleanTopic(_ heading: String) -> String {
    var text = Substring(heading)
    let digits = text.prefix(while: { $0.isNumber || $0 == "." || $0 == ")" })
    if !digits.isEmpty, digits.first?.isNumber == true { text = text.dropFirst(digits.count) }
    var result = String(text).trimmed
    while let last = result.last, ":.".contains(last) { result.removeLast() }
    return result.isEmpty ? heading : result
  }
}
