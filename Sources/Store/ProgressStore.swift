#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A position in one lesson: its id and the 1-based step.
public struct LessonPosition: Sendable, Equatable {
  public var lesson: String
  public var step: Int

  public init(lesson: String, step: Int) {
    self.lesson = lesson
    self.step = step
  }
}

/// One run of the checker on an exercise.
public struct CheckRecord: Sendable, Equatable {
  public var exercise: String
  public var passed: Bool
  /// The checker's short diagnosis code, such as `missing-bias-correction`; nil on a pass.
  public var diagnosis: String?
  /// The text the learner was shown.
  public var message: String?
  public var at: Date

  public init(exercise: String, passed: Bool, diagnosis: String?, message: String?, at: Date) {
    self.exercise = exercise
    self.passed = passed
    self.diagnosis = diagnosis
    self.message = message
    self.at = at
  }
}

/// Everything recorded about one exercise, for the `progress` report.
public struct ExerciseProgress: Sendable, Equatable {
  public var exercise: String
  public var checks: Int
  /// True when any check of the exercise passed.
  public var passed: Bool
  public var lastCheckedAt: Date?
  public var hintsUsed: Int
  public var solutionViewed: Bool

  public init(
    exercise: String, checks: Int, passed: Bool, lastCheckedAt: Date?, hintsUsed: Int,
    solutionViewed: Bool
  ) {
    self.exercise = exercise
    self.checks = checks
    self.passed = passed
    self.lastCheckedAt = lastCheckedAt
    self.hintsUsed = hintsUsed
    self.solutionViewed = solutionViewed
  }
}

/// The learner's progress in `progress.sqlite`: lesson positions, checks, hints and
/// viewed solutions.
///
/// Each `record…` method is one transaction that is committed before it returns, with
/// `synchronous = FULL` in WAL mode, so a killed process loses at most the call in flight.
/// Several processes may use one file at once: writers wait for each other through the
/// busy timeout, and read-then-write sequences run under `BEGIN IMMEDIATE`.
public final class ProgressStore {
  public static let fileName = "progress.sqlite"

  /// The connection, for features that keep their own tables in the same file through
  /// migrations in ``Schema/migrations``.
  public let database: Database
  /// Set when the file found at the path was unusable and was moved aside.
  public let recovery: MovedAside?

  public var path: String { database.path }

  /// Opens `progress.sqlite` in `folder`, creating the folder if needed.
  public convenience init(folder: String) throws {
    try DataFolder.create(folder)
    try self.init(path: DataFolder.join(folder, Self.fileName))
  }

  /// Opens or creates the database at `path` and migrates it to the latest schema.
  ///
  /// A file that is not an SQLite database, is damaged, or belongs to another program is
  /// renamed with a timestamp suffix (see ``MovedAside``) and a fresh database is started.
  ///
  /// - Throws: ``StoreError/newerSchema(path:version:supported:)`` for a file from a newer
  ///   Optimlings, which is left untouched. ``DatabaseError`` when the file cannot be
  ///   opened at all, for example for lack of permission.
  public init(
    path: String, migrations: [Migration] = Schema.migrations, now: () -> Date = Date.init
  ) throws {
    let opened = try DatabaseFile.open(path: path, migrations: migrations, now: now())
    self.database = opened.database
    self.recovery = opened.movedAside
  }

  // MARK: - Lesson positions

  /// Records that the learner is at `step` of `lesson`, which becomes the last position.
  public func recordPosition(lesson: String, step: Int, at date: Date = Date()) throws {
    guard step >= 1 else {
      throw StoreError.invalidArgument("step must be 1 or more, got \(step) for lesson '\(lesson)'")
    }
    try database.run(
      """
      INSERT INTO lesson_position (lesson, step, updated_at, visit)
      VALUES (?, ?, ?, (SELECT coalesce(max(visit), 0) + 1 FROM lesson_position))
      ON CONFLICT (lesson) DO UPDATE
      SET step = excluded.step, updated_at = excluded.updated_at, visit = excluded.visit
      """, .text(lesson), .int(step), .real(date.timeIntervalSince1970))
  }

  /// Returns the step last recorded for `lesson`, or nil when the learner never opened it.
  public func position(lesson: String) throws -> Int? {
    try database.firstRow("SELECT step FROM lesson_position WHERE lesson = ?", .text(lesson))?
      .int(0)
  }

  /// Returns the most recently recorded position in any lesson.
  public func lastPosition() throws -> LessonPosition? {
    let row = try database.firstRow(
      "SELECT lesson, step FROM lesson_position ORDER BY visit DESC LIMIT 1")
    return row.flatMap { row in
      guard let lesson = row.string(0), let step = row.int(1) else { return nil }
      return LessonPosition(lesson: lesson, step: step)
    }
  }

  /// Returns every lesson's position, most recent first.
  public func positions() throws -> [LessonPosition] {
    try database.rows("SELECT lesson, step FROM lesson_position ORDER BY visit DESC")
      .compactMap { row in
        guard let lesson = row.string(0), let step = row.int(1) else { return nil }
        return LessonPosition(lesson: lesson, step: step)
      }
  }

  // MARK: - Checks

  public func recordCheck(
    exercise: String, passed: Bool, diagnosis: String? = nil, message: String? = nil,
    at date: Date = Date()
  ) throws {
    try database.run(
      """
      INSERT INTO check_result (exercise, passed, diagnosis, message, checked_at)
      VALUES (?, ?, ?, ?, ?)
      """, .text(exercise), .bool(passed), .optionalText(diagnosis), .optionalText(message),
      .real(date.timeIntervalSince1970))
  }

  /// Returns every check of `exercise`, oldest first.
  public func checks(exercise: String) throws -> [CheckRecord] {
    try database.rows(
      """
      SELECT exercise, passed, diagnosis, message, checked_at FROM check_result
      WHERE exercise = ? ORDER BY id
      """, .text(exercise)
    ).map { row in
      CheckRecord(
        exercise: row.string(0) ?? exercise, passed: row.bool(1) ?? false,
        diagnosis: row.string(2), message: row.string(3),
        at: Date(timeIntervalSince1970: row.double(4) ?? 0))
    }
  }

  /// True when any check of `exercise` passed.
  public func hasPassed(exercise: String) throws -> Bool {
    try database.firstRow(
      "SELECT 1 FROM check_result WHERE exercise = ? AND passed = 1 LIMIT 1", .text(exercise))
      != nil
  }

  // MARK: - Hints and solutions

  /// Records one more hint for `exercise` and returns how many have been used, this one
  /// included.
  @discardableResult
  public func recordHint(exercise: String, at date: Date = Date()) throws -> Int {
    try database.transaction {
      try database.run(
        "INSERT INTO hint_use (exercise, used_at) VALUES (?, ?)", .text(exercise),
        .real(date.timeIntervalSince1970))
      return try hintsUsed(exercise: exercise)
    }
  }

  public func hintsUsed(exercise: String) throws -> Int {
    try database.firstRow("SELECT count(*) FROM hint_use WHERE exercise = ?", .text(exercise))?
      .int(0) ?? 0
  }

  /// Records that the learner looked at the solution; the first time is kept.
  public func recordSolutionViewed(exercise: String, at date: Date = Date()) throws {
    try database.run(
      "INSERT OR IGNORE INTO solution_view (exercise, viewed_at) VALUES (?, ?)", .text(exercise),
      .real(date.timeIntervalSince1970))
  }

  public func hasViewedSolution(exercise: String) throws -> Bool {
    try database.firstRow("SELECT 1 FROM solution_view WHERE exercise = ?", .text(exercise)) != nil
  }

  // MARK: - Reports

  /// Summarizes every exercise with any check, hint or viewed solution, by exercise id.
  public func exerciseProgress() throws -> [ExerciseProgress] {
    let rows = try database.rows(
      """
      WITH ids (exercise) AS (
        SELECT exercise FROM check_result
        UNION SELECT exercise FROM hint_use
        UNION SELECT exercise FROM solution_view
      )
      SELECT ids.exercise,
        (SELECT count(*) FROM check_result c WHERE c.exercise = ids.exercise),
        (SELECT coalesce(max(passed), 0) FROM check_result c WHERE c.exercise = ids.exercise),
        (SELECT max(checked_at) FROM check_result c WHERE c.exercise = ids.exercise),
        (SELECT count(*) FROM hint_use h WHERE h.exercise = ids.exercise),
        EXISTS (SELECT 1 FROM solution_view s WHERE s.exercise = ids.exercise)
      FROM ids ORDER BY ids.exercise
      """)
    return rows.map { row in
      ExerciseProgress(
        exercise: row.string(0) ?? "", checks: row.int(1) ?? 0, passed: row.bool(2) ?? false,
        lastCheckedAt: row.double(3).map(Date.init(timeIntervalSince1970:)),
        hintsUsed: row.int(4) ?? 0, solutionViewed: row.bool(5) ?? false)
    }
  }
}
