import Foundation
import Testing

@testable import Lessons

@Suite struct LessonLibraryTests {
  @Test func ordersByFrontMatterThenName() throws {
    let folder = try TemporaryFolder()
    try folder.write("b-notes.md", "# B notes\n\ntext\n")
    try folder.write("a-notes.md", "# A notes\n\ntext\n")
    try folder.write("core/adam.md", "---\nid: adam\norder: 80\n---\n# Adam\n\ntext\n")
    try folder.write("core/momentum.md", "---\nid: momentum\norder: 50\n---\n# Momentum\n\ntext\n")
    try folder.write("images/plot.png", Data([0x89, 0x50, 0x4E, 0x47, 0]))
    try folder.write(".obsidian/workspace.md", "# hidden\n")

    let library = try LessonLibrary.load(directory: folder.path)

    #expect(library.lessons.map(\.id) == ["momentum", "adam", "a-notes", "b-notes"])
    #expect(library.diagnostics.isEmpty)
  }

  @Test func badFilesGetOneLineEachAndOthersLoad() throws {
    let folder = try TemporaryFolder()
    try folder.write("good.md", "# Good\n\ntext\n")
    try folder.write("binary.md", Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2]))
    try folder.write("empty.md", "")
    try FileManager.default.createSymbolicLink(
      atPath: (folder.path as NSString).appendingPathComponent("dangling.md"),
      withDestinationPath: "/nonexistent/optimlings-target.md")

    let library = try LessonLibrary.load(directory: folder.path)

    #expect(library.lessons.map(\.id) == ["good"])
    let lines = library.diagnostics.map(\.description)
    #expect(lines.count == 3, "\(lines)")
    #expect(lines.contains { $0.hasSuffix("binary.md: not a text file (contains NUL bytes)") })
    #expect(lines.contains { $0.hasSuffix("empty.md: has no content to show") })
    #expect(lines.contains { $0.contains("dangling.md") })
  }

  @Test(.enabled(if: getuid() != 0, "root reads files without read permission"))
  func unreadableFileIsReported() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("secret.md", "# Secret\n")
    try folder.write("open.md", "# Open\n\ntext\n")
    chmod(file, 0)

    let library = try LessonLibrary.load(directory: folder.path)

    #expect(library.lessons.map(\.id) == ["open"])
    #expect(library.diagnostics.map(\.path) == [file])
  }

  @Test func pipeIsNotRead() throws {
    let folder = try TemporaryFolder()
    let fifo = (folder.path as NSString).appendingPathComponent("pipe.md")
    #expect(mkfifo(fifo, 0o600) == 0)
    try folder.write("open.md", "# Open\n\ntext\n")

    let library = try LessonLibrary.load(directory: folder.path)

    #expect(library.lessons.map(\.id) == ["open"])
    #expect(library.diagnostics.map(\.message) == ["not a regular file"])
  }

  @Test func duplicateIDsAreRenamed() throws {
    let folder = try TemporaryFolder()
    try folder.write("one/adam.md", "# Adam one\n\ntext\n")
    try folder.write("two/adam.md", "# Adam two\n\ntext\n")

    let library = try LessonLibrary.load(directory: folder.path)

    #expect(library.lessons.map(\.id) == ["adam", "adam-2"])
    #expect(library.diagnostics.count == 1)
    #expect(library.diagnostics[0].message.contains("already used"))
  }

  @Test func missingFolderThrows() {
    #expect(throws: LessonLoadError.self) {
      try LessonLibrary.load(directory: "/nonexistent/optimlings-lessons")
    }
  }

  @Test func lookupByIDOrTitle() throws {
    let folder = try TemporaryFolder()
    try folder.write("08-adam.md", "---\nid: adam\ntitle: Adam\n---\ntext\n")
    let library = try LessonLibrary.load(directory: folder.path)

    #expect(library.lesson(named: "adam")?.id == "adam")
    #expect(library.lesson(named: "ADAM")?.id == "adam")
    #expect(library.lesson(named: "rmsprop") == nil)
  }
}
