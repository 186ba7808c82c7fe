import Foundation
import Testing

/// `optimlings` reading commands from a pipe, as a script.
@Suite struct REPLScriptTests {
  @Test func scriptRunsWithoutPrompts() throws {
    let sandbox = Sandbox()

    let result = try sandbox.runScript(
      """
      # a comment line, then a blank line

      next
      n
      where
      progress --json
      """)

    #expect(result.status == 0)
    #expect(!result.output.contains("optimlings>"))
    #expect(!result.output.contains("Welcome"))
    #expect(result.output.contains("Lesson momentum (Momentum), step 2 of 3."))
    #expect(result.output.contains(#""step" : 2"#))
    #expect(result.errors.isEmpty)
  }

  @Test func openedStepIsCurrentPosition() throws {
    let sandbox = Sandbox()

    let result = try sandbox.runScript("open momentum --step 2\nwhere\n")

    #expect(result.status == 0)
    #expect(result.output.contains("Lesson momentum (Momentum), step 2 of 3."))
  }

  @Test func failingCommandMakesStatusNonZero() throws {
    let sandbox = Sandbox()

    let result = try sandbox.runScript("progres\nwhere\n")

    #expect(result.status == 2)
    #expect(result.errors.contains("did you mean 'progress'?"))
    #expect(result.output.contains("No lesson is open"))
  }

  @Test func quitStopsTheScript() throws {
    let sandbox = Sandbox()

    let result = try sandbox.runScript("quit\nbogus\n")

    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
  }

  @Test func unterminatedQuoteIsUsageError() throws {
    let sandbox = Sandbox()

    let result = try sandbox.runScript("open 'momentum\n")

    #expect(result.status == 2)
    #expect(result.errors.contains("unterminated ' quote"))
  }

  @Test func corruptStoreMovedAsideWithNote() throws {
    let sandbox = Sandbox()
    try FileManager.default.createDirectory(atPath: sandbox.data, withIntermediateDirectories: true)
    #expect(
      FileManager.default.createFile(
        atPath: sandbox.data + "/progress.sqlite", contents: Data("not sqlite".utf8)))

    let result = try sandbox.runScript("next\n")

    #expect(result.status == 0)
    #expect(result.errors.contains("could not be used"))
    #expect(result.errors.contains(sandbox.data + "/progress.sqlite.unusable-"))
    let names = try FileManager.default.contentsOfDirectory(atPath: sandbox.data)
    #expect(names.contains { $0.hasPrefix("progress.sqlite.unusable-") })
  }

  @Test func progressFromTheCLI() throws {
    let sandbox = Sandbox()
    _ = try sandbox.runScript("next\nnext\nnext\n")

    let result = try sandbox.runScript("", arguments: sandbox.globalArguments + ["progress"])

    #expect(result.status == 0)
    #expect(result.output.contains("momentum"))
    #expect(result.output.contains("step 3 of 3"))
    #expect(result.output.contains("adam"))
    #expect(result.output.contains("not started"))
  }
}
