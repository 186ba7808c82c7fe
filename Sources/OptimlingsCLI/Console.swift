#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command writes and reads, and how the output should look.
///
/// Commands never touch stdout or stdin directly, so tests can run them with a
/// captured console of any width.
public struct Console: Sendable {
  /// Columns available for wrapped text.
  public var width: Int
  /// Rows on screen, used to page long output; nil when not a terminal.
  public var height: Int?
  /// Whether escape codes (colour, OSC 8 links) may be written.
  public var usesColor: Bool
  /// Whether stdout is an interactive terminal.
  public var isTTY: Bool
  /// Whether the locale can show UTF-8, such as braille plot characters.
  public var isUTF8: Bool
  public var write: @Sendable (String) -> Void
  public var writeError: @Sendable (String) -> Void
  /// Reads one line without its newline; nil at end of input.
  public var readLine: @Sendable () -> String?

  public init(
    width: Int, height: Int? = nil, usesColor: Bool, isTTY: Bool, isUTF8: Bool = true,
    write: @escaping @Sendable (String) -> Void,
    writeError: @escaping @Sendable (String) -> Void,
    readLine: @escaping @Sendable () -> String?
  ) {
    self.width = width
    self.height = height
    self.usesColor = usesColor
    self.isTTY = isTTY
    self.isUTF8 = isUTF8
    self.write = write
    self.writeError = writeError
    self.readLine = readLine
  }

  /// Writes `text` followed by a newline.
  public func print(_ text: String = "") { write(text + "\n") }
  public func printError(_ text: String) { writeError(text + "\n") }
}

extension Console {
  /// The console of this process, described from the environment and the terminal.
  ///
  /// Width is `COLUMNS`, then the terminal's size, then 80. Colour is off when stdout is
  /// not a TTY, when `TERM=dumb` or when `NO_COLOR` is set.
  public static func standard(environment: [String: String]) -> Console {
    let isTTY = isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb"
    let size = terminalSize()
    let width =
      environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
      ?? size?.columns ?? 80
    let usesColor = isTTY && environment["NO_COLOR"] == nil
    let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
    let isUTF8 = locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
    return Console(
      width: width, height: isTTY ? size?.rows : nil, usesColor: usesColor, isTTY: isTTY,
      isUTF8: isUTF8,
      write: { text in StandardStreams.write(text, to: STDOUT_FILENO) },
      writeError: { text in StandardStreams.write(text, to: STDERR_FILENO) },
      readLine: { Swift.readLine(strippingNewline: true) })
  }

  /// The terminal's size from `TIOCGWINSZ` on stdout, or nil when stdout is not a terminal.
  public static func terminalSize() -> (columns: Int, rows: Int)? {
    var size = winsize()
    #if canImport(Glibc)
      let request = UInt(TIOCGWINSZ)
    #else
      let request = TIOCGWINSZ
    #endif
    guard ioctl(STDOUT_FILENO, request, &size) == 0, size.ws_col > 0 else { return nil }
    return (Int(size.ws_col), Int(size.ws_row))
  }
}

enum StandardStreams {
  /// Writes all of `text` to `descriptor`, retrying short writes and interrupted calls.
  static func write(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        #if canImport(Glibc)
          Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        #else
          Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
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
