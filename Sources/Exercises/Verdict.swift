/// The outcome of checking one exercise, as shown to the learner and written by `check --json`.
public struct Verdict: Codable, Equatable, Sendable {
  public enum Kind: String, Codable, Sendable {
    case passed
    case notImplemented = "not-implemented"
    case wrongValue = "wrong-value"
    case nonFinite = "non-finite"
    case wrongLength = "wrong-length"
    case compileError = "compile-error"
    case crashed
    case timedOut = "timed-out"
    case outputLimit = "output-limit"
    case harnessError = "harness-error"
    case cancelled
  }

  public var exercise: String
  public var kind: Kind
  /// The diagnosis id of the classic mistake the learner's trajectory reproduces.
  public var diagnosis: String?
  public var firstDivergence: Divergence?
  /// Expected and actual rows from the first diverging step on.
  public var table: [TableRow]
  public var diagnostics: [CompilerDiagnostic]
  /// The complete explanation for the learner, in plain text.
  public var message: String
  /// For a verdict with a table: the lines of `message` before the table.
  public var headline: String?
  /// For a verdict with a table: the lines of `message` after the table, so a console can lay
  /// the table out to its own width between the two.
  public var explanation: String?

  public var passed: Bool { kind == .passed }

  public struct TableRow: Codable, Equatable, Sendable {
    public var step: Int
    public var expected: [Double]
    public var actual: [Double]

    public init(step: Int, expected: [Double], actual: [Double]) {
      self.step = step
      self.expected = expected
      self.actual = actual
    }
  }

  public init(
    exercise: String, kind: Kind, diagnosis: String? = nil, firstDivergence: Divergence? = nil,
    table: [TableRow] = [], diagnostics: [CompilerDiagnostic] = [], message: String,
    headline: String? = nil, explanation: String? = nil
  ) {
    self.exercise = exercise
    self.kind = kind
    self.diagnosis = diagnosis
    self.firstDivergence = firstDivergence
    self.table = table
    self.diagnostics = diagnostics
    self.message = message
    self.headline = headline
    self.explanation = explanation
  }

  /// Formats one value as verdicts show it: 12 significant digits, NaN, ∞, or `nothing`.
  public static func format(_ value: Double?) -> String {
    guard let value else { return "nothing" }
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "∞" : "-∞" }
    if value == 0 || (abs(value) >= 1e-3 && abs(value) < 1e6) {
      return String(format: "%.12g", value)
    }
    return String(format: "%.12e", value)
  }
}
