import Synchronization

/// A flag that a Ctrl-C handler sets and long-running work polls.
///
/// The REPL's SIGINT handler calls ``cancel()``; a check, a watch or a cell checks
/// ``isCancelled`` between steps, stops its child processes and returns. Setting the flag
/// is a single lock-free atomic store, so it is safe inside a signal handler.
public final class Cancellation: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  public var isCancelled: Bool { flag.load(ordering: .acquiring) }

  public func cancel() { flag.store(true, ordering: .releasing) }

  /// Clears the flag before the next command starts.
  public func reset() { flag.store(false, ordering: .releasing) }
}
