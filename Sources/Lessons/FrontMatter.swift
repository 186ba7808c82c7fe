/// The `key: value` block between `---` lines at the very top of a lesson file.
public struct FrontMatter: Equatable, Sendable {
  public var fields: [String: String]
  /// The Markdown after the closing line.
  public var body: String
  /// Lines the front matter occupied, so body line numbers can be mapped back to the file.
  public var lineCount: Int

  /// Splits `source` into front matter and body.
  ///
  /// Text counts as front matter only when the first line is `---`, a later line is `---`
  /// or `...`, and every non-blank line between is `key: value` (or a `#` comment). Anything
  /// else is Markdown, so a note that opens with a horizontal rule keeps it.
  public static func split(_ source: String) -> FrontMatter {
    let none = FrontMatter(fields: [:], body: source, lineCount: 0)
    guard source.hasPrefix("---") else { return none }
    var lines = Substring(source).utf8.split(
      separator: 0x0A, maxSplits: 200, omittingEmptySubsequences: false
    ).map { Substring($0) }
    guard lines.count > 1, lines[0].trimmingSpaces == "---" else { return none }
    var fields: [String: String] = [:]
    for index in 1..<lines.count {
      let line = lines[index].trimmingSpaces
      if line == "---" || line == "..." {
        lines.removeFirst(index + 1)
        return FrontMatter(
          fields: fields, body: lines.joined(separator: "\n"), lineCount: index + 1)
      }
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":") else { return none }
      let key = line[..<colon].trimmingSpaces
      guard let first = key.first, first.isLetter || first == "_",
        key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
      else { return none }
      fields[key.lowercased()] = String(line[line.index(after: colon)...].trimmingSpaces)
    }
    return none
  }

  /// Parses a list value written `[a, b]` or `a, b`, with quotes removed.
  public static func list(_ value: String) -> [String] {
    var text = value.trimmingSpaces
    if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
    return text.split(separator: ",").map { unquoted(String($0.trimmingSpaces)) }.filter {
      !$0.isEmpty
    }
  }

  /// `value` without one pair of surrounding single or double quotes.
  public static func unquoted(_ value: String) -> String {
    let text = value.trimmingSpaces
    for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote)
    {
      return String(text.dropFirst().dropLast())
    }
    return String(text)
  }
}
