#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A database file that could not be used and was renamed, never deleted.
public struct MovedAside: Sendable, Equatable {
  public var originalPath: String
  /// The new name of the file. Its `-wal` and `-shm` companions, when present, were renamed
  /// to this name plus `-wal` and `-shm`, so SQLite can still open the set.
  public var movedTo: String
  /// The reason the file was unusable, such as `file is not a database`.
  public var reason: String

  /// One line for the learner.
  public var message: String {
    "\(originalPath) could not be used (\(reason)); moved it to \(movedTo) and started a "
      + "fresh progress database"
  }
}

/// Opens a progress database, setting WAL mode and migrating it, and moves aside a file
/// that is damaged or belongs to another program.
enum DatabaseFile {
  struct Opened {
    var database: Database
    var movedAside: MovedAside?
  }

  /// The reason an existing file cannot be used.
  private struct Unusable: Error {
    var reason: String
  }

  static func open(path: String, migrations: [Migration], now: Date) throws -> Opened {
    let identity = FileIdentity(path: path)
    do {
      return Opened(database: try configure(path: path, migrations: migrations))
    } catch let unusable as Unusable {
      // Another process may have moved the same file aside and started a fresh one since
      // this one opened it. Then the fresh file is used instead of being moved again.
      if let identity, FileIdentity(path: path) != identity {
        return Opened(database: try configure(path: path, migrations: migrations))
      }
      let movedTo = try moveAside(path: path, now: now)
      let database = try configure(path: path, migrations: migrations)
      let moved = MovedAside(originalPath: path, movedTo: movedTo, reason: unusable.reason)
      return Opened(database: database, movedAside: moved)
    }
  }

  /// Checks that the file is an Optimlings database (or empty), then sets WAL mode, full
  /// synchronous commits and the latest schema.
  ///
  /// - Throws: ``Unusable`` for a damaged or foreign file; other errors unchanged.
  private static func configure(path: String, migrations: [Migration]) throws -> Database {
    let database = try Database(path: path)
    do {
      // The owner is checked before anything is written, so another program's file is
      // never switched to WAL or migrated.
      // Both values come from one read transaction. Read separately, another process's
      // first migration could commit in between, and the file would look like a foreign
      // database (no application id yet, but tables).
      try database.execute("BEGIN")
      let applicationID: Int
      let objects: Int
      do {
        applicationID = try database.firstRow("PRAGMA application_id")?.int(0) ?? 0
        objects = try database.firstRow("SELECT count(*) FROM sqlite_schema")?.int(0) ?? 0
        try database.execute("COMMIT")
      } catch {
        try? database.execute("ROLLBACK")
        throw error
      }
      let isEmpty = applicationID == 0 && objects == 0
      guard applicationID == Int(Schema.applicationID) || isEmpty else {
        throw Unusable(reason: "it is an SQLite database of another program")
      }

      let mode = try database.firstRow("PRAGMA journal_mode = WAL")?.string(0)
      guard mode?.lowercased() == "wal" else {
        throw DatabaseError(
          code: 1, message: "cannot switch \(path) to WAL mode; SQLite kept '\(mode ?? "?")'")
      }
      try database.execute("PRAGMA synchronous = FULL")

      let check = try database.rows("PRAGMA quick_check").compactMap { $0.string(0) }
      guard check == ["ok"] else {
        throw Unusable(reason: "damaged: \(check.first ?? "quick_check failed")")
      }

      try Migrator.migrate(database, migrations: migrations)
      return database
    } catch let error as DatabaseError where error.isCorruption {
      throw Unusable(reason: error.message)
    }
  }

  /// Renames the file and its WAL companions to `<path>.unusable-<UTC time>`, adding a
  /// counter when that name is taken.
  ///
  /// - Returns: the new path of the main file.
  private static func moveAside(path: String, now: Date) throws -> String {
    let stamp = timestamp(now)
    var target = "\(path).unusable-\(stamp)"
    var counter = 2
    while access(target, F_OK) == 0 {
      target = "\(path).unusable-\(stamp)-\(counter)"
      counter += 1
    }
    for suffix in ["-wal", "-shm"] where access(path + suffix, F_OK) == 0 {
      guard rename(path + suffix, target + suffix) == 0 else {
        throw StoreError.folder(
          path: path, reason: "cannot rename \(path + suffix): \(String(cString: strerror(errno)))")
      }
    }
    guard rename(path, target) == 0 else {
      throw StoreError.folder(
        path: path, reason: "cannot rename \(path): \(String(cString: strerror(errno)))")
    }
    return target
  }

  /// `20261204T193848Z` for the given instant.
  static func timestamp(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ value: Int32, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1, 2) + pad(parts.tm_mday, 2) + "T"
      + pad(parts.tm_hour, 2) + pad(parts.tm_min, 2) + pad(parts.tm_sec, 2) + "Z"
  }
}

/// Device and inode of a file, to tell whether a path still names the same file.
private struct FileIdentity: Equatable {
  var device: UInt64
  var inode: UInt64

  init?(path: String) {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
  }
}
