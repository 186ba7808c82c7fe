// Compiled into the package and, from these same files, into every Swift cell program.
// A cell reports figures by printing protocol lines that start with `@optimlings `, each
// followed by one JSON object; Optimlings draws them under the cell. Other output is shown
// as text.

/// Figures a Swift cell draws; each call prints one protocol line to standard output.
public enum Plot {
  /// The prefix of protocol lines.
  public static let linePrefix = "@optimlings "

  /// The kinds of figure a cell can draw.
  public enum Kind: String, Sendable {
    /// Loss against step, log scale.
    case loss
    /// Paths in the plane, over the contour map of an objective.
    case trajectory
    /// Final loss against learning rate, log scales.
    case sweep
  }

  /// Starts a new figure; the series printed after it belong to it.
  ///
  /// - Parameter objective: for a trajectory, the objective whose contour map is drawn under
  ///   the paths, such as `rosenbrock`.
  public static func figure(_ kind: Kind, title: String, objective: String? = nil) {
    print(figureLine(kind, title: title, objective: objective))
  }

  /// Plots a loss curve, where `losses[t]` is the loss after step t and t = 0 is the start.
  public static func loss(_ name: String, _ losses: [Double], note: String? = nil) {
    series(
      .loss, name: name, x: losses.indices.map(Double.init), y: losses, note: note)
  }

  /// Plots a path of two-parameter points θ, such as ``Trace/path``.
  public static func path(_ name: String, _ points: [[Double]], note: String? = nil) {
    series(.trajectory, name: name, x: points.map { $0[0] }, y: points.map { $0[1] }, note: note)
  }

  /// Plots the final losses of one optimizer setting, one per learning rate.
  public static func sweep(
    _ name: String, learningRates: [Double], finalLosses: [Double], note: String? = nil
  ) {
    series(.sweep, name: name, x: learningRates, y: finalLosses, note: note)
  }

  static func series(_ kind: Kind, name: String, x: [Double], y: [Double], note: String?) {
    print(seriesLine(kind, name: name, x: x, y: y, note: note))
  }

  static func figureLine(_ kind: Kind, title: String, objective: String?) -> String {
    var fields = [("figure", JSON.string(kind.rawValue)), ("title", JSON.string(title))]
    if let objective { fields.append(("objective", JSON.string(objective))) }
    return line(fields)
  }

  static func seriesLine(_ kind: Kind, name: String, x: [Double], y: [Double], note: String?)
    -> String
  {
    var fields = [
      ("series", JSON.string(name)), ("kind", JSON.string(kind.rawValue)),
      ("x", JSON.numbers(x)), ("y", JSON.numbers(y)),
    ]
    if let note { fields.append(("note", JSON.string(note))) }
    return line(fields)
  }

  static func line(_ fields: [(String, String)]) -> String {
    let body = fields.map { "\(JSON.string($0.0)):\($0.1)" }.joined(separator: ",")
    return linePrefix + "{" + body + "}"
  }
}

/// Just enough JSON writing for protocol lines. Non-finite numbers are written as the
/// strings "NaN", "Infinity" and "-Infinity", which the reader converts back.
enum JSON {
  static func string(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  static func number(_ value: Double) -> String {
    if value.isNaN { return "\"NaN\"" }
    if value.isInfinite { return value > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
    return "\(value)"
  }

  static func numbers(_ values: [Double]) -> String {
    "[" + values.map(number).joined(separator: ",") + "]"
  }
}
