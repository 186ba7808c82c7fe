/// The progress tables: lesson positions, checks, hints and viewed solutions.
///
/// Times are `REAL` seconds since 1970 (UTC).
enum ProgressMigrations {
  static let all: [Migration] = [version1, version2]

  static let version1 = Migration(
    version: 1, summary: "create lesson positions, checks, hint counts and viewed solutions",
    sql: """
      CREATE TABLE lesson_position (
        lesson TEXT PRIMARY KEY,
        step INTEGER NOT NULL CHECK (step >= 1),
        updated_at REAL NOT NULL
      );
      CREATE TABLE check_result (
        id INTEGER PRIMARY KEY,
        exercise TEXT NOT NULL,
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        diagnosis TEXT,
        message TEXT,
        checked_at REAL NOT NULL
      );
      CREATE TABLE hint_count (
        exercise TEXT PRIMARY KEY,
        used INTEGER NOT NULL CHECK (used >= 0)
      );
      CREATE TABLE solution_view (
        exercise TEXT PRIMARY KEY,
        viewed_at REAL NOT NULL
      );
      """)

  /// Orders positions by a visit counter instead of a timestamp, because two positions
  /// recorded within the clock's resolution made "last position" ambiguous. Also keeps each
  /// hint as an event with its time, and indexes checks by exercise.
  ///
  /// Existing positions get visits in timestamp order. Hints counted by version 1 become
  /// that many events whose time is unknown (`NULL`).
  static let version2 = Migration(
    version: 2, summary: "order positions by visit, log hints as events, index checks",
    sql: """
      ALTER TABLE lesson_position ADD COLUMN visit INTEGER NOT NULL DEFAULT 0;
      UPDATE lesson_position SET visit = (
        SELECT count(*) FROM lesson_position AS earlier
        WHERE earlier.updated_at < lesson_position.updated_at
           OR (earlier.updated_at = lesson_position.updated_at
               AND earlier.rowid <= lesson_position.rowid)
      );
      CREATE INDEX lesson_position_by_visit ON lesson_position (visit);

      CREATE TABLE hint_use (
        id INTEGER PRIMARY KEY,
        exercise TEXT NOT NULL,
        used_at REAL
      );
      WITH RECURSIVE expanded (exercise, remaining) AS (
        SELECT exercise, used FROM hint_count WHERE used > 0
        UNION ALL
        SELECT exercise, remaining - 1 FROM expanded WHERE remaining > 1
      )
      INSERT INTO hint_use (exercise, used_at) SELECT exercise, NULL FROM expanded;
      DROP TABLE hint_count;
      CREATE INDEX hint_use_by_exercise ON hint_use (exercise);

      CREATE INDEX check_result_by_exercise ON check_result (exercise, id);
      """)
}
