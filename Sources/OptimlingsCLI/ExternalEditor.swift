#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The learner's text editor, run in the foreground on the terminal.
public enum ExternalEditor {
  /// Chooses the editor command: `VISUAL`, else `EDITOR`, else `vi`. The value is a shell
  /// command, so `code --wait` works.
  public static func command(environment: [String: String]) -> String {
    for name in ["VISUAL", "EDITOR"] {
      if let value = environment[name], !value.trimmingBlanks().isEmpty { return value }
    }
    return "vi"
  }

  /// Runs `command` on `path` through `/bin/sh` and waits for it to exit.
  ///
  /// The editor stays in the REPL's process group, so it owns the terminal. The path is
  /// passed as `$1`, never spliced into the command text, so spaces and quotes in it are
  /// safe.
  ///
  /// - Returns: the exit status, or 128 plus the signal number when a signal ended it.
  public static func run(_ command: String, path: String, environment: [String: String])
    throws(CommandError) -> Int32
  {
    let arguments = ["/bin/sh", "-c", command + " \"$1\"", "sh", path]
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var child: pid_t = 0
    let code = posix_spawn(&child, "/bin/sh", nil, nil, argv, envp)
    guard code == 0 else {
      throw CommandError(
        .failure, "cannot start the editor '\(command)': \(String(cString: strerror(code)))")
    }
    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 {
      guard errno == EINTR else {
        throw CommandError(.failure, "lost track of the editor '\(command)'")
      }
    }
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }
}

extension String {
  fileprivate func trimmingBlanks() -> String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return String(text)
  }
}
