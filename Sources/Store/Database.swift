import CSQLite

/// A value SQLite stores in one column of one row.
public enum SQLValue: Sendable, Equatable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])

  public static func int(_ value: Int) -> SQLValue { .integer(Int64(value)) }
  public static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }
  public static func optionalText(_ value: String?) -> SQLValue {
    value.map(SQLValue.text) ?? .null
  }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByNilLiteral, ExpressibleByBooleanLiteral
{
  public init(stringLiteral value: String) { self = .text(value) }
  public init(integerLiteral value: Int64) { self = .integer(value) }
  public init(floatLiteral value: Double) { self = .real(value) }
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
}

/// An SQLite result code with SQLite's message and the statement that failed.
public struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The extended result code, such as `SQLITE_BUSY` or `SQLITE_CORRUPT`.
  public var code: Int32
  public var message: String
  public var sql: String?

  public init(code: Int32, message: String, sql: String? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
  }

  /// The primary result code, with the extended bits removed.
  public var primaryCode: Int32 { code & 0xff }

  /// True when the file is not a database or its pages are damaged.
  public var isCorruption: Bool { primaryCode == SQLITE_CORRUPT || primaryCode == SQLITE_NOTADB }

  public var description: String {
    guard let sql else { return "\(message) (SQLite code \(code))" }
    return "\(message) (SQLite code \(code)) in: \(sql)"
  }
}

/// One connection to an SQLite file.
///
/// Every connection waits up to ``busyTimeoutMilliseconds`` for another process's write
/// lock instead of failing with `SQLITE_BUSY`, so two processes can write to one file.
/// A connection is used from one thread at a time.
public final class Database {
  public let path: String
  public let busyTimeoutMilliseconds: Int32
  let handle: OpaquePointer

  /// Opens (and creates, if missing) the database file at `path`.
  ///
  /// Opening does not read the file; the first statement reports a file that is not a
  /// database, as ``DatabaseError`` with `SQLITE_NOTADB`.
  public init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws(DatabaseError) {
    var connection: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
    let code = sqlite3_open_v2(path, &connection, flags, nil)
    guard code == SQLITE_OK, let connection else {
      let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(connection)
      throw DatabaseError(code: code, message: "cannot open \(path): \(message)")
    }
    sqlite3_extended_result_codes(connection, 1)
    sqlite3_busy_timeout(connection, busyTimeoutMilliseconds)
    self.path = path
    self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    self.handle = connection
  }

  deinit {
    sqlite3_close_v2(handle)
  }

  /// Runs one or more statements separated by semicolons, discarding any rows.
  public func execute(_ sql: String) throws(DatabaseError) {
    var errorMessage: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
    guard code == SQLITE_OK else {
      let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
      sqlite3_free(errorMessage)
      throw DatabaseError(code: sqlite3_extended_errcode(handle), message: message, sql: sql)
    }
  }

  /// Compiles one statement for repeated use.
  public func prepare(_ sql: String) throws(DatabaseError) -> Statement {
    var statement: OpaquePointer?
    let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
    guard code == SQLITE_OK, let statement else {
      throw error(code: code, sql: sql)
    }
    return Statement(database: self, handle: statement, sql: sql)
  }

  /// Runs one statement with `values` bound to its `?` parameters and returns the number
  /// of rows it changed.
  @discardableResult
  public func run(_ sql: String, _ values: SQLValue...) throws(DatabaseError) -> Int {
    let statement = try prepare(sql)
    try statement.bind(values)
    while try statement.step() {}
    return Int(sqlite3_changes(handle))
  }

  /// Runs one query with `values` bound and returns every row.
  public func rows(_ sql: String, _ values: SQLValue...) throws(DatabaseError) -> [Row] {
    let statement = try prepare(sql)
    try statement.bind(values)
    return try statement.allRows()
  }

  /// Runs one query and returns its first row, or nil when it returns none.
  public func firstRow(_ sql: String, _ values: SQLValue...) throws(DatabaseError) -> Row? {
    let statement = try prepare(sql)
    try statement.bind(values)
    return try statement.step() ? statement.currentRow() : nil
  }

  /// Runs `body` in a write transaction started with `BEGIN IMMEDIATE`.
  ///
  /// `BEGIN IMMEDIATE` takes the write lock up front, waiting for other writers through
  /// the busy timeout, so a read followed by a write inside `body` cannot be interleaved
  /// with another process's write. The transaction commits when `body` returns and rolls
  /// back when it throws.
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN IMMEDIATE")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      // A failed COMMIT or body leaves the transaction open; ROLLBACK fails harmlessly when
      // SQLite already rolled back on its own.
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// `PRAGMA user_version`: the schema version the migrations have reached.
  public func userVersion() throws(DatabaseError) -> Int {
    try firstRow("PRAGMA user_version")?.int(0) ?? 0
  }

  public func setUserVersion(_ version: Int) throws(DatabaseError) {
    try execute("PRAGMA user_version = \(version)")
  }

  /// The row id of the most recent successful `INSERT` on this connection.
  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

  func error(code: Int32, sql: String?) -> DatabaseError {
    let extended = sqlite3_extended_errcode(handle)
    return DatabaseError(code: extended != 0 ? extended : code, message: lastErrorMessage, sql: sql)
  }
}

/// A compiled statement of one ``Database``.
public final class Statement {
  public let sql: String
  private let database: Database
  private let handle: OpaquePointer

  init(database: Database, handle: OpaquePointer, sql: String) {
    self.database = database
    self.handle = handle
    self.sql = sql
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// Resets the statement and binds `values` to its parameters, first to last.
  public func bind(_ values: [SQLValue]) throws(DatabaseError) {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    let expected = Int(sqlite3_bind_parameter_count(handle))
    guard values.count == expected else {
      throw DatabaseError(
        code: SQLITE_RANGE,
        message: "statement takes \(expected) parameters but \(values.count) were bound", sql: sql)
    }
    for (offset, value) in values.enumerated() {
      try bind(value, at: Int32(offset + 1))
    }
  }

  /// Binds `value` to the 1-based parameter `index`.
  public func bind(_ value: SQLValue, at index: Int32) throws(DatabaseError) {
    let code: Int32
    switch value {
    case .null:
      code = sqlite3_bind_null(handle, index)
    case .integer(let integer):
      code = sqlite3_bind_int64(handle, index, integer)
    case .real(let real):
      code = sqlite3_bind_double(handle, index, real)
    case .text(let text):
      code = sqlite3_bind_text(handle, index, text, -1, optimlings_sqlite_transient())
    case .blob(let bytes):
      code = bytes.withUnsafeBytes { buffer in
        sqlite3_bind_blob(
          handle, index, buffer.baseAddress, Int32(buffer.count), optimlings_sqlite_transient())
      }
    }
    guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
  }

  /// Advances to the next row; returns false when the statement has finished.
  public func step() throws(DatabaseError) -> Bool {
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW:
      return true
    case SQLITE_DONE:
      return false
    default:
      let error = database.error(code: code, sql: sql)
      sqlite3_reset(handle)
      throw error
    }
  }

  /// Reads the row the last ``step()`` moved to.
  public func currentRow() -> Row {
    let count = sqlite3_column_count(handle)
    var values: [SQLValue] = []
    values.reserveCapacity(Int(count))
    for column in 0..<count {
      values.append(value(at: column))
    }
    return Row(values: values)
  }

  /// Steps to the end, collecting every row.
  public func allRows() throws(DatabaseError) -> [Row] {
    var rows: [Row] = []
    while try step() {
      rows.append(currentRow())
    }
    return rows
  }

  private func value(at column: Int32) -> SQLValue {
    switch sqlite3_column_type(handle, column) {
    case SQLITE_INTEGER:
      return .integer(sqlite3_column_int64(handle, column))
    case SQLITE_FLOAT:
      return .real(sqlite3_column_double(handle, column))
    case SQLITE_TEXT:
      return .text(String(cString: sqlite3_column_text(handle, column)))
    case SQLITE_BLOB:
      let count = Int(sqlite3_column_bytes(handle, column))
      guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob([]) }
      return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
    default:
      return .null
    }
  }
}

/// One result row, with typed accessors by column index.
public struct Row: Sendable, Equatable {
  public var values: [SQLValue]

  public init(values: [SQLValue]) {
    self.values = values
  }

  public subscript(column: Int) -> SQLValue { values[column] }

  /// Reads the column as an integer; reals are truncated, other values give nil.
  public func int(_ column: Int) -> Int? {
    switch values[column] {
    case .integer(let value): return Int(value)
    case .real(let value): return Int(value)
    default: return nil
    }
  }

  public func double(_ column: Int) -> Double? {
    switch values[column] {
    case .integer(let value): return Double(value)
    case .real(let value): return value
    default: return nil
    }
  }

  public func string(_ column: Int) -> String? {
    if case .text(let value) = values[column] { return value }
    return nil
  }

  public func bool(_ column: Int) -> Bool? { int(column).map { $0 != 0 } }
}
