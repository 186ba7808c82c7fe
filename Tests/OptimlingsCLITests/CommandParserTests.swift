import Testing

@testable import OptimlingsCLI

@Suite struct CommandParserTests {
  private let table = CommandTable(commands: [
    CommandSpec(
      name: "check", summary: "Check an exercise.", flags: ["--all", "--json"],
      valueOptions: ["--file"]
    ) { _, _ in .success },
    CommandSpec(name: "next", aliases: ["n"], summary: "Go forward.", isREPLOnly: true) { _, _ in
      .success
    },
  ])

  @Test func globalOptionsAnywhere() throws {
    let parser = CommandParser(table: table)
    let before = try parser.parse(["--lessons", "notes", "check", "adam"])
    let after = try parser.parse(["check", "adam", "--lessons=notes", "--trust"])

    #expect(before.globals.lessonsDirectory == "notes")
    #expect(after.globals.lessonsDirectory == "notes")
    #expect(after.globals.trust)
    #expect(before.arguments.positionals == ["adam"])
    #expect(after.arguments.positionals == ["adam"])
  }

  @Test func flagsAndValueOptions() throws {
    let invocation = try CommandParser(table: table).parse([
      "check", "adam", "--json", "--file", "my.swift",
    ])

    #expect(invocation.arguments.has("--json"))
    #expect(invocation.arguments.value("--file") == "my.swift")
    #expect(invocation.arguments.positionals == ["adam"])
  }

  @Test func aliasFindsCommand() throws {
    let invocation = try CommandParser(table: table).parse(["n"])
    #expect(invocation.command.name == "next")
  }

  @Test func unknownCommandSuggestsClosest() {
    #expect(throws: CommandError.self) { try CommandParser(table: table).parse(["chek"]) }
    do {
      _ = try CommandParser(table: table).parse(["chek"])
    } catch {
      #expect(error.status == .usage)
      #expect(error.message.contains("did you mean 'check'?"))
    }
  }

  @Test func unknownCommandWithoutSuggestion() {
    do {
      _ = try CommandParser(table: table).parse(["zzzzzz"])
      Issue.record("expected a usage error")
    } catch {
      #expect(error.message == "unknown command 'zzzzzz'. Run `help` to see the commands.")
    }
  }

  @Test func unknownOptionNamesAccepted() {
    do {
      _ = try CommandParser(table: table).parse(["check", "--verbose"])
      Issue.record("expected a usage error")
    } catch {
      #expect(error.status == .usage)
      #expect(error.message.contains("--verbose"))
      #expect(error.message.contains("--json"))
    }
  }

  @Test func missingOptionValue() {
    do {
      _ = try CommandParser(table: table).parse(["check", "--file"])
      Issue.record("expected a usage error")
    } catch {
      #expect(error.message == "missing value for --file")
    }
  }

  @Test func replOnlyCommandRejectedFromCLI() {
    let errors = LockedText()
    let console = Console(
      width: 80, usesColor: false, isTTY: false, write: { _ in },
      writeError: { errors.append($0) }, readLine: { nil })
    let status = Workbook.run(["next"], context: CommandContext(console: console), table: table)

    #expect(status == .usage)
    #expect(errors.text.contains("only inside the REPL"))
  }

  @Test func helpFlagsBecomeHelp() throws {
    let parser = CommandParser(table: table)
    for words in [["--help"], ["-h"], ["--trust", "-h"]] {
      let invocation = try parser.parse(words)
      #expect(invocation.command.name == "help", "\(words)")
      #expect(invocation.arguments.positionals.isEmpty, "\(words)")
    }
    for words in [["check", "--help"], ["check", "adam", "-h"], ["check", "--bogus", "-h"]] {
      let invocation = try parser.parse(words)
      #expect(invocation.command.name == "help", "\(words)")
      #expect(invocation.arguments.positionals == ["check"], "\(words)")
    }
  }

  @Test func helpFlagAsValueOrAfterDashes() throws {
    let parser = CommandParser(table: table)
    let asValue = try parser.parse(["check", "--file", "--help"])
    #expect(asValue.command.name == "check")
    #expect(asValue.arguments.value("--file") == "--help")
    let afterDashes = try parser.parse(["check", "--", "-h"])
    #expect(afterDashes.command.name == "check")
    #expect(afterDashes.arguments.positionals == ["-h"])
  }

  @Test(arguments: [["trace", "-h"], ["check", "--help"], ["help", "trace"]])
  func commandHelpExitsZero(words: [String]) {
    let (status, output, errors) = run(words)
    #expect(status == .success)
    #expect(output.hasPrefix("usage: \(words[0] == "help" ? "trace" : words[0])"), "\(output)")
    #expect(errors.isEmpty)
    for line in output.split(separator: "\n") where line.count > 80 {
      Issue.record("\(line.count) columns: \(line)")
    }
  }

  @Test(arguments: [["--help"], ["-h"]])
  func generalHelpExitsZero(words: [String]) {
    let (status, output, errors) = run(words)
    #expect(status == .success)
    #expect(output.hasPrefix("Commands:"))
    #expect(errors.isEmpty)
    for line in output.split(separator: "\n") where line.count > 80 {
      Issue.record("\(line.count) columns: \(line)")
    }
  }

  @Test func versionFlagPrintsVersion() {
    let (status, output, errors) = run(["--version"])
    #expect(status == .success)
    #expect(output == "optimlings \(OptimlingsVersion.current)\n")
    #expect(errors.isEmpty)
  }

  private func run(_ words: [String]) -> (OptimlingsCLI.ExitStatus, String, String) {
    let output = LockedText()
    let errors = LockedText()
    let console = Console(
      width: 80, usesColor: false, isTTY: false, write: { output.append($0) },
      writeError: { errors.append($0) }, readLine: { nil })
    let status = Workbook.run(words, context: CommandContext(console: console))
    return (status, output.text, errors.text)
  }

  @Test func editDistance() {
    #expect(EditDistance.between("kitten", "sitting") == 3)
    #expect(EditDistance.between("", "abc") == 3)
    #expect(EditDistance.between("adam", "adam") == 0)
  }
}
