enum QuitCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "quit", aliases: ["exit"], summary: "Leave the REPL (Ctrl-D on an empty line does too).",
    isREPLOnly: true
  ) { _, context in
    context.quitRequested = true
    return .success
  }
}
