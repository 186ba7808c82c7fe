import Foundation
import Testing

@testable import Store

@Suite struct ProgressStoreTests {
  @Test func positionsAndLastPosition() throws {
    let folder = TemporaryFolder()
    let store = try ProgressStore(folder: folder.path)

    #expect(try store.lastPosition() == nil)
    try store.recordPosition(lesson: "adam", step: 3)
    try store.recordPosition(lesson: "momentum", step: 2)
    try store.recordPosition(lesson: "adam", step: 4)

    #expect(try store.position(lesson: "adam") == 4)
    #expect(try store.position(lesson: "momentum") == 2)
    #expect(try store.position(lesson: "adamw") == nil)
    #expect(try store.lastPosition() == LessonPosition(lesson: "adam", step: 4))
    #expect(
      try store.positions() == [
        LessonPosition(lesson: "adam", step: 4), LessonPosition(lesson: "momentum", step: 2),
      ])
  }

  @Test func lastPositionIgnoresClockTies() throws {
    let folder = TemporaryFolder()
    let store = try ProgressStore(folder: folder.path)
    let instant = Date(timeIntervalSince1970: 1_800_000_000)

    try store.recordPosition(lesson: "b", step: 1, at: instant)
    try store.recordPosition(lesson: "a", step: 1, at: instant)

    #expect(try store.lastPosition()?.lesson == "a")
  }

  @Test func stepZeroRejected() throws {
    let folder = TemporaryFolder()
    let store = try ProgressStore(folder: folder.path)

    #expect(throws: StoreError.invalidArgument("step must be 1 or more, got 0 for lesson 'adam'")) {
      try store.recordPosition(lesson: "adam", step: 0)
    }
  }

  @Test func checksKeepEveryAttempt() throws {
    let folder = TemporaryFolder()
    let store = try ProgressStore(folder: folder.path)
    let first = Date(timeIntervalSince1970: 1_800_000_000.25)
    let second = Date(timeIntervalSince1970: 1_800_000_060.5)

    try store.recordCheck(
      exercise: "adam", passed: false, diagnosis: "missing-bias-correction",
      message: "step 1: m_hat differs", at: first)
    try store.recordCheck(exercise: "adam", passed: true, at: second)
    let checks = try store.checks(exercise: "adam")

    #expect(checks.count == 2)
    #expect(
      checks.first
        == CheckRecord(
          exercise: "adam", passed: false, diagnosis: "missing-bias-correction",
          message: "step 1: m_hat differs", at: first))
    #expect(checks.last?.passed == true)
    #expect(checks.last?.diagnosis == nil)
    #expect(checks.last?.at == second)
    #expect(try store.hasPassed(exercise: "adam"))
    #expect(try !store.hasPassed(exercise: "sgd"))
    #expect(try store.checks(exercise: "sgd").isEmpty)
  }

  @Test func hintsAndSolutions() throws {
    let folder = TemporaryFolder()
    let store = try ProgressStore(folder: folder.path)

    #expect(try store.hintsUsed(exercise: "momentum") == 0)
    #expect(try store.recordHint(exercise: "momentum") == 1)
    #expect(try store.recordHint(exercise: "momentum") == 2)
    #expect(try store.recordHint(exercise: "adam") == 1)
    #expect(try store.hintsUsed(exercise: "momentum") == 2)

    #expect(try !store.hasViewedSolution(exercise: "momentum"))
    try store.recordSolutionViewed(exercise: "momentum")
    try store.recordSolutionViewed(exercise: "momentum")
    #expect(try store.hasViewedSolution(exercise: "momentum"))
  }

  @Test func exerciseProgressSummary() throws {
    let folder = TemporaryFolder()
    let store = try ProgressStore(folder: folder.path)
    try store.recordCheck(exercise: "sgd", passed: false)
    try store.recordCheck(exercise: "sgd", passed: true)
    try store.recordHint(exercise: "adam")
    try store.recordSolutionViewed(exercise: "adam")

    let summary = try store.exerciseProgress()

    #expect(summary.map(\.exercise) == ["adam", "sgd"])
    #expect(summary[0].checks == 0)
    #expect(summary[0].hintsUsed == 1)
    #expect(summary[0].solutionViewed)
    #expect(!summary[0].passed)
    #expect(summary[1].checks == 2)
    #expect(summary[1].passed)
    #expect(summary[1].lastCheckedAt != nil)
  }

  @Test func reopenKeepsProgress() throws {
    let folder = TemporaryFolder()
    do {
      let store = try ProgressStore(folder: folder.path)
      try store.recordPosition(lesson: "adam", step: 5)
      try store.recordHint(exercise: "adam")
    }
    let reopened = try ProgressStore(folder: folder.path)

    #expect(reopened.recovery == nil)
    #expect(try reopened.lastPosition() == LessonPosition(lesson: "adam", step: 5))
    #expect(try reopened.hintsUsed(exercise: "adam") == 1)
  }

  @Test func newFileUsesWALAndLatestSchema() throws {
    let folder = TemporaryFolder()
    let store = try ProgressStore(folder: folder.path + "/nested/data")

    #expect(store.path == folder.path + "/nested/data/progress.sqlite")
    #expect(try store.database.firstRow("PRAGMA journal_mode")?.string(0) == "wal")
    #expect(try store.database.userVersion() == Schema.latestVersion)
    #expect(
      try store.database.firstRow("PRAGMA application_id")?.int(0) == Int(Schema.applicationID))
  }

  @Test func dataFolderResolution() throws {
    #expect(
      try DataFolder.resolve(override: "/tmp/d", environment: ["XDG_DATA_HOME": "/x"]) == "/tmp/d")
    #expect(
      try DataFolder.resolve(override: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"])
        == "/x/optimlings")
    #expect(
      try DataFolder.resolve(override: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"])
        == "/h/.local/share/optimlings")
    #expect(
      try DataFolder.resolve(override: "", environment: ["XDG_DATA_HOME": "", "HOME": "/h/"])
        == "/h/.local/share/optimlings")
    #expect(throws: StoreError.self) {
      try DataFolder.resolve(override: nil, environment: [:])
    }
  }

  @Test func dataFolderThatIsAFile() throws {
    let folder = TemporaryFolder()
    _ = FileManager.default.createFile(atPath: folder.file("data"), contents: Data("x".utf8))

    #expect(throws: StoreError.self) { try ProgressStore(folder: folder.file("data")) }
  }
}
