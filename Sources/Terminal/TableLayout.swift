import Lessons

/// Lays out a table: columns sized to their content, shrunk to fit the width, cells wrapped
/// inside their column and aligned as the table's delimiter row specifies.
enum TableLayout {
  /// Renders `header` and `rows` as lines. Columns are separated by ` │ `, and a rule of `─`
  /// with `┼` crossings sits under the header.
  static func lines(
    header: [[Segment]], rows: [[[Segment]]], alignments: [Table.Alignment], width: Int,
    headerStyle: TextStyle, ruleStyle: TextStyle
  ) -> [StyledLine] {
    let columnCount = max(header.count, rows.map(\.count).max() ?? 0, alignments.count)
    guard columnCount > 0 else { return [] }
    func cell(_ row: [[Segment]], _ column: Int) -> [Segment] {
      column < row.count ? row[column] : []
    }
    let allRows = [header] + rows

    var natural = [Int](repeating: 1, count: columnCount)
    var minimum = [Int](repeating: 1, count: columnCount)
    for row in allRows {
      for column in 0..<columnCount {
        let segments = cell(row, column)
        let lines = Wrapper.wrap(segments, width: Int.max / 4)
        natural[column] = max(natural[column], lines.map(Wrapper.width(of:)).max() ?? 0)
        let longestWord =
          segments.flatMap { $0.text.split(separator: " ").map { DisplayWidth.of(String($0)) } }
          .max() ?? 1
        minimum[column] = max(minimum[column], min(longestWord, 16))
      }
    }

    let separatorWidth = 3
    let available = max(columnCount, width - separatorWidth * (columnCount - 1))
    var widths = natural
    if widths.reduce(0, +) > available {
      widths = shrink(natural: natural, minimum: minimum, available: available)
    }

    var output: [StyledLine] = []
    for (rowIndex, row) in allRows.enumerated() {
      if rowIndex == 0, header.isEmpty { continue }
      let style = rowIndex == 0 ? headerStyle : TextStyle.plain
      let cellLines: [[StyledLine]] = (0..<columnCount).map { column in
        let styled = cell(row, column).map { segment -> Segment in
          var merged = segment
          if rowIndex == 0 { merged.style.bold = merged.style.bold || style.bold }
          return merged
        }
        return Wrapper.wrap(styled, width: widths[column])
      }
      let height = cellLines.map(\.count).max() ?? 1
      for lineIndex in 0..<height {
        var line: StyledLine = []
        for column in 0..<columnCount {
          if column > 0 { line.append(Segment(" │ ", ruleStyle)) }
          let content = lineIndex < cellLines[column].count ? cellLines[column][lineIndex] : []
          let padding = max(0, widths[column] - Wrapper.width(of: content))
          let alignment = column < alignments.count ? alignments[column] : .none
          let (left, right): (Int, Int) =
            switch alignment {
            case .right: (padding, 0)
            case .center: (padding / 2, padding - padding / 2)
            case .left, .none: (0, padding)
            }
          if left > 0 { line.append(Segment(String(repeating: " ", count: left))) }
          line.append(contentsOf: content)
          if right > 0 { line.append(Segment(String(repeating: " ", count: right))) }
        }
        output.append(line)
      }
      if rowIndex == 0 {
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
        output.append([Segment(rule, ruleStyle)])
      }
    }
    return output
  }

  /// Column widths that add up to at most `available`: the widest columns give up space
  /// first, and none goes below its minimum unless even the minimums do not fit.
  private static func shrink(natural: [Int], minimum: [Int], available: Int) -> [Int] {
    var widths = natural
    var excess = widths.reduce(0, +) - available
    while excess > 0 {
      guard
        let widest = widths.indices.filter({ widths[$0] > minimum[$0] }).max(by: {
          widths[$0] < widths[$1]
        })
      else { break }
      widths[widest] -= 1
      excess -= 1
    }
    while excess > 0 {
      guard
        let widest = widths.indices.filter({ widths[$0] > 1 }).max(by: { widths[$0] < widths[$1] })
      else { break }
      widths[widest] -= 1
      excess -= 1
    }
    return widths
  }
}
