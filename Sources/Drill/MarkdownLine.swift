/// One line of a Markdown deck, classified by the little block structure decks use.
///
/// Decks need headings, list items with their nesting, paragraphs and fenced blocks, never
/// inline links or tables, so a line classifier keeps `file:line` positions for error messages
/// exactly, which a full CommonMark tree would only give per block.
struct MarkdownLine {
  enum Kind: Equatable {
    case blank
    /// `#` to `######`; the level and the text after the markers.
    case heading(level: Int, text: String)
    /// `*`, `-`, `+` or `1.` / `1)` followed by a space; `text` is what follows the marker.
    case listItem(text: String)
    /// A fence opening or closing a code block, with its info string.
    case fence(info: String)
    case thematicBreak
    case text(String)
  }

  var kind: Kind
  /// Leading spaces, counting a tab as four.
  var indent: Int
  /// 1-based.
  var number: Int
  var raw: String

  static func lines(_ text: String) -> [MarkdownLine] {
    var result: [MarkdownLine] = []
    let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (index, row) in rows.enumerated() {
      result.append(classify(String(row), number: index + 1))
    }
    return result
  }

  static func classify(_ raw: String, number: Int) -> MarkdownLine {
    var indent = 0
    var rest = Substring(raw)
    while let c = rest.first, c == " " || c == "\t" {
      indent += c == "\t" ? 4 : 1
      rest.removeFirst()
    }
    let body = String(rest)
    func line(_ kind: Kind) -> MarkdownLine {
      MarkdownLine(kind: kind, indent: indent, number: number, raw: raw)
    }
    if body.trimmed.isEmpty { return line(.blank) }
    if body.hasPrefix(">") {
      // A block quote reads as its content, one level deeper, so quoted answers parse too.
      var quoted = classify(String(body.dropFirst().drop(while: { $0 == " " })), number: number)
      quoted.indent += indent + 2
      quoted.raw = raw
      return quoted
    }
    if body.hasPrefix("```") || body.hasPrefix("~~~") {
      return line(.fence(info: String(body.drop(while: { $0 == "`" || $0 == "~" })).trimmed))
    }
    if indent < 4, let level = headingLevel(body) {
      let text = body.dropFirst(level).trimmed
      return line(
        .heading(
          level: level, text: String(text.reversed().drop(while: { $0 == "#" }).reversed()).trimmed)
      )
    }
    let compact = body.filter { !$0.isWhitespace }
    if compact.count >= 3, let first = compact.first, "-*_".contains(first),
      compact.allSatisfy({ $0 == first })
    {
      return line(.thematicBreak)
    }
    if let first = body.first, "*-+".contains(first), body.dropFirst().first == " " {
      return line(.listItem(text: String(body.dropFirst(2)).trimmed))
    }
    let digits = body.prefix(while: \.isNumber)
    if !digits.isEmpty, digits.count <= 9 {
      let after = body.dropFirst(digits.count)
      if let marker = after.first, marker == "." || marker == ")", after.dropFirst().first == " " {
        return line(.listItem(text: String(after.dropFirst(2)).trimmed))
      }
    }
    return line(.text(body.trimmed))
  }

  private static func headingLevel(_ body: String) -> Int? {
    let hashes = body.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(hashes) else { return nil }
    let after = body.dropFirst(hashes)
    return after.isEmpty || after.first == " " ? hashes : nil
  }

  var isBlank: Bool { kind == .blank }
}

/// Inline Markdown reduced to plain text for prompts, summaries and matching.
enum InlineText {
  /// Removes emphasis markers, code ticks and link targets, keeping the words.
  static func plain(_ text: String) -> String {
    var result = ""
    var characters = Array(text)[...]
    while let c = characters.first {
      characters.removeFirst()
      switch c {
      case "*", "`":
        continue
      case "_":
        // Underscores inside words (beta_1, max_exp_avg_sq) are part of the word.
        let previous = result.last
        let next = characters.first
        if let previous, let next, previous.isLetter || previous.isNumber,
          next.isLetter || next.isNumber
        {
          result.append(c)
        }
      case "[":
        // [text](target) keeps the text.
        if let close = characters.firstIndex(of: "]"),
          characters.index(after: close) < characters.endIndex,
          characters[characters.index(after: close)] == "(",
          let end = characters[close...].firstIndex(of: ")")
        {
          result += characters[characters.startIndex..<close]
          characters = characters[characters.index(after: end)...]
        } else {
          result.append(c)
        }
      default:
        result.append(c)
      }
    }
    return result.trimmed
  }

  /// Strips one pair of surrounding quotes, straight or curly.
  static func unquoted(_ text: String) -> (text: String, wasQuoted: Bool) {
    let t = text.trimmed
    let pairs: [(Character, Character)] = [("\"", "\""), ("“", "”"), ("'", "'"), ("‘", "’")]
    for (open, close) in pairs where t.count >= 2 && t.first == open && t.last == close {
      return (String(t.dropFirst().dropLast()).trimmed, true)
    }
    return (t, false)
  }

  /// Returns the text between a leading `**`/`__` pair and what follows it, or nil when `text` does
  /// not start with bold.
  static func leadingBold(_ text: String) -> (bold: String, rest: String)? {
    for marker in ["**", "__"] where text.hasPrefix(marker) {
      let afterOpen = text.dropFirst(2)
      guard let close = afterOpen.range(of: marker) else { return nil }
      let bold = String(afterOpen[..<close.lowerBound])
      let rest = String(afterOpen[close.upperBound...])
      return (bold, rest.trimmed)
    }
    return nil
  }
}
