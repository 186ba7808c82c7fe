import Foundation
import Testing

@testable import Store

@Suite struct RecoveryTests {
  private let instant = Date(timeIntervalSince1970: 1_796_400_000)  // 2026-12-04T16:00:00Z

  @Test func garbageFileMovedAside() throws {
    let folder = TemporaryFolder()
    let path = folder.file("progress.sqlite")
    let garbage = Data("these are my notes, not a database\n".utf8)
    _ = FileManager.default.createFile(atPath: path, contents: garbage)

    let store = try ProgressStore(path: path, now: { instant })
    let recovery = try #require(store.recovery)

    #expect(recovery.movedTo == path + ".unusable-20261204T160000Z")
    #expect(recovery.reason.contains("not a database"))
    #expect(recovery.message.contains(recovery.movedTo))
    #expect(FileManager.default.contents(atPath: recovery.movedTo) == garbage)
    try store.recordPosition(lesson: "adam", step: 1)
    #expect(try store.lastPosition()?.lesson == "adam")
  }

  @Test func foreignDatabaseMovedAside() throws {
    let folder = TemporaryFolder()
    let path = folder.file("progress.sqlite")
    do {
      let other = try Database(path: path)
      try other.execute("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')")
    }

    let store = try ProgressStore(path: path, now: { instant })
    let recovery = try #require(store.recovery)
    let moved = try Database(path: recovery.movedTo)

    #expect(recovery.reason.contains("another program"))
    #expect(try moved.firstRow("SELECT name FROM recipes")?.string(0) == "soup")
    #expect(try moved.firstRow("PRAGMA journal_mode")?.string(0) == "delete")
    #expect(try store.database.userVersion() == Schema.latestVersion)
  }

  @Test func damagedPagesMovedAside() throws {
    let folder = TemporaryFolder()
    let path = folder.file("progress.sqlite")
    do {
      let store = try ProgressStore(path: path)
      let message = String(repeating: "diagnosis text ", count: 40)
      for index in 0..<200 {
        try store.recordCheck(exercise: "adam-\(index)", passed: false, message: message)
      }
    }
    let pageSize = 4096
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    try handle.seek(toOffset: UInt64(pageSize * 3))
    handle.write(Data(repeating: 0xA5, count: pageSize))
    try handle.close()

    let store = try ProgressStore(path: path, now: { instant })
    let recovery = try #require(store.recovery)

    #expect(FileManager.default.fileExists(atPath: recovery.movedTo))
    #expect(try store.checks(exercise: "adam-0").isEmpty)
  }

  @Test func secondRecoveryGetsOwnName() throws {
    let folder = TemporaryFolder()
    let path = folder.file("progress.sqlite")
    _ = FileManager.default.createFile(atPath: path, contents: Data("first".utf8))
    _ = try ProgressStore(path: path, now: { instant })
    try FileManager.default.removeItem(atPath: path)
    try? FileManager.default.removeItem(atPath: path + "-wal")
    try? FileManager.default.removeItem(atPath: path + "-shm")
    _ = FileManager.default.createFile(atPath: path, contents: Data("second".utf8))

    let store = try ProgressStore(path: path, now: { instant })

    #expect(store.recovery?.movedTo == path + ".unusable-20261204T160000Z-2")
    #expect(
      FileManager.default.contents(atPath: path + ".unusable-20261204T160000Z")
        == Data("first".utf8))
  }

  @Test func newerSchemaLeftUntouched() throws {
    let folder = TemporaryFolder()
    let path = folder.file("progress.sqlite")
    do {
      let store = try ProgressStore(path: path)
      try store.database.setUserVersion(Schema.latestVersion + 5)
    }

    #expect(
      throws: StoreError.newerSchema(
        path: path, version: Schema.latestVersion + 5, supported: Schema.latestVersion)
    ) {
      try ProgressStore(path: path)
    }
    #expect(folder.entries.filter { $0.contains("unusable") }.isEmpty)
  }

  @Test func unreadableFolderIsAnError() throws {
    let folder = TemporaryFolder()

    #expect(throws: DatabaseError.self) {
      try ProgressStore(path: folder.path + "/missing/progress.sqlite")
    }
  }
}
