/// Runs one command line and renders any error in one place.
public enum Workbook {
  /// Parses and runs `words` against `context`, returning the exit status.
  ///
  /// Errors from commands are written to the console's error stream as a single line.
  public static func run(
    _ words: [String], context: CommandContext, table: CommandTable = .standard
  ) -> ExitStatus {
    do {
      let invocation = try CommandParser(table: table).parse(words, globals: context.globals)
      context.globals = invocation.globals
      if invocation.command.isREPLOnly && !context.isInteractive {
        throw CommandError.usage(
          "'\(invocation.command.name)' works only inside the REPL; start it with `optimlings`")
      }
      return try invocation.command.run(invocation.arguments, context)
    } catch let error as CommandError {
      context.console.printError("error: \(error.message)")
      return error.status
    } catch {
      context.console.printError("error: \(error)")
      return .failure
    }
  }
}
