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

  /// Parses `words`, where the first word that is not a global option names the command.
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
    guard let command = table.command(named: name) else {
      var message = "unknown command '\(name)'"
      if let suggestion = table.closestCommandName(to: name) {
        message += "; did you mean '\(suggestion)'?"
      } else {
        message += "."
      }
      message += " Run `help` to see the commands."
      throw .usage(message)
    }

    let arguments = try parseArguments(Array(remaining.dropFirst()), for: command)
    return Invocation(command: command, arguments: arguments, globals: globals)
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
