import Store
import Testing

@testable import OptimlingsCLI

@Suite struct ReplTextTests {
  private let lessons = [
    CourseLesson(id: "optimization", title: "Optimization", stepCount: 3),
    CourseLesson(id: "adam", title: "Adam", stepCount: 7, exercises: ["adam"]),
  ]

  @Test func plainPrompt() {
    #expect(ReplText.prompt(session: Session(), stepCount: nil, color: false) == "optimlings> ")
    #expect(
      ReplText.prompt(session: Session(lessonID: "adam", step: 3), stepCount: 7, color: false)
        == "optimlings adam 3/7> ")
  }

  @Test func colouredPromptMarksEscapes() {
    let prompt = ReplText.prompt(
      session: Session(lessonID: "adam", step: 3), stepCount: 7, color: true)
    let visible = prompt.split(separator: "\u{1}", omittingEmptySubsequences: false)
      .enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()

    #expect(visible == "optimlings adam 3/7> ")
    #expect(prompt.hasSuffix("> "))
    #expect(!prompt.contains("\u{1}\u{1}"))
  }

  @Test func firstRunWelcome() {
    let text = ReplText.welcome(last: nil, lessons: lessons, unpassed: [])
    #expect(text.contains("Welcome to Optimlings"))
    #expect(text.contains("`next` to start lesson 1, 'Optimization'"))
  }

  @Test func laterRunSaysWhereAndWhatNext() {
    let text = ReplText.welcome(
      last: LessonPosition(lesson: "adam", step: 3), lessons: lessons, unpassed: ["adam"])
    #expect(text.contains("lesson 2 'Adam', step 3 of 7"))
    #expect(text.contains("exercise `adam` not yet passed"))
    #expect(text.contains("`next` for step 4"))
  }

  @Test func lastStepPointsAtNextLesson() {
    let text = ReplText.welcome(
      last: LessonPosition(lesson: "optimization", step: 3), lessons: lessons, unpassed: [])
    #expect(text.contains("Next: lesson 2 'Adam'"))
  }

  @Test func unknownLessonStillReported() {
    let text = ReplText.welcome(
      last: LessonPosition(lesson: "removed", step: 2), lessons: lessons, unpassed: [])
    #expect(text.contains("lesson removed, step 2"))
  }
}
