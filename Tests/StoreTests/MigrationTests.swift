import Foundation
import Testing

@testable import Store

@Suite struct MigrationTests {
  /// A file as the first schema version left it, written without the migration code.
  private func writeVersion1(at path: String) throws {
    let database = try Database(path: path)
    try database.execute(
      """
      PRAGMA journal_mode = WAL;
      CREATE TABLE lesson_position (
        lesson TEXT PRIMARY KEY, step INTEGER NOT NULL CHECK (step >= 1),
        updated_at REAL NOT NULL);
      CREATE TABLE check_result (
        id INTEGER PRIMARY KEY, exercise TEXT NOT NULL,
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)), diagnosis TEXT, message TEXT,
        checked_at REAL NOT NULL);
      CREATE TABLE hint_count (exercise TEXT PRIMARY KEY, used INTEGER NOT NULL CHECK (used >= 0));
      CREATE TABLE solution_view (exercise TEXT PRIMARY KEY, viewed_at REAL NOT NULL);
      INSERT INTO lesson_position VALUES ('momentum', 4, 1800000100), ('adam', 2, 1800000200),
        ('sgd', 1, 1800000200);
      INSERT INTO check_result (exercise, passed, diagnosis, message, checked_at)
        VALUES ('adam', 0, 'wrong-epsilon', 'eps inside the root', 1800000300),
               ('adam', 1, NULL, NULL, 1800000400);
      INSERT INTO hint_count VALUES ('adam', 3), ('sgd', 0);
      INSERT INTO solution_view VALUES ('momentum', 1800000500);
      PRAGMA application_id = 1330664524;
      PRAGMA user_version = 1;
      """)
  }

  @Test func version1Upgrades() throws {
    let folder = TemporaryFolder()
    let path = folder.file("progress.sqlite")
    try writeVersion1(at: path)

    let store = try ProgressStore(path: path)

    #expect(store.recovery == nil)
    #expect(try store.database.userVersion() == Schema.latestVersion)
    #expect(try store.position(lesson: "momentum") == 4)
    #expect(try store.lastPosition() == LessonPosition(lesson: "sgd", step: 1))
    #expect(try store.positions().map(\.lesson) == ["sgd", "adam", "momentum"])
    #expect(try store.hintsUsed(exercise: "adam") == 3)
    #expect(try store.hintsUsed(exercise: "sgd") == 0)
    #expect(try store.recordHint(exercise: "adam") == 4)
    #expect(try store.hasViewedSolution(exercise: "momentum"))
    let checks = try store.checks(exercise: "adam")
    #expect(checks.map(\.passed) == [false, true])
    #expect(checks.first?.diagnosis == "wrong-epsilon")
    #expect(checks.first?.at == Date(timeIntervalSince1970: 1_800_000_300))

    try store.recordPosition(lesson: "momentum", step: 5)
    #expect(try store.lastPosition() == LessonPosition(lesson: "momentum", step: 5))
  }

  @Test func applicationIDMatchesSchema() {
    #expect(Schema.applicationID == 1_330_664_524)
  }

  @Test func migrationsAreContiguous() throws {
    try Migrator.validate(Schema.migrations)
    let gap = [Migration(version: 2, summary: "skips one", sql: "")]

    #expect(throws: StoreError.self) { try Migrator.validate(gap) }
  }

  @Test func failedMigrationRollsBack() throws {
    let folder = TemporaryFolder()
    let path = folder.file("progress.sqlite")
    let broken =
      Schema.migrations + [
        Migration(
          version: Schema.latestVersion + 1, summary: "broken",
          sql: "CREATE TABLE t (x); SELECT * FROM nowhere")
      ]
    _ = try ProgressStore(path: path)

    #expect(throws: DatabaseError.self) { try ProgressStore(path: path, migrations: broken) }
    let reopened = try ProgressStore(path: path)
    #expect(try reopened.database.userVersion() == Schema.latestVersion)
    #expect(try reopened.database.firstRow("SELECT 1 FROM sqlite_schema WHERE name = 't'") == nil)
  }
}
