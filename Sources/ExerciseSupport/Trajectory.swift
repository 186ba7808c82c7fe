#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The line protocol between a checked program and the checker.
///
/// Each protocol line starts with ``marker``, so anything the learner prints is told apart and
/// shown as their own output. Fields are separated by tabs and numbers use Swift's shortest
/// round-trip form (`nan`, `inf` included), so values cross the pipe without rounding.
public enum HarnessProtocol {
  public static let marker = "\u{1}optimlings\t"
  /// The exit status of a program that reached ``notImplemented(_:file:line:)``.
  public static let notImplementedStatus: Int32 = 97
  /// The exit status of a program whose harness found a problem it describes in an `error` line.
  public static let harnessErrorStatus: Int32 = 98
}

/// Writes a checked program's trajectory, one line per step and quantity.
///
/// Every line is written straight to the file descriptor, so a crash loses nothing already
/// recorded and the checker can tell which case and step were running.
public enum TrajectoryWriter {
  public static func beginCase(_ testCase: ExerciseCase) {
    emit("case\t\(testCase.name)\t\(testCase.seed)")
  }

  public static func record(step: Int, _ quantities: (String, [Double])...) {
    var line = ""
    for (name, values) in quantities {
      line += HarnessProtocol.marker
      line += "step\t\(step)\t\(name)\t"
      line += values.map { "\($0)" }.joined(separator: ",")
      line += "\n"
    }
    write(line)
  }

  public static func endCase() { emit("end") }

  public static func finish() { emit("done") }

  /// Reports a problem the harness found in the learner's type, such as a shard layout that
  /// does not cover the parameters, and exits.
  public static func fail(_ message: String) -> Never {
    emit("error\t\(message.replacingTabsAndNewlines())")
    exit(HarnessProtocol.harnessErrorStatus)
  }

  static func emit(_ body: String) {
    write(HarnessProtocol.marker + body + "\n")
  }

  static func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        #if canImport(Glibc)
          Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
        #else
          Darwin.write(1, buffer.baseAddress! + offset, buffer.count - offset)
        #endif
      }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }
}

/// Marks code the learner has not written yet; the checker reports "not implemented yet"
/// with the function's name instead of a crash.
public func notImplemented(
  _ what: String = #function, file: StaticString = #fileID, line: UInt = #line
) -> Never {
  TrajectoryWriter.emit("not-implemented\t\(what.replacingTabsAndNewlines())\t\(file)\t\(line)")
  exit(HarnessProtocol.notImplementedStatus)
}

extension String {
  fileprivate func replacingTabsAndNewlines() -> String {
    String(map { $0 == "\t" || $0 == "\n" ? " " : $0 })
  }
}
