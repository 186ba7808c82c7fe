import Terminal

enum HelpCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "help", summary: "List the commands, or describe one.", usage: "[COMMAND]",
    completion: .command
  ) { arguments, context in
    let table = CommandTable.standard
    if let name = arguments.positionals.first {
      guard let command = table.command(named: name) else {
        throw CommandError.usage(table.unknownCommandMessage(name))
      }
      let width = context.console.width
      context.console.print(
        Wrapper.wrap("usage: \(command.synopsis)", width: width, continuationIndent: 7))
      context.console.print()
      context.console.print(Wrapper.wrap(command.summary, width: width))
      if !command.aliases.isEmpty {
        context.console.print("Short forms: \(command.aliases.joined(separator: ", "))")
      }
      return .success
    }

    context.console.print("Commands:")
    let visible = table.commands.filter { context.isInteractive || !$0.isREPLOnly }
    let nameWidth = visible.map(\.name.count).max() ?? 0
    for command in visible {
      let padding = String(repeating: " ", count: nameWidth - command.name.count)
      context.console.print(
        Wrapper.wrap(
          "  \(command.name)\(padding)  \(command.summary)", width: context.console.width,
          continuationIndent: nameWidth + 2))
    }
    context.console.print()
    context.console.print("Global options: --lessons DIR, --data DIR, --trust")
    context.console.print("Run `help COMMAND` or `COMMAND --help` for a command's arguments.")
    context.console.print("`--version` prints the version.")
    return .success
  }
}
