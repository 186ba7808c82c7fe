import Lessons

extension CommandContext {
  /// Loads the lessons folder and returns its lessons in reading order, with step counts
  /// and exercises. An unreadable folder gives no lessons. Problem files are not reported
  /// here because `list` and `open` already report them.
  func courseLessons() throws(CommandError) -> [CourseLesson] {
    let directory = LessonsFolder.path(for: globals)
    guard let library = try? LessonLibrary.load(directory: directory) else { return [] }
    return library.lessons.map(CourseLesson.init(lesson:))
  }
}

extension CourseLesson {
  init(lesson: Lesson) {
    self.init(
      id: lesson.id, title: lesson.title, stepCount: lesson.steps.count,
      exercises: lesson.exercises)
  }
}
