import Exercises
import Terminal

/// Lays a verdict out for the console: prose wrapped to the width, and the trajectory table
/// fitted to it.
enum VerdictText {
  static func render(_ verdict: Verdict, width: Int) -> String {
    guard !verdict.table.isEmpty, let divergence = verdict.firstDivergence,
      let headline = verdict.headline, let explanation = verdict.explanation
    else {
      return Wrapper.wrap(verdict.message, width: width)
    }
    var lines = [Wrapper.wrap(headline, width: width), ""]
    lines += tableLines(verdict.table, quantity: divergence.quantity, width: width)
    lines += ["", Wrapper.wrap(explanation, width: width)]
    return lines.joined(separator: "\n")
  }

  /// Returns one line per step, `step [expected] → [yours]`, when every such line fits.
  /// Otherwise each step takes two lines, expected above yours, and a vector too long for its
  /// line continues under its first value. When even one value does not fit beside the labels,
  /// the vectors go on lines of their own below them. Digits are never dropped, because the two
  /// vectors often differ only in the last ones.
  static func tableLines(_ rows: [Verdict.TableRow], quantity: String, width: Int) -> [String] {
    func vector(_ values: [Double]) -> String {
      "[" + values.map { Verdict.format($0) }.joined(separator: ", ") + "]"
    }
    let stepWidth = max(4, rows.map { String($0.step).count }.max() ?? 0)
    func padded(_ text: String, _ count: Int) -> String {
      text + String(repeating: " ", count: max(0, count - DisplayWidth.of(text)))
    }

    let oneLine = rows.map {
      "  \(padded(String($0.step), stepWidth))  \(vector($0.expected)) → \(vector($0.actual))"
    }
    let header = "  \(padded("step", stepWidth))  expected \(quantity) → yours"
    if (oneLine + [header]).allSatisfy({ DisplayWidth.of($0) <= width }) {
      return [header] + oneLine
    }

    var lines = Wrapper.wrap(
      "  \(padded("step", stepWidth))  \(quantity), expected above yours", width: width
    ).split(separator: "\n").map(String.init)
    let labelWidth = 2 + stepWidth + 2 + DisplayWidth.of("expected ")
    let widestValue =
      rows.flatMap { $0.expected + $0.actual }.map { DisplayWidth.of(Verdict.format($0)) }.max()
      ?? 0
    // `[` before a value and `,` or `]` after it.
    let valuesBeside = labelWidth + widestValue + 2 <= width
    let valueIndent = valuesBeside ? labelWidth : 4
    for row in rows {
      for (index, values) in [row.expected, row.actual].enumerated() {
        let step = index == 0 ? String(row.step) : ""
        let label = "  \(padded(step, stepWidth))  \(index == 0 ? "expected " : "yours    ")"
        var wrapped = Wrapper.wrap(
          vector(values), width: width - valueIndent, continuationIndent: 1
        ).split(separator: "\n").map { String(repeating: " ", count: valueIndent) + $0 }
        if valuesBeside {
          wrapped[0] = label + wrapped[0].dropFirst(valueIndent)
        } else {
          lines.append(String(label.reversed().drop { $0 == " " }.reversed()))
        }
        lines += wrapped
      }
    }
    return lines
  }
}
