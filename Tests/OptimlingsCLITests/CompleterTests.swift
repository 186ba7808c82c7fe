import Testing

@testable import OptimlingsCLI

@Suite struct CompleterTests {
  private let table = CommandTable(commands: [
    CommandSpec(name: "check", summary: "", flags: ["--all"], completion: .exercise) { _, _ in
      .success
    },
    CommandSpec(name: "cheat", summary: "") { _, _ in .success },
    CommandSpec(name: "open", summary: "", completion: .lesson) { _, _ in .success },
    CommandSpec(name: "trace", summary: "", valueOptions: ["--file"], completion: .optimizer) {
      _, _ in .success
    },
    CommandSpec(name: "next", aliases: ["n"], summary: "", isREPLOnly: true) { _, _ in .success },
    CommandSpec(name: "help", summary: "", completion: .command) { _, _ in .success },
    CommandSpec(name: "mode", summary: "", completion: .words(["easy", "hard"])) { _, _ in
      .success
    },
  ])

  private var completer: Completer {
    Completer(
      table: table,
      sources: CompletionSources(
        lessonIDs: { ["adam", "adam-in-practice", "momentum"] },
        exerciseIDs: { ["adam", "adamw", "momentum"] },
        optimizerNames: ["SGD", "Adagrad", "RMSprop", "Adam", "AdamW"],
        listDirectory: { path in
          switch path {
          case ".":
            [
              .init(name: "notes.md", isDirectory: false),
              .init(name: "lessons", isDirectory: true), .init(name: ".hidden", isDirectory: false),
            ]
          case "lessons/": [.init(name: "adam.md", isDirectory: false)]
          case "/home/me/": [.init(name: "work", isDirectory: true)]
          default: nil
          }
        }, homeDirectory: "/home/me"))
  }

  @Test func uniqueCommandGetsSpace() {
    let completion = completer.complete("op")
    #expect(completion.word == "op")
    #expect(completion.replacement == "open ")
    #expect(completion.candidates == ["open"])
  }

  @Test func sharedPrefixExtends() {
    let completion = completer.complete("ch")
    #expect(completion.replacement == "che")
    #expect(completion.candidates == ["cheat", "check"])
  }

  @Test func ambiguousWordListsCandidates() {
    let completion = completer.complete("che")
    #expect(completion.replacement == nil)
    #expect(completion.candidates == ["cheat", "check"])
  }

  @Test func aliasesAreCommands() {
    #expect(completer.complete("").candidates.contains("n"))
  }

  @Test func lessonIDs() {
    #expect(completer.complete("open mo").replacement == "momentum ")
    #expect(completer.complete("open ad").replacement == "adam")
    #expect(completer.complete("open ad").candidates == ["adam", "adam-in-practice"])
  }

  @Test func exerciseIDsAfterGlobalOption() {
    let completion = completer.complete("--data /tmp/x check adamw")
    #expect(completion.replacement == "adamw ")
  }

  @Test func optimizerNamesIgnoreCase() {
    #expect(completer.complete("trace rms").replacement == "RMSprop ")
    #expect(completer.complete("trace a").candidates == ["Adagrad", "Adam", "AdamW"])
  }

  @Test func flagsOfTheCommand() {
    #expect(completer.complete("check --a").replacement == "--all ")
    #expect(completer.complete("check --").candidates.contains("--lessons"))
  }

  @Test func pathsForValueOptions() {
    #expect(completer.complete("trace --file no").replacement == "notes.md ")
    #expect(completer.complete("--lessons les").replacement == "lessons/")
    #expect(completer.complete("--lessons lessons/").replacement == "lessons/adam.md ")
    #expect(completer.complete("--lessons ~/w").replacement == "~/work/")
  }

  @Test func hiddenFilesOnlyWhenAsked() {
    #expect(!completer.complete("trace --file ").candidates.contains(".hidden"))
    #expect(completer.complete("trace --file .h").replacement == ".hidden ")
  }

  @Test func commandNamesForHelp() {
    #expect(completer.complete("help tr").replacement == "trace ")
  }

  @Test func fixedWords() {
    #expect(completer.complete("mode h").replacement == "hard ")
  }

  @Test func nothingForUnknownCommand() {
    let completion = completer.complete("bogus x")
    #expect(completion.replacement == nil)
    #expect(completion.candidates.isEmpty)
  }

  @Test func unicodeWordsKeepWholeCharacters() {
    let completion = completer.complete("open é")
    #expect(completion.word == "é")
    #expect(completion.candidates.isEmpty)
  }
}
