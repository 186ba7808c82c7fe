import Foundation
import Lessons
import OptimizerKit
import Terminal

/// The step table that `trace` prints: a header with every hyperparameter, then one row per
/// step with t, g, each state quantity and θ, laid out by the shared table renderer with numbers
/// right-aligned.
///
/// Vectors of more than one parameter get one row per component, with an `i` column and t
/// written on the first row of each step.
struct TraceTable {
  let trace: Trace
  let significantDigits: Int
  /// Whether to write θ, m̂ and v̂; the ASCII names theta, m_hat and v_hat are used otherwise.
  let usesUnicode: Bool
  /// The console's width and colour, which the table renderer uses.
  let options: RenderOptions

  func render() -> String {
    let settings = trace.optimizer.hyperparameterValues.map { "\($0.name)=\(format($0.value))" }
    var lines = [
      Wrapper.wrap(
        "\(trace.optimizer.torchName) \(settings.joined(separator: " "))", width: options.width,
        continuationIndent: 2)
    ]
    lines.append("")

    // A trace cut before its first step still shows the state columns, taken from the
    // optimizer as configured.
    let stateNames = (trace.steps.first?.state ?? trace.optimizer.stateQuantities()).map(\.name)
    let dimension = trace.initial.count
    var header = ["t"]
    if dimension > 1 { header.append("i") }
    header.append("g")
    header += stateNames.map(displayName)
    header.append(usesUnicode ? "θ" : "theta")

    var rows: [[String]] = []
    for i in 0..<dimension {
      var row = [i == 0 ? "0" : ""]
      if dimension > 1 { row.append("\(i)") }
      row += [String](repeating: "", count: 1 + stateNames.count)
      row.append(format(trace.initial[i]))
      rows.append(row)
    }
    for step in trace.steps {
      for i in 0..<dimension {
        var row = [i == 0 ? "\(step.step)" : ""]
        if dimension > 1 { row.append("\(i)") }
        row.append(format(step.gradients[i]))
        for name in stateNames {
          let values = step.state.first { $0.name == name }?.values
          row.append(values.map { format($0[i]) } ?? "")
        }
        row.append(format(step.parameters[i]))
        rows.append(row)
      }
    }

    let renderer = LessonRenderer(options: options)
    let alignments = [Table.Alignment](repeating: .right, count: header.count)
    lines.append(renderer.renderTable(header: header, rows: rows, alignments: alignments))
    return lines.joined(separator: "\n")
  }

  func displayName(_ name: String) -> String {
    guard usesUnicode else { return name }
    switch name {
    case "m_hat": return "m̂"
    case "v_hat": return "v̂"
    default: return name
    }
  }

  func format(_ value: Double) -> String {
    if value == 0 { return "0" }
    return String(format: "%.\(significantDigits)g", value)
  }

  func format(_ value: HyperparameterValue) -> String {
    switch value {
    case .number(let number): format(number)
    case .flag(let flag): "\(flag)"
    case .pair(let first, let second): "\(format(first)),\(format(second))"
    }
  }
}
