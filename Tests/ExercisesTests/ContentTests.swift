import Exercises
import Foundation
import Testing

@Suite("Exercise content")
struct ContentTests {
  @Test("template reports not implemented", arguments: ExerciseCatalog.ids)
  func templateNotImplemented(id: String) throws {
    let exercise = try #require(ExerciseCatalog.exercise(id: id))
    let verdict = try TestCache.check(id, source: try exercise.source(.template))
    #expect(verdict.kind == .notImplemented, "\(verdict.message)")
    #expect(verdict.message.contains("not implemented yet"))
  }

  @Test("solution passes", arguments: ExerciseCatalog.ids)
  func solutionPasses(id: String) throws {
    let exercise = try #require(ExerciseCatalog.exercise(id: id))
    let verdict = try TestCache.check(id, source: try exercise.source(.solution))
    #expect(verdict.kind == .passed, "\(verdict.message)")
    #expect(verdict.diagnosis == nil)
  }

  @Test("hints and lesson present", arguments: ExerciseCatalog.all)
  func hintsAndLesson(exercise: Exercise) {
    #expect(exercise.hints.count >= 3)
    #expect(!exercise.lessonID.isEmpty)
    #expect(Set(exercise.hints).count == exercise.hints.count)
  }

  @Test("twelve exercises with the agreed ids")
  func agreedIDs() {
    #expect(
      ExerciseCatalog.ids == [
        "gradient-descent", "momentum", "adagrad", "rmsprop", "bias-correction", "adam", "adamw",
        "amsgrad", "lr-schedule", "clipping", "checkpoint", "sharded-adam",
      ])
  }
}
