import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Limits for one child process.
public struct ProcessLimits: Sendable, Equatable {
  /// Wall-clock seconds before the process group is killed.
  public var wallTime: Double
  /// Address-space limit in bytes (RLIMIT_AS, through the shell's `ulimit -v`); nil for none.
  /// macOS does not enforce it.
  public var memoryBytes: UInt64?
  /// Bytes of stdout plus stderr kept; past this the process group is killed.
  public var outputBytes: Int

  public init(wallTime: Double = 10, memoryBytes: UInt64? = 1 << 30, outputBytes: Int = 8 << 20) {
    self.wallTime = wallTime
    self.memoryBytes = memoryBytes
    self.outputBytes = outputBytes
  }
}

/// How a child process ended and what it wrote.
public struct ProcessOutcome: Sendable {
  public enum Termination: Sendable, Equatable {
    case exited(Int32)
    case signaled(Int32)
  }

  public var termination: Termination
  public var standardOutput: String
  public var standardError: String
  public var timedOut = false
  public var outputLimitExceeded = false
  public var cancelled = false
  /// Wall-clock seconds from spawn to exit.
  public var duration: Double
}

/// Runs a program in its own process group with limits, reading its output as it comes.
///
/// Standard input is /dev/null. The group is killed with SIGKILL on timeout, on output past
/// the limit, on cancellation, and after the program exits, so programs it spawned in the same
/// group go too. A program that starts a new session escapes that last kill.
public enum ProcessRunner {
  public static func run(
    executable: String, arguments: [String] = [], environment: [String: String]? = nil,
    workingDirectory: String? = nil, limits: ProcessLimits = ProcessLimits(),
    isCancelled: @Sendable () -> Bool = { false }
  ) throws(CheckerError) -> ProcessOutcome {
    // The shell applies the resource limits and the working directory, then execs the
    // program, because posix_spawn cannot set either portably.
    var script = ""
    if let memory = limits.memoryBytes { script += "ulimit -v \(memory / 1024) 2>/dev/null; " }
    script += "ulimit -t \(Int(limits.wallTime.rounded(.up)) + 1) 2>/dev/null; "
    if workingDirectory != nil { script += "cd \"$1\" || exit 126; " }
    script += "shift; exec \"$@\""
    let shellArguments =
      ["/bin/sh", "-c", script, "sh", workingDirectory ?? "", executable] + arguments

    var outputPipe: [Int32] = [-1, -1]
    var errorPipe: [Int32] = [-1, -1]
    guard makePipe(&outputPipe), makePipe(&errorPipe) else {
      throw CheckerError("could not create pipes for the child process: \(errnoText())")
    }
    defer {
      for descriptor in outputPipe + errorPipe where descriptor >= 0 { close(descriptor) }
    }

    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
    var defaults = sigset_t()
    sigfillset(&defaults)
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setpgroup(&attributes, 0)
    let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
    posix_spawnattr_setflags(&attributes, Int16(flags))

    let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { "\($0)=\($1)" }
    let start = monotonicSeconds()
    var pid: pid_t = 0
    let spawnStatus = withCStrings(shellArguments) { argv in
      withCStrings(environmentList) { envp in
        posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
      }
    }
    guard spawnStatus == 0 else {
      throw CheckerError(
        "could not start \(executable): \(String(cString: strerror(spawnStatus)))")
    }
    close(outputPipe[1])
    close(errorPipe[1])
    outputPipe[1] = -1
    errorPipe[1] = -1

    var collector = OutputCollector(
      descriptors: [outputPipe[0], errorPipe[0]], limit: limits.outputBytes)
    var outcome = ProcessOutcome(
      termination: .exited(0), standardOutput: "", standardError: "", duration: 0)
    let deadline = start + limits.wallTime
    var exitStatus: Int32?

    while exitStatus == nil {
      collector.poll(timeoutMilliseconds: 20)
      if collector.limitExceeded && !outcome.outputLimitExceeded {
        outcome.outputLimitExceeded = true
        kill(-pid, SIGKILL)
      }
      if monotonicSeconds() > deadline && !outcome.timedOut {
        outcome.timedOut = true
        kill(-pid, SIGKILL)
      }
      if isCancelled() && !outcome.cancelled {
        outcome.cancelled = true
        kill(-pid, SIGKILL)
      }
      var status: Int32 = 0
      let waited = waitpid(pid, &status, WNOHANG)
      if waited == pid {
        exitStatus = status
      } else if waited < 0 && errno != EINTR {
        exitStatus = 0
      } else if collector.isFinished {
        // Both pipes are closed but the child runs on: wait in short naps, still watching
        // the deadline and cancellation.
        usleep(2000)
      }
    }
    outcome.duration = monotonicSeconds() - start
    // Programs the child started in its group may still hold the pipes open.
    kill(-pid, SIGKILL)
    let drainDeadline = monotonicSeconds() + 0.5
    while !collector.isFinished && monotonicSeconds() < drainDeadline {
      collector.poll(timeoutMilliseconds: 20)
    }

    let status = exitStatus ?? 0
    if status & 0x7f == 0 {
      outcome.termination = .exited((status >> 8) & 0xff)
    } else {
      outcome.termination = .signaled(status & 0x7f)
    }
    outcome.standardOutput = String(decoding: collector.buffers[0], as: UTF8.self)
    outcome.standardError = String(decoding: collector.buffers[1], as: UTF8.self)
    return outcome
  }

  static func makePipe(_ descriptors: inout [Int32]) -> Bool {
    var pair: [Int32] = [-1, -1]
    guard pipe(&pair) == 0 else { return false }
    // Close-on-exec keeps these pipes out of other children spawned at the same time.
    for descriptor in pair { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    descriptors = pair
    return true
  }

  static func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }

  static func withCStrings<Result>(
    _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result
  ) -> Result {
    let pointers = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return body(pointers + [nil])
  }
}

/// Reads several pipes without blocking on any one, up to a shared byte limit.
struct OutputCollector {
  var descriptors: [Int32]
  var buffers: [[UInt8]]
  var open: [Bool]
  let limit: Int
  var limitExceeded = false

  init(descriptors: [Int32], limit: Int) {
    self.descriptors = descriptors
    self.buffers = descriptors.map { _ in [] }
    self.open = descriptors.map { _ in true }
    self.limit = limit
  }

  var isFinished: Bool { !open.contains(true) }

  mutating func poll(timeoutMilliseconds: Int32) {
    var polled = descriptors.enumerated().filter { open[$0.offset] }.map {
      pollfd(fd: $0.element, events: Int16(POLLIN), revents: 0)
    }
    guard !polled.isEmpty else { return }
    let ready = pollDescriptors(&polled, timeoutMilliseconds)
    guard ready > 0 else { return }
    var chunk = [UInt8](repeating: 0, count: 65536)
    for entry in polled where entry.revents != 0 {
      guard let index = descriptors.firstIndex(of: entry.fd) else { continue }
      let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
      if count > 0 {
        let total = buffers.reduce(0) { $0 + $1.count }
        let room = max(0, limit - total)
        buffers[index] += chunk.prefix(min(count, room))
        if count > room {
          limitExceeded = true
          // Stop reading: the process group is killed and what was kept is enough to report.
          open = open.map { _ in false }
        }
      } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
        open[index] = false
      }
    }
  }
}

@inline(__always)
private func pollDescriptors(_ descriptors: inout [pollfd], _ timeout: Int32) -> Int32 {
  #if canImport(Glibc)
    Glibc.poll(&descriptors, nfds_t(descriptors.count), timeout)
  #else
    Darwin.poll(&descriptors, nfds_t(descriptors.count), timeout)
  #endif
}
