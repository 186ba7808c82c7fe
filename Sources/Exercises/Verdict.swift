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

  public var passed: Bool { kind == .passed }

  public struct TableRow: Codable, Equatable, Sendable {
    public var step: Int
    public var expected: [Double]
    public var actual: [Double]
  }

  public init(
    exercise: String, kind: Kind, diagnosis: String? = nil, firstDivergence: Divergence? = nil,
    table: [TableRow] = [], diagnostics: [CompilerDiagnostic] = [], message: String
  ) {
    self.exercise = exercise
    self.kind = kind
    self.diagnosis = diagnosis
    self.firstDivergence = firstDivergence
    self.table = table
    self.diagnostics = diagnostics
    self.message = message
  }
}
