import OptimlingsCLI
import Store

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The interactive loop on a terminal, or a script read line by line from a pipe.
enum REPL {
  /// History file name in the data folder.
  static let historyFileName = "history"

  /// Runs until Ctrl-D, `quit` or the end of piped input and returns the exit status.
  ///
  /// On a terminal the status is 0. With piped input it is the highest status of any
  /// command, so a script with a failing command exits non-zero.
  static func run(globals: GlobalOptions, environment: [String: String]) -> Int32 {
    useUTF8Locale()
    let context = CommandContext(
      console: .standard(environment: environment), globals: globals, environment: environment,
      isInteractive: true)
    let session = ReplSession(context: context)

    guard isatty(STDIN_FILENO) == 1 else {
      return runScript(session)
    }
    return runInteractive(session, environment: environment)
  }

  private static func runScript(_ session: ReplSession) -> Int32 {
    var worst = ExitStatus.success
    _ = session.start()
    while !session.context.quitRequested, let line = Swift.readLine(strippingNewline: true) {
      session.context.console = .standard(environment: session.context.environment)
      if let status = session.run(line: line), status.rawValue > worst.rawValue {
        worst = status
      }
    }
    return worst.rawValue
  }

  private static func runInteractive(_ session: ReplSession, environment: [String: String])
    -> Int32
  {
    let context = session.context
    Signals.install(cancellation: context.cancellation)
    context.console.print(session.start())

    let historyPath = (try? context.dataFolder()).flatMap { folder -> String? in
      (try? DataFolder.create(folder)) == nil ? nil : folder + "/" + historyFileName
    }
    let editor = LineEditor(historyPath: historyPath) {
      session.completer(listDirectory: listDirectory)
    }

    while !context.quitRequested {
      switch editor.readLine(prompt: session.prompt(color: context.console.usesColor)) {
      case .endOfInput:
        context.console.print()
        return 0
      case .interrupted:
        continue
      case .line(let line):
        // The window may have been resized while the line was typed.
        context.console = .standard(environment: environment)
        context.console.readLine = { Signals.readLineOrInterrupt() }
        editor.remember(line)
        _ = session.run(line: line)
        if context.cancellation.isCancelled {
          context.console.printError("cancelled")
        }
      }
    }
    return 0
  }

  /// Sets `LC_CTYPE` from the environment, or to C.UTF-8 when that is not UTF-8, because
  /// libedit drops non-ASCII input in a locale without multibyte characters.
  private static func useUTF8Locale() {
    if setlocale(LC_CTYPE, "") != nil, let codeset = nl_langinfo(nl_item(CODESET)),
      String(cString: codeset) == "UTF-8"
    {
      return
    }
    if setlocale(LC_CTYPE, "C.UTF-8") == nil {
      _ = setlocale(LC_CTYPE, "en_US.UTF-8")
    }
  }
}

private func listDirectory(_ path: String) -> [DirectoryEntry]? {
  guard let directory = opendir(path) else { return nil }
  defer { closedir(directory) }
  var entries: [DirectoryEntry] = []
  while let entry = readdir(directory) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
      String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
    }
    if name == "." || name == ".." { continue }
    var status = stat()
    let full = path.hasSuffix("/") ? path + name : path + "/" + name
    let isDirectory = stat(full, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    entries.append(DirectoryEntry(name: name, isDirectory: isDirectory))
  }
  return entries
}
