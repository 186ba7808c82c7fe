import Exercises
import Foundation
import Testing

@Suite("File watcher")
struct FileWatcherTests {
  @Test("reports a save", arguments: [true, false])
  func reportsSave(usesNotifications: Bool) async throws {
    let file = TestCache.folder().appending(path: "adam.swift")
    try "let a = 1\n".write(to: file, atomically: true, encoding: .utf8)
    let watcher = FileWatcher(
      file: file, watchesInput: false, usesNotifications: usesNotifications)
    #expect(watcher.usesNotifications == usesNotifications)
    let waiting = Task.detached { watcher.wait(isCancelled: { false }) }
    // An editor-style save: write a new file, then rename it over the old one.
    let temporary = file.deletingLastPathComponent().appending(path: ".adam.swift.tmp")
    try "let a = 2\n".write(to: temporary, atomically: false, encoding: .utf8)
    #expect(rename(temporary.path, file.path) == 0)
    #expect(await waiting.value == .changed)
  }

  @Test("stops on cancellation")
  func stopsOnCancellation() {
    let file = TestCache.folder().appending(path: "adam.swift")
    #expect(FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8)))
    let watcher = FileWatcher(file: file, watchesInput: false)
    #expect(watcher.wait(isCancelled: { true }) == .cancelled)
  }
}
