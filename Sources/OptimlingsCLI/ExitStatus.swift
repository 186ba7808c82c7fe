/// The exit statuses every command uses, in the CLI and in piped REPL scripts.
public enum ExitStatus: Int32, Sendable {
  case success = 0
  /// The command ran but the outcome is negative, such as a failed check.
  case failure = 1
  /// The command line was invalid: unknown command, option or value.
  case usage = 2
}

/// A failure that a command reports to the learner as one message.
public struct CommandError: Error, Equatable, Sendable, CustomStringConvertible {
  public var status: ExitStatus
  public var message: String

  public init(_ status: ExitStatus, _ message: String) {
    self.status = status
    self.message = message
  }

  /// A usage error, exit status 2.
  public static func usage(_ message: String) -> CommandError { CommandError(.usage, message) }

  public var description: String { message }
}
