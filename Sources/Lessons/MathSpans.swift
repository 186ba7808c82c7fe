/// Finds `$…$` and `$$…$$` TeX in Markdown source and hides each span behind a placeholder
/// before cmark parses the text.
///
/// cmark has no math syntax, so without this step `_` and `*` inside TeX would turn into
/// emphasis and `\{` would lose its backslash. A placeholder is U+E000, the span's index in
/// decimal, then U+E001; these private-use characters pass through cmark untouched.
struct MathSpans {
  struct Span: Equatable {
    /// The TeX between the dollar signs.
    var tex: String
    /// The span exactly as written, dollars included, for places where math is not rendered
    /// (code, image alt text, link targets).
    var original: String
    var isDisplay: Bool
  }

  static let open: Character = "\u{E000}"
  static let close: Character = "\u{E001}"

  private(set) var spans: [Span] = []

  /// Returns `source` with every math span replaced by its placeholder.
  mutating func extract(from source: String) -> String {
    var output = ""
    output.reserveCapacity(source.utf8.count)
    var fence: (character: Character, length: Int)?
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false)[...]
    while let line = lines.popFirst() {
      if let current = fence {
        if let marker = Self.fenceMarker(line), marker.character == current.character,
          marker.length >= current.length, Self.isFenceCloser(line)
        {
          fence = nil
        }
        output += line + "\n"
        continue
      }
      if let marker = Self.fenceMarker(line) {
        fence = marker
        output += line + "\n"
        continue
      }
      if let display = displayBlock(startingWith: line, rest: &lines) {
        output += display + "\n"
        continue
      }
      output += replaceInline(in: line) + "\n"
    }
    // Every line got a newline, but n lines have only n - 1 separators.
    output.removeLast()
    return output
  }

  /// Restores placeholders in `text` to the original spans, for code and alt text.
  func restoringOriginals(_ text: String) -> String {
    guard text.contains(Self.open) else { return text }
    return Self.splitPlaceholders(text).map { piece -> String in
      switch piece {
      case .text(let text): text
      case .span(let index): spans[index].original
      }
    }.joined()
  }

  enum Piece: Equatable {
    case text(String)
    case span(Int)
  }

  /// Splits `text` at well-formed placeholders whose index exists.
  func pieces(of text: String) -> [Piece] {
    guard text.contains(Self.open) else { return [.text(text)] }
    return Self.splitPlaceholders(text).map { piece in
      if case .span(let index) = piece, index >= spans.count { return .text("") }
      return piece
    }
  }

  private static func splitPlaceholders(_ text: String) -> [Piece] {
    var pieces: [Piece] = []
    var current = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == open,
        let closing = text[index...].firstIndex(of: close),
        let number = Int(text[text.index(after: index)..<closing])
      {
        if !current.isEmpty { pieces.append(.text(current)) }
        current = ""
        pieces.append(.span(number))
        index = text.index(after: closing)
        continue
      }
      current.append(character)
      index = text.index(after: index)
    }
    if !current.isEmpty { pieces.append(.text(current)) }
    return pieces
  }

  private mutating func placeholder(tex: String, original: String, isDisplay: Bool) -> String {
    spans.append(Span(tex: tex, original: original, isDisplay: isDisplay))
    return "\(Self.open)\(spans.count - 1)\(Self.close)"
  }

  /// A `$$` block: a line that starts with `$$`, through the line that ends with `$$`,
  /// stopping at a blank line so a stray `$$` cannot swallow the rest of the file.
  private mutating func displayBlock(
    startingWith line: Substring, rest: inout ArraySlice<Substring>
  ) -> String? {
    let trimmed = line.trimmingSpaces
    guard trimmed.hasPrefix("$$") else { return nil }
    let indentation = line.prefix { $0 == " " }
    guard indentation.count < 4 else { return nil }
    var body = trimmed.dropFirst(2)[...]
    if body.trimmingSpaces.hasSuffix("$$"), body.trimmingSpaces.count >= 2 {
      let inner = body.trimmingSpaces.dropLast(2)
      guard !inner.trimmingSpaces.isEmpty else { return nil }
      return indentation
        + placeholder(tex: String(inner).trimmedTeX, original: String(trimmed), isDisplay: true)
    }
    guard !body.contains("$$") else { return nil }
    var collected: [Substring] = [body]
    var originalLines: [Substring] = [trimmed]
    var lookahead = rest
    while let next = lookahead.popFirst(), originalLines.count < 200 {
      if next.trimmingSpaces.isEmpty { return nil }
      originalLines.append(next.trimmingSpaces)
      if next.trimmingSpaces.hasSuffix("$$") {
        collected.append(next.trimmingSpaces.dropLast(2))
        rest = lookahead
        body = collected.joined(separator: "\n")[...]
        let marker = placeholder(
          tex: String(body).trimmedTeX, original: originalLines.joined(separator: "\n"),
          isDisplay: true)
        // Blank lines keep later line numbers equal to the file's, for diagnostics.
        return indentation + marker
          + String(repeating: "\n", count: originalLines.count - 1)
      }
      collected.append(next)
    }
    return nil
  }

  /// Replaces `$…$` and one-line `$$…$$` spans, skipping code spans and escaped dollars.
  private mutating func replaceInline(in line: Substring) -> String {
    guard line.contains("$") else { return String(line) }
    let characters = Array(line)
    var output = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "\\", index + 1 < characters.count {
        output.append(character)
        output.append(characters[index + 1])
        index += 2
        continue
      }
      if character == "`" {
        let end = Self.codeSpanEnd(characters, from: index)
        output += String(characters[index..<end])
        index = end
        continue
      }
      if character == "$", let (end, tex, isDisplay) = Self.mathSpan(characters, from: index) {
        output += placeholder(
          tex: tex, original: String(characters[index..<end]), isDisplay: isDisplay)
        index = end
        continue
      }
      output.append(character)
      index += 1
    }
    return output
  }

  /// The index after the code span that starts at `start`, or after the backtick run when
  /// the span is not closed on this line.
  private static func codeSpanEnd(_ characters: [Character], from start: Int) -> Int {
    var runEnd = start
    while runEnd < characters.count, characters[runEnd] == "`" { runEnd += 1 }
    let length = runEnd - start
    var index = runEnd
    while index < characters.count {
      if characters[index] == "`" {
        var closeEnd = index
        while closeEnd < characters.count, characters[closeEnd] == "`" { closeEnd += 1 }
        if closeEnd - index == length { return closeEnd }
        index = closeEnd
      } else {
        index += 1
      }
    }
    return runEnd
  }

  /// A math span starting at the `$` at `start`, following the rule pandoc uses so prices
  /// stay text: the opening `$` is followed by a non-space, the closing `$` follows a
  /// non-space and is not followed by a digit.
  private static func mathSpan(_ characters: [Character], from start: Int) -> (
    end: Int, tex: String, isDisplay: Bool
  )? {
    let isDisplay = start + 1 < characters.count && characters[start + 1] == "$"
    let contentStart = start + (isDisplay ? 2 : 1)
    guard contentStart < characters.count else { return nil }
    if !isDisplay, characters[contentStart].isWhitespace { return nil }
    var index = contentStart
    while index < characters.count {
      let character = characters[index]
      if character == "\\" {
        index += 2
        continue
      }
      if character == "$" {
        if isDisplay {
          guard index + 1 < characters.count, characters[index + 1] == "$" else {
            index += 1
            continue
          }
          guard index > contentStart else { return nil }
          let tex = String(characters[contentStart..<index]).trimmedTeX
          return (index + 2, tex, true)
        }
        let before = characters[index - 1]
        let after = index + 1 < characters.count ? characters[index + 1] : " "
        if index > contentStart, !before.isWhitespace, !after.isNumber {
          return (index + 1, String(characters[contentStart..<index]), false)
        }
      }
      index += 1
    }
    return nil
  }

  /// The fence character and length when `line` opens or closes a fenced code block.
  static func fenceMarker(_ line: Substring) -> (character: Character, length: Int)? {
    let indentation = line.prefix { $0 == " " }.count
    guard indentation < 4 else { return nil }
    let rest = line.dropFirst(indentation)
    guard let first = rest.first, first == "`" || first == "~" else { return nil }
    let length = rest.prefix { $0 == first }.count
    guard length >= 3 else { return nil }
    if first == "`", rest.dropFirst(length).contains("`") { return nil }
    return (first, length)
  }

  private static func isFenceCloser(_ line: Substring) -> Bool {
    let trimmed = line.trimmingSpaces
    guard let first = trimmed.first else { return false }
    return trimmed.allSatisfy { $0 == first }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and carriage returns.
  var trimmingSpaces: SubSequence {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
    let last = lastIndex(where: { !isSpace($0) })!
    return self[first...last]
  }
}

extension String {
  fileprivate var trimmedTeX: String {
    String(trimmingSpaces).replacingNewlines
  }

  fileprivate var replacingNewlines: String {
    split(separator: "\n").map { String($0.trimmingSpaces) }.joined(separator: " ")
  }
}
