/// The one dispatch table: every command of the CLI and the REPL, looked up by name or alias.
public struct CommandTable: Sendable {
  public let commands: [CommandSpec]

  public init(commands: [CommandSpec]) {
    self.commands = commands
  }

  /// Every command the product ships. Add a new command here, once.
  public static let standard: CommandTable = CommandTable(commands: [
    HelpCommand.spec,
    BenchCommand.spec,
    ListCommand.spec,
    OpenCommand.spec,
    RunCommand.spec,
    TraceCommand.spec,
    DrillCommand.spec,
    CheckCommand.spec,
    HintCommand.spec,
    SolutionCommand.spec,
    ResetCommand.spec,
    WatchCommand.spec,
    ProgressCommand.spec,
    StepCommands.next,
    StepCommands.back,
    StepCommands.step,
    WhereCommand.spec,
    EditCommand.spec,
    QuitCommand.spec,
  ])

  public func command(named name: String) -> CommandSpec? {
    commands.first { $0.name == name || $0.aliases.contains(name) }
  }

  /// All names and aliases, for completion.
  public var allNames: [String] {
    commands.flatMap { [$0.name] + $0.aliases }.sorted()
  }

  /// The usage error for a name that is no command, with the closest command when one is near.
  func unknownCommandMessage(_ name: String) -> String {
    var message = "unknown command '\(name)'"
    if let suggestion = closestCommandName(to: name) {
      message += "; did you mean '\(suggestion)'?"
    } else {
      message += "."
    }
    return message + " Run `help` to see the commands."
  }

  /// The known name nearest to `name` by edit distance, if one is close enough to be a typo.
  public func closestCommandName(to name: String) -> String? {
    let candidates = commands.map(\.name)
    let scored = candidates.map { ($0, EditDistance.between(name, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let isPrefix = candidates.first { $0.hasPrefix(name) && !name.isEmpty }
    if let isPrefix { return isPrefix }
    return best.1 <= max(2, name.count / 3) ? best.0 : nil
  }
}

/// Levenshtein distance over characters.
public enum EditDistance {
  public static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
