extension CommandContext {
  /// The lessons of the lessons folder in reading order, with their step counts and
  /// exercises.
  // TODO: read the lessons folder through the Lessons library once it is on main; until then
  // the REPL knows lessons only from the positions in the progress store.
  func courseLessons() throws(CommandError) -> [CourseLesson] {
    []
  }
}
