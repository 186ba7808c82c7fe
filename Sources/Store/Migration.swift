/// One forward step of the schema, from `version - 1` to `version`.
///
/// Versions are stored in `PRAGMA user_version`. Migrations only ever move forward, and a
/// released migration is never edited: a later change to the schema is a new migration.
public struct Migration: Sendable {
  public let version: Int
  /// A one-line description of the change, for error messages.
  public let summary: String
  public let apply: @Sendable (Database) throws -> Void

  public init(version: Int, summary: String, apply: @escaping @Sendable (Database) throws -> Void) {
    self.version = version
    self.summary = summary
    self.apply = apply
  }

  /// Creates a migration that runs `sql`, which may contain several statements.
  public init(version: Int, summary: String, sql: String) {
    self.init(version: version, summary: summary) { database in try database.execute(sql) }
  }
}

/// The schema of `progress.sqlite`: every migration, in version order.
public enum Schema {
  /// `PRAGMA application_id` of every file this program creates ("OPTL" in ASCII), which
  /// distinguishes an Optimlings database from another program's SQLite file.
  public static let applicationID: Int32 = 0x4F50_544C

  /// Every migration in order. Versions run 1, 2, 3, … without gaps. A feature that owns
  /// tables appends its migrations here from a file of its own in this module.
  public static let migrations: [Migration] = ProgressMigrations.all + DrillMigrations.all

  public static var latestVersion: Int { migrations.last?.version ?? 0 }
}

/// Failures of opening or upgrading a progress database that the learner must act on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file was written by a newer Optimlings with migrations this build does not have.
  case newerSchema(path: String, version: Int, supported: Int)
  /// The migration list skips or repeats a version; a programming error in this module.
  case invalidMigrations(String)
  /// The data folder could not be created or used.
  case folder(path: String, reason: String)
  /// A caller passed a value the schema cannot hold, such as step 0.
  case invalidArgument(String)

  public var description: String {
    switch self {
    case .newerSchema(let path, let version, let supported):
      return
        "\(path) has schema version \(version), but this Optimlings reads versions up to "
        + "\(supported); upgrade Optimlings, or pass --data DIR to use another folder"
    case .invalidMigrations(let reason):
      return "invalid migration list: \(reason)"
    case .invalidArgument(let reason):
      return reason
    case .folder(let path, let reason):
      return "cannot use the data folder \(path): \(reason); pass --data DIR to choose another"
    }
  }
}

enum Migrator {
  /// Applies every migration newer than the file's `user_version`, all in one
  /// `BEGIN IMMEDIATE` transaction.
  ///
  /// The version is read inside the transaction, so when two processes open a new file at
  /// once, the second waits for the first and then finds nothing left to do.
  ///
  /// - Returns: the version before and after.
  @discardableResult
  static func migrate(_ database: Database, migrations: [Migration]) throws -> (from: Int, to: Int)
  {
    try validate(migrations)
    let latest = migrations.last?.version ?? 0
    return try database.transaction {
      let current = try database.userVersion()
      guard current <= latest else {
        throw StoreError.newerSchema(path: database.path, version: current, supported: latest)
      }
      for migration in migrations where migration.version > current {
        try migration.apply(database)
        try database.setUserVersion(migration.version)
      }
      if current < latest {
        try database.execute("PRAGMA application_id = \(Schema.applicationID)")
      }
      return (current, latest)
    }
  }

  static func validate(_ migrations: [Migration]) throws {
    for (offset, migration) in migrations.enumerated() where migration.version != offset + 1 {
      throw StoreError.invalidMigrations(
        "migration '\(migration.summary)' has version \(migration.version), expected \(offset + 1)")
    }
  }
}
