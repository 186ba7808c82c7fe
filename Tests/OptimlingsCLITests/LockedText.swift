import Foundation

/// Text collected from a console's write closures, which may run on any thread.
final class LockedText: @unchecked Sendable {
  private let lock = NSLock()
  private var storage = ""

  func append(_ text: String) {
    lock.lock()
    storage += text
    lock.unlock()
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
