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
    // Most notes have no dollar sign at all; they pass through untouched.
    guard source.utf8.contains(UInt8(ascii: "$")) else { return source }
    var output = ""
    output.reserveCapacity(source.utf8.count)
    var fence: (character: Character, length: Int)?
    var lines = source.lineSlices[...]
    while let line = lines.popFirst() {
      // Only lines whose first non-space byte is a fence character can open or close a fence.
      let first = line.utf8.first { $0 != 0x20 }
      let mayBeFence = first == UInt8(ascii: "`") || first == UInt8(ascii: "~")
      if let current = fence {
        if mayBeFence, let marker = Self.fenceMarker(line), marker.character == current.character,
          marker.length >= current.length, Self.isFenceCloser(line)
        {
          fence = nil
        }
        output += line
        output += "\n"
        continue
      }
      if mayBeFence, let marker = Self.fenceMarker(line) {
        fence = marker
        output += line
        output += "\n"
        continue
      }
      guard line.utf8.contains(UInt8(ascii: "$")) else {
        output += line
        output += "\n"
        continue
      }
      if first == UInt8(ascii: "$"), let display = displayBlock(startingWith: line, rest: &lines) {
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
    guard Self.containsPlaceholder(text) else { return text }
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
    guard Self.containsPlaceholder(text) else { return [.text(text)] }
    return Self.splitPlaceholders(text).map { piece in
      if case .span(let index) = piece, index >= spans.count { return .text("") }
      return piece
    }
  }

  /// Returns true when `text` contains U+E000, searched as its UTF-8 bytes EE 80 80 for speed.
  static func containsPlaceholder(_ text: String) -> Bool {
    var utf8 = text.utf8.makeIterator()
    var matched = 0
    while let byte = utf8.next() {
      switch (matched, byte) {
      case (0, 0xEE): matched = 1
      case (1, 0x80): matched = 2
      case (2, 0x80): return true
      case (_, 0xEE): matched = 1
      default: matched = 0
      }
    }
    return false
  }

  /// Splits at placeholders, scanning UTF-8 bytes: U+E000 is EE 80 80 and U+E001 is
  /// EE 80 81, and the digits between them are ASCII.
  private static func splitPlaceholders(_ text: String) -> [Piece] {
    let bytes = Array(text.utf8)
    var pieces: [Piece] = []
    var textStart = 0
    var index = 0
    while index + 2 < bytes.count {
      guard bytes[index] == 0xEE, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 else {
        index += 1
        continue
      }
      var digitEnd = index + 3
      var number = 0
      while digitEnd < bytes.count, (0x30...0x39).contains(bytes[digitEnd]), digitEnd - index < 15 {
        number = number * 10 + Int(bytes[digitEnd] - 0x30)
        digitEnd += 1
      }
      guard digitEnd > index + 3, digitEnd + 2 < bytes.count, bytes[digitEnd] == 0xEE,
        bytes[digitEnd + 1] == 0x80, bytes[digitEnd + 2] == 0x81
      else {
        index += 1
        continue
      }
      if textStart < index {
        pieces.append(.text(String(decoding: bytes[textStart..<index], as: UTF8.self)))
      }
      pieces.append(.span(number))
      index = digitEnd + 3
      textStart = index
    }
    if textStart < bytes.count {
      pieces.append(.text(String(decoding: bytes[textStart...], as: UTF8.self)))
    }
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
  ///
  /// Works on UTF-8 bytes: every character it looks for is ASCII, and a multi-byte character
  /// never contains an ASCII byte, so byte positions are always character boundaries here.
  private mutating func replaceInline(in line: Substring) -> String {
    let bytes = Array(line.utf8)
    guard bytes.contains(UInt8(ascii: "$")) else { return String(line) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
        output.append(byte)
        output.append(bytes[index + 1])
        index += 2
        continue
      }
      if byte == UInt8(ascii: "`") {
        let end = Self.codeSpanEnd(bytes, from: index)
        output += bytes[index..<end]
        index = end
        continue
      }
      if byte == UInt8(ascii: "$"), let (end, tex, isDisplay) = Self.mathSpan(bytes, from: index) {
        let original = String(decoding: bytes[index..<end], as: UTF8.self)
        output += placeholder(tex: tex, original: original, isDisplay: isDisplay).utf8
        index = end
        continue
      }
      output.append(byte)
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Returns the index after the code span that starts at `start`, or after the backtick run when
  /// the span is not closed on this line.
  private static func codeSpanEnd(_ bytes: [UInt8], from start: Int) -> Int {
    let backtick = UInt8(ascii: "`")
    var runEnd = start
    while runEnd < bytes.count, bytes[runEnd] == backtick { runEnd += 1 }
    let length = runEnd - start
    var index = runEnd
    while index < bytes.count {
      if bytes[index] == backtick {
        var closeEnd = index
        while closeEnd < bytes.count, bytes[closeEnd] == backtick { closeEnd += 1 }
        if closeEnd - index == length { return closeEnd }
        index = closeEnd
      } else {
        index += 1
      }
    }
    return runEnd
  }

  /// Finds the math span starting at the `$` at `start`, following the rule pandoc uses so prices
  /// stay text: the opening `$` is followed by a non-space, the closing `$` follows a
  /// non-space and is not followed by a digit.
  private static func mathSpan(_ bytes: [UInt8], from start: Int) -> (
    end: Int, tex: String, isDisplay: Bool
  )? {
    let dollar = UInt8(ascii: "$")
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    let isDisplay = start + 1 < bytes.count && bytes[start + 1] == dollar
    let contentStart = start + (isDisplay ? 2 : 1)
    guard contentStart < bytes.count else { return nil }
    if !isDisplay, isSpace(bytes[contentStart]) { return nil }
    var index = contentStart
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      // TeX has no use for backticks, and a backtick here is usually a code span.
      if byte == UInt8(ascii: "`") { return nil }
      if byte == dollar {
        if isDisplay {
          guard index + 1 < bytes.count, bytes[index + 1] == dollar else {
            index += 1
            continue
          }
          guard index > contentStart else { return nil }
          let tex = String(decoding: bytes[contentStart..<index], as: UTF8.self).trimmedTeX
          return (index + 2, tex, true)
        }
        let after = index + 1 < bytes.count ? bytes[index + 1] : 0x20
        if index > contentStart, !isSpace(bytes[index - 1]), !isDigit(after) {
          return (index + 1, String(decoding: bytes[contentStart..<index], as: UTF8.self), false)
        }
        // Inline TeX never contains a bare `$`; one that cannot close means the opening `$` was
        // text, such as a price, and the `$` found here may open the real span.
        return nil
      }
      index += 1
    }
    return nil
  }

  /// Returns the fence character and length when `line` opens or closes a fenced code block.
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

extension String {
  /// The lines of the text split at LF bytes, each without its LF, so CRLF files split too
  /// (Swift treats CR LF as one Character, which a Character split would not find). A
  /// trailing CR stays on the line; `trimmingSpaces` removes it.
  var lineSlices: [Substring] {
    utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
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
