import Store

/// Everything a command may use while it runs: the console, the global options and the
/// learner's position, which the REPL keeps between commands.
public final class CommandContext: @unchecked Sendable {
  public var console: Console
  public var globals: GlobalOptions
  /// The environment the process started with, for `EDITOR`, `XDG_DATA_HOME` and the like.
  public let environment: [String: String]
  /// True inside the REPL; commands such as `next` refuse to run outside it.
  public let isInteractive: Bool
  public var session: Session
  /// Set by Ctrl-C in the REPL; long-running commands poll it and stop their children.
  public let cancellation = Cancellation()
  /// Set by `quit`; the REPL exits after the command returns.
  public var quitRequested = false
  /// The progress store opened by ``progressStore()``, with the folder it was opened in.
  var openedStore: (folder: String, store: ProgressStore)?

  public init(
    console: Console, globals: GlobalOptions = GlobalOptions(),
    environment: [String: String] = [:], isInteractive: Bool = false,
    session: Session = Session()
  ) {
    self.console = console
    self.globals = globals
    self.environment = environment
    self.isInteractive = isInteractive
    self.session = session
  }
}

/// The learner's current position in the REPL.
public struct Session: Sendable, Equatable {
  public var lessonID: String?
  /// The 1-based step within the current lesson.
  public var step: Int = 1
  public var exerciseID: String?

  public init(lessonID: String? = nil, step: Int = 1, exerciseID: String? = nil) {
    self.lessonID = lessonID
    self.step = step
    self.exerciseID = exerciseID
  }
}
