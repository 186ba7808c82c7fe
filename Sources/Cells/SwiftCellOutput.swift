import Foundation

/// Reads what a Swift cell program printed: protocol lines (see `Plot` in CellSupport) become
/// figures and every other line is kept as text.
public enum SwiftCellOutput {
  public static let linePrefix = "@optimlings "

  /// The maximum number of points a cell may plot in all, so a runaway loop cannot exhaust
  /// memory.
  public static let maximumPoints = 2_000_000

  private struct Line: Decodable {
    var figure: String?
    var title: String?
    var objective: String?
    var series: String?
    var kind: String?
    var x: [Double]?
    var y: [Double]?
    var note: String?
  }

  /// Parses a program's standard output.
  ///
  /// A series joins the latest figure when that figure has the series' kind. Otherwise, and
  /// before any `figure` line, the series starts a figure without a title.
  /// - Throws: ``CellError`` naming the output line for a protocol line that is not valid.
  public static func parse(_ standardOutput: String) throws(CellError) -> CellOutput {
    var output = CellOutput()
    var points = 0
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

    for (index, text) in standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      guard text.hasPrefix(linePrefix) else {
        output.lines.append(String(text))
        continue
      }
      let lineNumber = index + 1
      let line: Line
      do {
        line = try decoder.decode(Line.self, from: Data(text.dropFirst(linePrefix.count).utf8))
      } catch {
        throw CellError(
          message: "output line \(lineNumber) is not a valid protocol line: \(error)")
      }

      if let kindName = line.figure {
        guard let kind = FigureSpec.Kind(rawValue: kindName) else {
          throw unknownKind(kindName, line: lineNumber)
        }
        output.figures.append(
          FigureSpec(kind: kind, title: line.title ?? "", objective: line.objective, series: []))
      } else if let name = line.series {
        guard let kindName = line.kind, let kind = FigureSpec.Kind(rawValue: kindName) else {
          throw unknownKind(line.kind ?? "(missing)", line: lineNumber)
        }
        let x = line.x ?? []
        let y = line.y ?? []
        guard x.count == y.count else {
          throw CellError(
            message:
              "output line \(lineNumber): series '\(name)' has \(x.count) x values but "
              + "\(y.count) y values")
        }
        points += x.count
        guard points <= maximumPoints else {
          throw CellError(
            message:
              "the cell plotted more than \(maximumPoints) points; plot fewer steps or every "
              + "n-th point")
        }
        if output.figures.last?.kind != kind {
          output.figures.append(FigureSpec(kind: kind, title: "", series: []))
        }
        output.figures[output.figures.count - 1].series.append(
          FigureSpec.SeriesData(name: name, x: x, y: y, note: line.note))
      } else {
        throw CellError(
          message: "output line \(lineNumber) is a protocol line with neither 'figure' nor 'series'"
        )
      }
    }
    while output.lines.last == "" { output.lines.removeLast() }
    return output
  }

  private static func unknownKind(_ name: String, line: Int) -> CellError {
    CellError(
      message:
        "output line \(line): unknown figure kind '\(name)'; use "
        + FigureSpec.Kind.allCases.map(\.rawValue).joined(separator: ", "))
  }
}
