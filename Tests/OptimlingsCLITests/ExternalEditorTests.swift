import Foundation
import Testing

@testable import OptimlingsCLI

@Suite struct ExternalEditorTests {
  @Test func visualBeforeEditor() {
    #expect(ExternalEditor.command(environment: ["VISUAL": "nano", "EDITOR": "ed"]) == "nano")
    #expect(ExternalEditor.command(environment: ["VISUAL": " ", "EDITOR": "ed"]) == "ed")
    #expect(ExternalEditor.command(environment: [:]) == "vi")
  }

  @Test func editorGetsPathAsOneArgument() throws {
    let folder = NSTemporaryDirectory() + "/optimlings editor \(getpid())"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/it's adam.swift"

    let status = try ExternalEditor.run(
      "printf 'edited' >", path: path, environment: ["PATH": "/usr/bin:/bin"])

    #expect(status == 0)
    #expect(FileManager.default.contents(atPath: path) == Data("edited".utf8))
  }

  @Test func failingEditorStatus() throws {
    #expect(try ExternalEditor.run("exit 3; :", path: "x", environment: [:]) == 3)
  }
}
