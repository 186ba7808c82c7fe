import Exercises
import Foundation
import Lessons
import Testing

@testable import Cells

/// Runs every cell of every lesson in the repository's `lessons/` folder; each must succeed.
@Suite struct LessonContentTests {
  static let lessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons")

  /// Lists the lesson files relative to `lessons/`, so a failure names its lesson.
  static func lessonFiles() -> [String] {
    guard let library = try? LessonLibrary.load(directory: lessonsFolder.path) else { return [] }
    return library.lessons.compactMap(\.path).map {
      String($0.dropFirst(lessonsFolder.path.count + 1))
    }
  }

  /// Creates a data folder whose workspace holds the reference solution of every exercise, so
  /// Swift cells that use the learner's code run against a correct implementation. It stays
  /// between runs because its support-module cache takes a minute to build.
  static func solvedDataFolder() throws -> URL {
    let data = FileManager.default.temporaryDirectory
      .appendingPathComponent("optimlings-cells-content-tests")
    let workspace = Workspace(dataDirectory: data)
    try workspace.prepare()
    for exercise in ExerciseCatalog.all {
      try exercise.source(.solution).write(
        to: workspace.file(for: exercise), atomically: true, encoding: .utf8)
    }
    return data
  }

  @Test(arguments: lessonFiles())
  func everyCellRuns(file: String) throws {
    let lesson = try LessonLibrary.loadFile(Self.lessonsFolder.appendingPathComponent(file).path)
    let cells = lesson.runnableCells
    let data = cells.contains { $0.kind == .swift } ? try Self.solvedDataFolder() : nil
    for cell in cells {
      do {
        let run = try CellExecutor.run(
          cell, environment: CellEnvironment(cache: nil, dataDirectory: data))
        #expect(!run.output.figures.isEmpty || !run.output.lines.isEmpty)
        for figure in run.output.figures {
          let hasPoints = figure.series.contains { !$0.x.isEmpty }
          #expect(hasPoints, "cell \(cell.number) of \(file) drew an empty figure")
        }
      } catch {
        Issue.record("cell \(cell.number) of \(file) (line \(cell.block.line)) failed: \(error)")
      }
    }
  }
}
