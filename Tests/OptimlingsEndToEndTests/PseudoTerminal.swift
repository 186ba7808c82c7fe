import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct EndToEndError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Finds the `optimlings` executable built next to the test bundle.
func optimlingsExecutable() throws -> String {
  var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  for _ in 0..<5 {
    let candidate = folder.appendingPathComponent("optimlings").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    folder.deleteLastPathComponent()
  }
  throw EndToEndError("optimlings not found near \(CommandLine.arguments[0]); run swift build")
}

#if canImport(Glibc)
  /// glibc's `POSIX_SPAWN_SETSID`, which Swift does not import because glibc declares it only
  /// under `_GNU_SOURCE`.
  private let spawnSetSID: Int32 = 0x80
#else
  private let spawnSetSID = POSIX_SPAWN_SETSID
#endif

/// `optimlings` running on the slave side of a pseudo-terminal, as its session leader with
/// the terminal as its controlling terminal, so Ctrl-C written to the master becomes SIGINT.
final class PseudoTerminal {
  let master: Int32
  let pid: pid_t
  /// Everything the program wrote so far, as bytes.
  private(set) var output: [UInt8] = []
  private var exitStatus: Int32?

  init(arguments: [String], environment: [String: String], columns: UInt16 = 80, rows: UInt16 = 24)
    throws
  {
    var masterDescriptor: Int32 = -1
    var slaveDescriptor: Int32 = -1
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    var name = [CChar](repeating: 0, count: 256)
    guard openpty(&masterDescriptor, &slaveDescriptor, &name, nil, &size) == 0 else {
      throw EndToEndError("openpty failed: \(String(cString: strerror(errno)))")
    }
    _ = fcntl(masterDescriptor, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slaveDescriptor, F_SETFD, FD_CLOEXEC)
    master = masterDescriptor
    defer { close(slaveDescriptor) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid, so the terminal becomes the child's controlling terminal.
    posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGWINCH)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(
      &attributes, Int16(spawnSetSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let executable = try optimlingsExecutable()
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var child: pid_t = 0
    let code = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
    guard code == 0 else {
      close(masterDescriptor)
      throw EndToEndError("posix_spawn failed: \(String(cString: strerror(code)))")
    }
    pid = child
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
  }

  var text: String { String(decoding: output, as: UTF8.self) }

  func send(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// Reads until the output after `start` contains `needle`, and returns the output from
  /// `start` on.
  ///
  /// - Throws: when `timeout` seconds pass, or the program closes the terminal, first.
  ///
  /// ``matchEnd`` is then the byte offset just past the first match, for the next wait.
  @discardableResult
  func waitFor(_ needle: String, after start: Int = 0, timeout: Double = 20) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    let pattern = Array(needle.utf8)
    while true {
      let recent = String(decoding: output[min(start, output.count)...], as: UTF8.self)
      if let end = Self.end(of: pattern, in: output, from: start) {
        matchEnd = end
        return recent
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else {
        throw EndToEndError(
          "timed out waiting for \(needle.debugDescription); output: \(recent.debugDescription)")
      }
      guard readAvailable(timeoutMilliseconds: Int32(min(remaining, 1) * 1000)) else {
        throw EndToEndError(
          "terminal closed before \(needle.debugDescription); output: \(recent.debugDescription)")
      }
    }
  }

  /// The byte offset just past the last match of ``waitFor(_:after:timeout:)``.
  private(set) var matchEnd = 0

  private static func end(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
    var index = max(0, start)
    while index + pattern.count <= bytes.count {
      if bytes[index..<index + pattern.count].elementsEqual(pattern) {
        return index + pattern.count
      }
      index += 1
    }
    return nil
  }

  /// Reads until the program closes the terminal, then returns its exit status.
  func waitForExit(timeout: Double = 20) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while readAvailable(timeoutMilliseconds: 1000) {
      guard deadline.timeIntervalSinceNow > 0 else {
        throw EndToEndError("timed out waiting for exit; output: \(text.debugDescription)")
      }
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    exitStatus = code
    return code
  }

  /// Waits up to `timeoutMilliseconds` for output and appends it; false once the terminal
  /// is closed (EIO on Linux).
  private func readAvailable(timeoutMilliseconds: Int32) -> Bool {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, timeoutMilliseconds)
    if ready < 0 { return errno == EINTR }
    if ready == 0 { return true }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = read(master, &buffer, buffer.count)
    if count > 0 {
      output += buffer[0..<count]
      return true
    }
    return count < 0 && errno == EINTR
  }

  func resize(columns: UInt16, rows: UInt16) {
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    #if canImport(Glibc)
      _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    #else
      _ = ioctl(master, TIOCSWINSZ, &size)
    #endif
  }
}

/// A temporary HOME with a data folder and a lessons folder written by the test.
final class Sandbox {
  let root: String

  init() {
    var template = Array((NSTemporaryDirectory() + "/optimlings-e2e-XXXXXX").utf8CString)
    let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(created != nil, "mkdtemp failed")
    root = String(cString: created!)
    try? FileManager.default.createDirectory(
      atPath: lessons, withIntermediateDirectories: true)
    writeLesson(
      "momentum.md",
      """
      ---
      id: momentum
      title: Momentum
      order: 10
      exercises: [momentum]
      ---
      # Momentum

      A velocity that remembers past gradients.

      ## The update

      v ← μ·v + g, then θ ← θ − η·v.

      ## Check yourself

      1. What does μ = 0 give?
      """)
    writeLesson(
      "adam.md",
      """
      ---
      id: adam
      title: Adam
      order: 20
      ---
      # Adam

      Moments with bias correction.
      """)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: root)
  }

  var home: String { root + "/home" }
  var data: String { root + "/data" }
  var lessons: String { root + "/lessons" }

  func writeLesson(_ name: String, _ text: String) {
    #expect(FileManager.default.createFile(atPath: lessons + "/" + name, contents: Data(text.utf8)))
  }

  /// Returns a plain environment: no colour unless asked, a UTF-8 locale unless replaced.
  func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = [
      "HOME": home, "TERM": "xterm", "NO_COLOR": "1",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "LANG": "C.UTF-8",
    ]
    environment.merge(extra) { _, new in new }
    return environment
  }

  var globalArguments: [String] { ["--data", data, "--lessons", lessons] }

  func startREPL(_ extra: [String: String] = [:], columns: UInt16 = 80) throws -> PseudoTerminal {
    try PseudoTerminal(
      arguments: globalArguments, environment: environment(extra), columns: columns)
  }

  /// Runs `optimlings` with `script` on stdin through a pipe.
  func runScript(_ script: String, arguments: [String]? = nil) throws -> (
    status: Int32, output: String, errors: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try optimlingsExecutable())
    process.arguments = arguments ?? globalArguments
    process.environment = environment()
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outputData, as: UTF8.self),
      String(decoding: errorData, as: UTF8.self)
    )
  }
}
