/// Turns words into a command and its arguments, for both the CLI and REPL lines.
public struct CommandParser: Sendable {
  public let table: CommandTable

  public init(table: CommandTable) {
    self.table = table
  }

  /// A parsed command line: which command, its arguments and the global options.
  public struct Invocation: Sendable {
    public var command: CommandSpec
    public var arguments: ParsedArguments
    public var globals: GlobalOptions
  }

  /// Words that ask for help in place of running the command they follow.
  static let helpFlags: Set<String> = ["--help", "-h"]

  /// Parses `words`, where the first word that is not a global option names the command.
  ///
  /// `--help` or `-h` alone, or after a command name, becomes the `help` command for that
  /// command, and `--version` alone prints the version, in the CLI and the REPL alike.
  ///
  /// - Throws: ``CommandError`` with status 2 for an unknown command or option, or an
  ///   option without its value; the message suggests the closest command.
  public func parse(_ words: [String], globals inherited: GlobalOptions = GlobalOptions())
    throws(CommandError) -> Invocation
  {
    let (globals, remaining) = try Self.separateGlobals(words, inherited: inherited)
    guard let name = remaining.first else {
      throw .usage("missing command; run `optimlings help` to see the commands")
    }
    if Self.helpFlags.contains(name) {
      return helpInvocation(topic: nil, globals: globals)
    }
    if name == "--version" {
      return Invocation(
        command: VersionCommand.spec, arguments: ParsedArguments(), globals: globals)
    }
    guard let command = table.command(named: name) else {
      throw .usage(table.unknownCommandMessage(name))
    }

    let words = Array(remaining.dropFirst())
    if requestsHelp(words, for: command) {
      return helpInvocation(topic: command.name, globals: globals)
    }
    let arguments = try parseArguments(words, for: command)
    return Invocation(command: command, arguments: arguments, globals: globals)
  }

  private func helpInvocation(topic: String?, globals: GlobalOptions) -> Invocation {
    let help = table.command(named: "help") ?? HelpCommand.spec
    let arguments = ParsedArguments(positionals: topic.map { [$0] } ?? [])
    return Invocation(command: help, arguments: arguments, globals: globals)
  }

  /// True when a help flag appears among the command's words, before any `--` and not as the
  /// value of one of its options, so `check --help` shows help even next to other mistakes.
  private func requestsHelp(_ words: [String], for command: CommandSpec) -> Bool {
    var index = 0
    while index < words.count {
      let word = words[index]
      if word == "--" { return false }
      if Self.helpFlags.contains(word) { return true }
      if command.valueOptions.contains(word) { index += 1 }
      index += 1
    }
    return false
  }

  /// Takes the global options out of `words`, wherever they are, and returns them with the
  /// words that remain, in order. `optimlings` starts the REPL when nothing remains.
  public static func separateGlobals(_ words: [String], inherited: GlobalOptions = GlobalOptions())
    throws(CommandError) -> (globals: GlobalOptions, remaining: [String])
  {
    var globals = inherited
    var remaining: [String] = []
    var index = 0
    while index < words.count {
      let word = words[index]
      let (option, inlineValue) = Self.splitOption(word)
      if GlobalOptions.valueOptions.contains(option) {
        let value = try Self.optionValue(option, inlineValue, words, &index)
        if option == "--lessons" { globals.lessonsDirectory = value }
        if option == "--data" { globals.dataDirectory = value }
      } else if GlobalOptions.flags.contains(word) {
        globals.trust = true
      } else {
        remaining.append(word)
      }
      index += 1
    }
    return (globals, remaining)
  }

  private func parseArguments(_ words: [String], for command: CommandSpec) throws(CommandError)
    -> ParsedArguments
  {
    var arguments = ParsedArguments()
    var index = 0
    var onlyPositionals = false
    while index < words.count {
      let word = words[index]
      if onlyPositionals || !word.hasPrefix("--") || word == "-" {
        arguments.positionals.append(word)
      } else if word == "--" {
        onlyPositionals = true
      } else {
        let (option, inlineValue) = Self.splitOption(word)
        if command.flags.contains(option) && inlineValue == nil {
          arguments.flags.insert(option)
        } else if command.valueOptions.contains(option) {
          arguments.values[option] = try Self.optionValue(option, inlineValue, words, &index)
        } else {
          let known = (command.flags + command.valueOptions).sorted()
          let list =
            known.isEmpty ? "it takes no options" : "it accepts \(known.joined(separator: ", "))"
          throw .usage("unknown option '\(word)' for '\(command.name)': \(list)")
        }
      }
      index += 1
    }
    return arguments
  }

  private static func splitOption(_ word: String) -> (String, String?) {
    guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
    return (String(word[..<equals]), String(word[word.index(after: equals)...]))
  }

  private static func optionValue(
    _ option: String, _ inlineValue: String?, _ words: [String], _ index: inout Int
  ) throws(CommandError) -> String {
    if let inlineValue { return inlineValue }
    guard index + 1 < words.count else {
      throw .usage("missing value for \(option)")
    }
    index += 1
    return words[index]
  }
}
