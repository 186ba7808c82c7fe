import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real `optimlings` binary driven through a pseudo-terminal.
@Suite struct REPLTerminalTests {
  @Test func firstRunShowsWelcomeAndPrompt() throws {
    let sandbox = Sandbox()
    let terminal = try sandbox.startREPL()

    let screen = try terminal.waitFor("optimlings> ")
    #expect(screen.contains("Welcome to Optimlings"))
    #expect(screen.contains("lesson 1, 'Momentum'"))
  }

  @Test func colouredPromptKeepsCursorColumn() throws {
    let sandbox = Sandbox()
    var environment = sandbox.environment()
    environment.removeValue(forKey: "NO_COLOR")
    let terminal = try PseudoTerminal(arguments: sandbox.globalArguments, environment: environment)
    try terminal.waitFor("\u{1B}[0m> ")
    let start = terminal.output.count

    terminal.send("prog\t")

    // libedit redraws from the column after `optimlings> prog`, the 17th, which it computes
    // correctly only when the colour codes take no columns.
    let screen = try terminal.waitFor("ress ", after: start)
    #expect(screen.contains("\u{1B}[17G"))
    #expect(terminal.text.contains("\u{1B}[1;36moptimlings"))
  }

  @Test func tabCompletesCommand() throws {
    let sandbox = Sandbox()
    let terminal = try sandbox.startREPL()
    try terminal.waitFor("optimlings> ")
    let start = terminal.output.count

    terminal.send("prog\t--json\n")

    // Only `progress` accepts --json, so JSON output means Tab wrote the full name.
    let screen = try terminal.waitFor("\"lessons\"", after: start)
    #expect(screen.contains("prog"))
  }

  @Test func tabCompletesLessonID() throws {
    let sandbox = Sandbox()
    let terminal = try sandbox.startREPL()
    try terminal.waitFor("optimlings> ")
    let start = terminal.output.count

    terminal.send("open mom\t\n")

    // `open mom` alone is an unknown lesson, so the lesson shown means Tab completed the id.
    let screen = try terminal.waitFor("Momentum · step 1 of 3", after: start)
    #expect(!screen.contains("unknown lesson"))
  }

  @Test func historySurvivesRestart() throws {
    let sandbox = Sandbox()
    do {
      let first = try sandbox.startREPL()
      try first.waitFor("optimlings> ")
      first.send("where\n")
      try first.waitFor("No lesson is open")
      try first.waitFor("optimlings> ", after: first.matchEnd)
      first.send("\u{4}")
      #expect(try first.waitForExit() == 0)
    }
    var status = stat()
    #expect(stat(sandbox.data + "/history", &status) == 0)
    #expect(status.st_mode & 0o777 == 0o600)

    let second = try sandbox.startREPL()
    try second.waitFor("optimlings> ")
    let start = second.output.count
    second.send("\u{10}\n")  // Ctrl-P recalls the previous line.

    try second.waitFor("No lesson is open", after: start)
  }

  @Test func ctrlCClearsLineAndStays() throws {
    let sandbox = Sandbox()
    let terminal = try sandbox.startREPL()
    try terminal.waitFor("optimlings> ")
    let start = terminal.output.count

    terminal.send("progr")
    try terminal.waitFor("progr", after: start)
    terminal.send("\u{3}")
    try terminal.waitFor("^C\r\noptimlings> ", after: start)
    let afterInterrupt = terminal.output.count
    terminal.send("where\n")

    let screen = try terminal.waitFor("No lesson is open", after: afterInterrupt)
    #expect(!screen.contains("progrwhere"))
    try terminal.waitFor("optimlings> ", after: terminal.matchEnd)
    terminal.send("\u{4}")
    #expect(try terminal.waitForExit() == 0)
  }

  /// `drill` runs until the learner answers every question, polling the cancellation flag
  /// and waiting for input; Ctrl-C must end it and leave a working prompt.
  @Test func ctrlCStopsRunningCommand() throws {
    let sandbox = Sandbox()
    let terminal = try sandbox.startREPL()
    try terminal.waitFor("optimlings> ")
    terminal.send("drill\n")
    try terminal.waitFor("[1/", after: terminal.matchEnd)

    terminal.send("\u{3}")

    try terminal.waitFor("Reviewed 0 of", after: terminal.matchEnd)
    try terminal.waitFor("optimlings> ", after: terminal.matchEnd)
    terminal.send("where\n")
    try terminal.waitFor("No lesson is open", after: terminal.matchEnd)
    try terminal.waitFor("optimlings> ", after: terminal.matchEnd)
    terminal.send("\u{4}")
    #expect(try terminal.waitForExit() == 0)
  }

  /// `edit` runs the learner's editor on the workspace file, then the real checker (swiftc
  /// included), so this test takes seconds.
  @Test func editRunsEditorThenChecks() throws {
    let sandbox = Sandbox()
    let terminal = try sandbox.startREPL(["EDITOR": "printf '// edited in the test\\n' >>"])
    try terminal.waitFor("optimlings> ")

    terminal.send("edit gradient-descent\n")

    try terminal.waitFor("gradient-descent: not implemented yet", timeout: 300)
    let file = sandbox.data + "/workspace/Sources/gradient-descent/gradient-descent.swift"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.hasSuffix("// edited in the test\n"))
    try terminal.waitFor("optimlings> ", after: terminal.matchEnd)
  }

  /// `watch` checks the exercise with the real checker, then waits for the file to change
  /// until it is cancelled.
  @Test func ctrlCStopsWatch() throws {
    let sandbox = Sandbox()
    let terminal = try sandbox.startREPL()
    try terminal.waitFor("optimlings> ")
    terminal.send("watch gradient-descent\n")
    try terminal.waitFor("gradient-descent: not implemented yet", timeout: 300)

    terminal.send("\u{3}")

    try terminal.waitFor("Stopped watching gradient-descent", after: terminal.matchEnd)
    try terminal.waitFor("optimlings> ", after: terminal.matchEnd)
    terminal.send("where\n")
    try terminal.waitFor("Exercise gradient-descent", after: terminal.matchEnd)
  }

  @Test func utf8LineRoundTripsInCLocale() throws {
    let sandbox = Sandbox()
    let terminal = try sandbox.startREPL(["LANG": "C", "LC_ALL": "C"])
    try terminal.waitFor("optimlings> ")
    let start = terminal.output.count

    terminal.send("open θ-ünï✓\n")

    try terminal.waitFor("unknown lesson 'θ-ünï✓'", after: start)
  }

  @Test func ctrlDExitsWithZero() throws {
    let sandbox = Sandbox()
    let terminal = try sandbox.startREPL()
    try terminal.waitFor("optimlings> ")
    terminal.send("bogus\n")
    try terminal.waitFor("unknown command")
    try terminal.waitFor("optimlings> ", after: terminal.matchEnd)

    terminal.send("\u{4}")

    #expect(try terminal.waitForExit() == 0)
  }

  @Test func positionAndWelcomeBack() throws {
    let sandbox = Sandbox()
    do {
      let first = try sandbox.startREPL()
      try first.waitFor("optimlings> ")
      first.send("next\n")
      try first.waitFor("optimlings momentum 1/3> ")
      first.send("n\n")
      try first.waitFor("optimlings momentum 2/3> ")
      first.send("quit\n")
      #expect(try first.waitForExit() == 0)
    }

    let second = try sandbox.startREPL()
    let screen = try second.waitFor("optimlings momentum 2/3> ")
    #expect(screen.contains("lesson 1 'Momentum', step 2 of 3"))
    #expect(screen.contains("exercise `momentum` not yet passed"))
  }

  @Test func resizeRewrapsNextOutput() throws {
    let sandbox = Sandbox()
    let terminal = try sandbox.startREPL(columns: 100)
    try terminal.waitFor("optimlings> ")
    terminal.send("next\n")
    let wide = try terminal.waitFor("optimlings momentum 1/3> ")
    #expect(wide.contains(String(repeating: "─", count: 60)))

    terminal.resize(columns: 40, rows: 24)
    let start = terminal.output.count
    terminal.send("step 1\n")

    let narrow = try terminal.waitFor("optimlings momentum 1/3> ", after: start)
    let banner = try #require(narrow.split(separator: "\r\n").first { $0.contains("Momentum ·") })
    #expect(banner.count <= 40, "banner: \(banner.debugDescription)")
  }
}
