import OptimlingsCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIGINT and SIGWINCH handling for the REPL, through a self-pipe.
///
/// The handlers only do async-signal-safe work: an atomic store into the cancellation flag
/// and a one-byte `write` to a non-blocking pipe. The line editor polls the pipe's read end
/// next to stdin, so a signal wakes it without relying on `read` returning `EINTR`.
enum Signals {
  /// Byte written for SIGINT; the same value as the Ctrl-C character.
  static let interruptByte: UInt8 = 0x03
  /// Byte written for SIGWINCH.
  static let resizeByte: UInt8 = 0x1A

  nonisolated(unsafe) static var pipeRead: Int32 = -1
  nonisolated(unsafe) static var pipeWrite: Int32 = -1
  nonisolated(unsafe) static var cancellation: Cancellation?
  /// The thread that runs commands and reads input; see ``handle(_:)``.
  nonisolated(unsafe) static var mainThread = pthread_self()

  /// Creates the pipe and installs the handlers, without `SA_RESTART` so a blocking call in
  /// a running command returns `EINTR` and can look at the cancellation flag.
  static func install(cancellation: Cancellation) {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else { return }
    for descriptor in descriptors {
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
    pipeRead = descriptors[0]
    pipeWrite = descriptors[1]
    self.cancellation = cancellation
    mainThread = pthread_self()

    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = handle
    #else
      action.__sigaction_u.__sa_handler = handle
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    sigaction(SIGWINCH, &action, nil)
  }

  /// Reads one line from stdin for a running command, without its newline; returns nil at
  /// the end of input or when Ctrl-C arrives first, so a command waiting for an answer
  /// stops when the learner presses Ctrl-C.
  static func readLineOrInterrupt() -> String? {
    var bytes: [UInt8] = []
    while true {
      var descriptors = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: pipeRead, events: Int16(POLLIN), revents: 0),
      ]
      if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if descriptors[1].revents & Int16(POLLIN) != 0, drain().interrupted {
        return nil
      }
      guard descriptors[0].revents != 0 else { continue }
      var byte: UInt8 = 0
      let count = read(STDIN_FILENO, &byte, 1)
      if count < 0 && errno == EINTR { continue }
      guard count == 1 else {
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
      }
      if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
  }

  /// Reads every pending byte and reports which signals arrived.
  static func drain() -> (interrupted: Bool, resized: Bool) {
    var interrupted = false
    var resized = false
    var buffer = [UInt8](repeating: 0, count: 64)
    while true {
      let count = read(pipeRead, &buffer, buffer.count)
      guard count > 0 else { break }
      for byte in buffer[0..<count] {
        if byte == interruptByte { interrupted = true }
        if byte == resizeByte { resized = true }
      }
    }
    return (interrupted, resized)
  }
}

/// The kernel may run a process-directed signal on any thread, such as one that Foundation
/// or Dispatch started. The handler then forwards it to the main thread, because only there
/// does it interrupt a blocking `read` (a command waiting for a line) with `EINTR`.
private func handle(_ signal: Int32) {
  let savedErrno = errno
  if pthread_equal(pthread_self(), Signals.mainThread) == 0 {
    pthread_kill(Signals.mainThread, signal)
    errno = savedErrno
    return
  }
  var byte = signal == SIGINT ? Signals.interruptByte : Signals.resizeByte
  if signal == SIGINT { Signals.cancellation?.cancel() }
  _ = write(Signals.pipeWrite, &byte, 1)
  errno = savedErrno
}
