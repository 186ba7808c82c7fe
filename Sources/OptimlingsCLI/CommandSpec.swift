/// What a command's positional arguments name, so the REPL can complete them with Tab.
public enum CompletionKind: Sendable, Equatable {
  case none
  case command
  case lesson
  case exercise
  case optimizer
  case path
  /// One of a fixed list of words, such as a subcommand.
  case words([String])
}

/// One command of the shared vocabulary: its name, the options it accepts and how it runs.
///
/// The CLI and the REPL both look commands up in ``CommandTable``, so a command behaves the
/// same whichever way the learner types it.
public struct CommandSpec: Sendable {
  public var name: String
  /// Short forms, such as `n` for `next`.
  public var aliases: [String]
  /// One line for `help`.
  public var summary: String
  /// The argument synopsis after the name, such as `[NAME] [--all] [--json]`.
  public var usage: String
  /// Options that take no value, spelled with their dashes: `--json`.
  public var flags: [String]
  /// Options that take one value, spelled with their dashes: `--file`.
  public var valueOptions: [String]
  public var completion: CompletionKind
  /// True for commands that only make sense inside the REPL, such as `next`.
  public var isREPLOnly: Bool
  public var run: @Sendable (ParsedArguments, CommandContext) throws -> ExitStatus

  public init(
    name: String, aliases: [String] = [], summary: String, usage: String = "",
    flags: [String] = [], valueOptions: [String] = [], completion: CompletionKind = .none,
    isREPLOnly: Bool = false,
    run: @escaping @Sendable (ParsedArguments, CommandContext) throws -> ExitStatus
  ) {
    self.name = name
    self.aliases = aliases
    self.summary = summary
    self.usage = usage
    self.flags = flags
    self.valueOptions = valueOptions
    self.completion = completion
    self.isREPLOnly = isREPLOnly
    self.run = run
  }

  /// `name usage`, as shown by `help` and in usage errors.
  public var synopsis: String { usage.isEmpty ? name : "\(name) \(usage)" }
}

/// The arguments of one invocation after options are separated from positionals.
public struct ParsedArguments: Sendable, Equatable {
  public var positionals: [String] = []
  public var flags: Set<String> = []
  public var values: [String: String] = [:]

  public init(positionals: [String] = [], flags: Set<String> = [], values: [String: String] = [:]) {
    self.positionals = positionals
    self.flags = flags
    self.values = values
  }

  public func has(_ flag: String) -> Bool { flags.contains(flag) }
  public func value(_ option: String) -> String? { values[option] }
}
