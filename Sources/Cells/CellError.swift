/// A cell that cannot be parsed or run, described well enough to fix.
public struct CellError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The 1-based line in the lesson file (or in the cell, when no offset was given); nil when
  /// no single line is at fault.
  public var line: Int?
  /// The key of an experiment cell at fault, such as `compare`.
  public var key: String?
  /// The problem and how to fix it.
  public var message: String

  public init(line: Int? = nil, key: String? = nil, message: String) {
    self.line = line
    self.key = key
    self.message = message
  }

  public var description: String {
    var location: [String] = []
    if let line { location.append("line \(line)") }
    if let key { location.append("'\(key)'") }
    return location.isEmpty ? message : "\(location.joined(separator: ", ")): \(message)"
  }
}
