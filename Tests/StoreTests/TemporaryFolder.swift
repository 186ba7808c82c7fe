import Foundation

/// A folder under the system temporary directory, removed when the value is released.
final class TemporaryFolder {
  let path: String

  init() {
    var template = Array((NSTemporaryDirectory() + "/optimlings-store-XXXXXX").utf8CString)
    let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(created != nil, "mkdtemp failed: \(String(cString: strerror(errno)))")
    path = String(cString: created!)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  func file(_ name: String) -> String { path + "/" + name }

  var entries: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }
}

/// Finds the `store-probe` executable built next to the test bundle.
func probeExecutable() throws -> URL {
  var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  for _ in 0..<5 {
    let candidate = folder.appendingPathComponent("store-probe")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    folder.deleteLastPathComponent()
  }
  throw ProbeError(
    "store-probe not found near \(CommandLine.arguments[0]); run swift build --build-tests")
}

struct ProbeError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A running `store-probe` with pipes to its stdin and stdout.
final class Probe {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var buffered = Data()

  init(_ arguments: [String]) throws {
    process.executableURL = try probeExecutable()
    process.arguments = arguments
    process.standardInput = input
    process.standardOutput = output
    try process.run()
  }

  /// Reads the next line the probe printed, or nil once it closed stdout.
  func readLine() -> String? {
    while true {
      if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: buffered[buffered.startIndex..<newline], as: UTF8.self)
        buffered.removeSubrange(buffered.startIndex...newline)
        return line
      }
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { return nil }
      buffered.append(chunk)
    }
  }

  func send(_ line: String) {
    input.fileHandleForWriting.write(Data((line + "\n").utf8))
  }

  func waitForExit() -> Int32 {
    process.waitUntilExit()
    return process.terminationStatus
  }
}
