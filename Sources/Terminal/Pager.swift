/// Splits rendered text into screens, so a step longer than the terminal is shown a screen at
/// a time.
public enum Pager {
  /// The text in pages of at most `height - 1` lines each, leaving the bottom row for the
  /// prompt. Each page ends with a newline. A height below 2 gives pages of one line.
  public static func pages(of text: String, height: Int) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    let pageSize = max(1, height - 1)
    var pages: [String] = []
    var start = 0
    while start < lines.count {
      let end = min(lines.count, start + pageSize)
      pages.append(lines[start..<end].joined(separator: "\n") + "\n")
      start = end
    }
    return pages
  }

  /// The prompt shown under a page when more follows.
  public static let prompt = "-- more (Enter), q to stop --"
}
