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

  @Test(arguments: lessonFiles())
  func everyCellRuns(file: String) throws {
    let lesson = try LessonLibrary.loadFile(Self.lessonsFolder.appendingPathComponent(file).path)
    for cell in lesson.runnableCells {
      do {
        let run = try CellExecutor.run(
          cell, environment: CellEnvironment(cache: nil, dataDirectory: nil))
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
