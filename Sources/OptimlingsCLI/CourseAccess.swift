import Lessons

extension CommandContext {
  /// The lessons of the lessons folder in reading order, with their step counts and
  /// exercises; an unreadable folder gives no lessons. Problem files are not reported here
  /// because `list` and `open` already report them.
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
