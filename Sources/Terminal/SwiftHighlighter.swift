/// Colours Swift source: keywords, string literals, number literals and comments.
///
/// A lexer, not a parser: it tracks only what spans lines (block comments, which Swift
/// nests, and triple-quoted strings), so it never fails on incomplete snippets.
enum SwiftHighlighter {
  static let keywordStyle = TextStyle(bold: true, foreground: .magenta)
  static let stringStyle = TextStyle(foreground: .green)
  static let numberStyle = TextStyle(foreground: .cyan)
  static let commentStyle = TextStyle(italic: true, foreground: .gray)

  static let keywords: Set<String> = [
    "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch", "class",
    "continue", "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough",
    "false", "fileprivate", "final", "for", "func", "guard", "if", "import", "in", "indirect",
    "init", "inout", "internal", "is", "lazy", "let", "mutating", "nil", "nonisolated",
    "open", "operator", "override", "private", "protocol", "public", "repeat", "rethrows",
    "return", "self", "Self", "some", "static", "struct", "subscript", "super", "switch",
    "throw", "throws", "true", "try", "typealias", "var", "where", "while", "consuming",
    "borrowing", "sending",
  ]

  private enum State {
    case code
    case blockComment(depth: Int)
    case multilineString
  }

  /// Splits `source` into lines and colours each one.
  static func highlight(_ source: String) -> [StyledLine] {
    var state = State.code
    return source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      highlight(line: Array(line), state: &state)
    }
  }

  private static func highlight(line: [Character], state: inout State) -> StyledLine {
    var segments: StyledLine = []
    var plain = ""
    var index = 0

    func flushPlain() {
      if !plain.isEmpty { segments.append(Segment(plain)) }
      plain = ""
    }
    func emit(_ range: Range<Int>, _ style: TextStyle) {
      flushPlain()
      segments.append(Segment(String(line[range]), style))
    }

    while index < line.count {
      switch state {
      case .blockComment(let depth):
        let start = index
        var depth = depth
        while index < line.count, depth > 0 {
          if line[index] == "*", index + 1 < line.count, line[index + 1] == "/" {
            depth -= 1
            index += 2
          } else if line[index] == "/", index + 1 < line.count, line[index + 1] == "*" {
            depth += 1
            index += 2
          } else {
            index += 1
          }
        }
        emit(start..<index, commentStyle)
        state = depth > 0 ? .blockComment(depth: depth) : .code
        continue
      case .multilineString:
        let start = index
        while index < line.count {
          if line[index] == "\\" {
            index += 2
            continue
          }
          if matches(line, index, "\"\"\"") {
            index += 3
            state = .code
            break
          }
          index += 1
        }
        emit(start..<min(index, line.count), stringStyle)
        continue
      case .code:
        break
      }

      let character = line[index]
      if matches(line, index, "//") {
        emit(index..<line.count, commentStyle)
        index = line.count
      } else if matches(line, index, "/*") {
        state = .blockComment(depth: 1)
        flushPlain()
        segments.append(Segment("/*", commentStyle))
        index += 2
      } else if matches(line, index, "\"\"\"") {
        state = .multilineString
        flushPlain()
        segments.append(Segment("\"\"\"", stringStyle))
        index += 3
      } else if character == "\"" {
        let start = index
        index += 1
        while index < line.count, line[index] != "\"" {
          index += line[index] == "\\" ? 2 : 1
        }
        index = min(index + 1, line.count)
        emit(start..<index, stringStyle)
      } else if character.isNumber, character.isASCII, !(segmentsEndInIdentifier(plain)) {
        let start = index
        while index < line.count,
          line[index].isHexDigit || line[index] == "_" || line[index] == "."
            || line[index] == "x" || line[index] == "o" || line[index] == "p"
            || ((line[index] == "-" || line[index] == "+")
              && (line[index - 1] == "e" || line[index - 1] == "E"))
        {
          if line[index] == ".",
            !(index + 1 < line.count && line[index + 1].isNumber)
          {
            break
          }
          index += 1
        }
        emit(start..<index, numberStyle)
      } else if character.isLetter || character == "_" {
        let start = index
        while index < line.count, line[index].isLetter || line[index].isNumber || line[index] == "_"
        {
          index += 1
        }
        let word = String(line[start..<index])
        let isMember = start > 0 && line[start - 1] == "."
        if keywords.contains(word), !isMember {
          emit(start..<index, keywordStyle)
        } else {
          plain += word
        }
      } else {
        plain.append(character)
        index += 1
      }
    }
    flushPlain()
    return segments
  }

  private static func matches(_ line: [Character], _ index: Int, _ token: String) -> Bool {
    var position = index
    for character in token {
      guard position < line.count, line[position] == character else { return false }
      position += 1
    }
    return true
  }

  private static func segmentsEndInIdentifier(_ plain: String) -> Bool {
    guard let last = plain.last else { return false }
    return last.isLetter || last == "_"
  }
}
