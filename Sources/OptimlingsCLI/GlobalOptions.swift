/// Options accepted before or after any command, in the CLI and in the REPL.
public struct GlobalOptions: Sendable, Equatable {
  /// `--lessons DIR`: the folder of lessons, walked recursively. Defaults to `lessons/`.
  public var lessonsDirectory: String?
  /// `--data DIR`: where progress, history and the workspace live.
  public var dataDirectory: String?
  /// `--trust`: allow running cells of lessons loaded with `--lessons`.
  public var trust: Bool = false

  public init(lessonsDirectory: String? = nil, dataDirectory: String? = nil, trust: Bool = false) {
    self.lessonsDirectory = lessonsDirectory
    self.dataDirectory = dataDirectory
    self.trust = trust
  }

  static let valueOptions = ["--lessons", "--data"]
  static let flags = ["--trust"]
}
