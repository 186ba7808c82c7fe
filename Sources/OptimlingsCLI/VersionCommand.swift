/// The release of the workbook, printed by `--version`.
public enum OptimlingsVersion {
  public static let current = "0.1.0"
}

/// Prints the version. The parser runs it for `--version`, so it is not in the command table.
enum VersionCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "--version", summary: "Print the version of optimlings."
  ) { _, context in
    context.console.print("optimlings \(OptimlingsVersion.current)")
    return .success
  }
}
