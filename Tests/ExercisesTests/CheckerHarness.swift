import Exercises
import Foundation

/// One cache folder per test run, so the support module is built once and shared by every
/// test that compiles a program.
enum TestCache {
  static let directory: URL = {
    let url = FileManager.default.temporaryDirectory.appending(
      path: "optimlings-checker-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  /// A fresh folder for one test's files.
  static func folder() -> URL {
    let url = directory.appending(path: "files-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func checker(wallTime: Double = 10) throws -> ExerciseChecker {
    try ExerciseChecker(
      cacheDirectory: directory.appending(path: "cache"),
      limits: ProcessLimits(wallTime: wallTime, memoryBytes: 1 << 30, outputBytes: 8 << 20))
  }

  /// Checks `source` as the learner's file for `exerciseID`.
  static func check(_ exerciseID: String, source: String, wallTime: Double = 10) throws -> Verdict {
    guard let exercise = ExerciseCatalog.exercise(id: exerciseID) else {
      throw CheckerError("no exercise \(exerciseID)")
    }
    let file = folder().appending(path: exercise.fileName)
    try source.write(to: file, atomically: true, encoding: .utf8)
    return try checker(wallTime: wallTime).check(exercise, file: file)
  }
}
