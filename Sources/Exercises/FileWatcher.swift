import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Waits until a file changes: through inotify on Linux, else by polling its size and
/// modification time.
///
/// The watch is on the file's folder, because editors often save by writing a new file and
/// renaming it over the old one, which a watch on the file itself would lose.
public final class FileWatcher {
  public enum Event: Equatable, Sendable {
    case changed
    case cancelled
    /// Standard input reached its end or the learner typed `q`.
    case inputClosed
  }

  private let file: URL
  private var inotifyDescriptor: Int32 = -1
  private var lastSignature: String
  /// Also wait on standard input, to stop at its end.
  private let watchesInput: Bool

  /// - Parameters:
  ///   - watchesInput: also return when standard input ends or reads `q`.
  ///   - usesNotifications: false forces polling, as on systems without inotify.
  public init(file: URL, watchesInput: Bool = true, usesNotifications: Bool = true) {
    self.file = file
    self.watchesInput = watchesInput
    self.lastSignature = Self.signature(file)
    #if canImport(Glibc)
      guard usesNotifications else { return }
      let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
      if descriptor >= 0 {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY)
        if inotify_add_watch(descriptor, file.deletingLastPathComponent().path, mask) >= 0 {
          inotifyDescriptor = descriptor
        } else {
          close(descriptor)
        }
      }
    #endif
  }

  deinit {
    if inotifyDescriptor >= 0 { close(inotifyDescriptor) }
  }

  /// True when inotify is in use; false means polling.
  public var usesNotifications: Bool { inotifyDescriptor >= 0 }

  /// Blocks until the file's content signature changes, cancellation, or input ends.
  public func wait(isCancelled: @Sendable () -> Bool) -> Event {
    while true {
      if isCancelled() { return .cancelled }
      var descriptors: [pollfd] = []
      if inotifyDescriptor >= 0 {
        descriptors.append(pollfd(fd: inotifyDescriptor, events: Int16(POLLIN), revents: 0))
      }
      if watchesInput { descriptors.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0)) }
      let ready = descriptors.withUnsafeMutableBufferPointer {
        poll($0.baseAddress, nfds_t($0.count), 200)
      }
      if ready > 0 {
        for entry in descriptors where entry.revents != 0 {
          if entry.fd == 0 {
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = read(0, &buffer, buffer.count)
            let text = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
            if count <= 0 || text.trimmingCharacters(in: .whitespacesAndNewlines) == "q" {
              return .inputClosed
            }
          } else {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while read(entry.fd, &buffer, buffer.count) > 0 {}
          }
        }
      }
      // Both paths end here: a notification only signals a change somewhere in the folder.
      let signature = Self.signature(file)
      if signature != lastSignature {
        lastSignature = signature
        // Editors may write in several pieces; let the save finish.
        usleep(50_000)
        lastSignature = Self.signature(file)
        return .changed
      }
    }
  }

  static func signature(_ file: URL) -> String {
    guard let data = FileManager.default.contents(atPath: file.path) else { return "missing" }
    var hash = StableHash()
    hash.combine(data)
    return hash.hexDigest
  }
}
