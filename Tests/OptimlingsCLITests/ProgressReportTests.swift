import Foundation
import Store
import Testing

@testable import OptimlingsCLI

@Suite struct ProgressReportTests {
  private let course = [
    CourseLesson(id: "momentum", title: "Momentum", stepCount: 4, exercises: ["momentum"]),
    CourseLesson(id: "adam", title: "Adam", stepCount: 8, exercises: ["adam"]),
  ]

  private var report: ProgressReport {
    ProgressReport(
      lessons: course,
      positions: [
        LessonPosition(lesson: "adam", step: 2), LessonPosition(lesson: "old-lesson", step: 1),
      ],
      exercises: [
        ExerciseProgress(
          exercise: "adam", checks: 3, passed: true,
          lastCheckedAt: Date(timeIntervalSince1970: 1_800_000_000), hintsUsed: 1,
          solutionViewed: false),
        ExerciseProgress(
          exercise: "sgd", checks: 1, passed: false, lastCheckedAt: nil, hintsUsed: 0,
          solutionViewed: true),
      ])
  }

  @Test func rowsFollowCourseOrder() {
    #expect(report.lessons.map(\.id) == ["momentum", "adam", "old-lesson"])
    #expect(report.lessons[0].step == nil)
    #expect(report.lessons[1].step == 2)
    #expect(report.lessons[1].steps == 8)
    #expect(report.lessons[2].steps == nil)
    #expect(report.exercises.map(\.id) == ["momentum", "adam", "sgd"])
    #expect(report.exercises[1].lastChecked == "2027-01-15T08:00:00Z")
  }

  @Test func textHasBarPerRow() {
    let lines = report.lines(width: 80, unicode: true)
    #expect(
      lines.contains { $0.contains("adam") && $0.contains("step 2 of 8") && $0.contains("█") })
    let momentum = lines.first { $0.contains("momentum") }
    #expect(momentum?.contains("not started") == true)
    #expect(lines.contains("Exercises (1 of 3 passed)"))
    let sgd = lines.first { $0.contains("sgd") }
    #expect(sgd?.contains("solution viewed") == true)
    #expect(lines.allSatisfy { $0.count <= 80 })
  }

  @Test func jsonForScripts() throws {
    let json = try report.json()
    let decoded = try JSONDecoder().decode(ProgressReport.self, from: Data(json.utf8))
    #expect(decoded == report)
    #expect(json.contains(#""passed" : true"#))
  }

  @Test func emptyReport() {
    let empty = ProgressReport(lessons: [], positions: [], exercises: [])
    #expect(empty.lines(width: 80, unicode: true).first?.contains("No progress yet") == true)
  }

  @Test func barWidthsAndFractions() {
    #expect(ProgressBar.render(0.5, width: 4, unicode: false) == "##--")
    #expect(ProgressBar.render(1, width: 3, unicode: true) == "███")
    #expect(ProgressBar.render(0, width: 3, unicode: true) == "░░░")
    #expect(ProgressBar.render(0.5 + 1.0 / 16, width: 4, unicode: true) == "██▎░")
    #expect(ProgressBar.render(.nan, width: 2, unicode: false) == "--")
    #expect(ProgressBar.render(7, width: 2, unicode: false) == "##")
  }
}
