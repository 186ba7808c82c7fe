import Exercises
import Foundation

/// Cell outputs stored as JSON files named by a hash of everything the output depends on.
///
/// A cache entry is only ever written whole (write to a temporary file, then rename), so a
/// reader sees a complete entry or none. Entries that fail to decode are treated as missing.
public struct CellCache: Sendable {
  /// The folder of the entries, such as `<data>/cache/cells`.
  public var directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  /// Bumped when the stored format or the meaning of an output changes.
  static let formatVersion = "1"

  /// Returns the path, size and modification time of the running executable, so a rebuilt or
  /// upgraded Optimlings does not reuse outputs that its older optimizers produced.
  public static func executableIdentity() -> String {
    guard let path = Bundle.main.executablePath,
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    else { return "unknown executable" }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path) \(size) \(modified)"
  }

  /// Hashes `parts` (the cell kind, its text and every input file's contents) into a key.
  public static func key(_ parts: [String]) -> String {
    var hash = StableHash()
    hash.combine(formatVersion)
    for part in parts { hash.combine(part) }
    return hash.hexDigest
  }

  public func load(_ key: String) -> CellOutput? {
    let url = directory.appendingPathComponent("\(key).json")
    guard let data = try? Data(contentsOf: url) else { return nil }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return try? decoder.decode(CellOutput.self, from: data)
  }

  /// Stores `output` under `key`.
  ///
  /// - Throws: ``CellError`` when the folder cannot be created or the file cannot be written.
  public func store(_ output: CellOutput, key: String) throws(CellError) {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    let url = directory.appendingPathComponent("\(key).json")
    let temporary = directory.appendingPathComponent(".\(key).\(UUID().uuidString).tmp")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try encoder.encode(output).write(to: temporary)
      guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw CellError(
        message:
          "could not write the cell cache \(url.path): \(error.localizedDescription); "
          + "check that the data folder is writable or pass --data DIR")
    }
  }
}
