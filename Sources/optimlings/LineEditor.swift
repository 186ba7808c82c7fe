import CEditLine
import OptimlingsCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libedit with history in a file, Tab completion and Ctrl-C that clears the line.
///
/// libedit reads characters through ``nextCharacter(_:)``, which polls stdin and the signal
/// pipe together: a SIGINT becomes the Ctrl-C character, bound to a function that ends the
/// line as interrupted, and a SIGWINCH makes libedit re-read the window size.
final class LineEditor {
  enum Input {
    case line(String)
    case interrupted
    case endOfInput
  }

  /// Entries kept in memory and in the history file.
  static let historyLimit: Int32 = 1000

  private let editor: OpaquePointer
  private let history: OpaquePointer
  private var event = HistEvent()
  private let historyPath: String?
  /// Lines entered since the history file was last written.
  private var unsavedLines: [String] = []
  private var promptBuffer: UnsafeMutablePointer<CChar>?
  private var interrupted = false
  private let makeCompleter: () -> Completer

  init(historyPath: String?, makeCompleter: @escaping () -> Completer) {
    self.historyPath = historyPath
    self.makeCompleter = makeCompleter
    editor = el_init("optimlings", optimlings_stdin(), optimlings_stdout(), optimlings_stderr())
    history = history_init()
    optimlings_history_set_size(history, &event, Self.historyLimit)
    optimlings_history_set_unique(history, &event, 1)
    if let historyPath {
      optimlings_history_load(history, &event, historyPath)
    }

    optimlings_el_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
    optimlings_el_set_editor(editor, "emacs")
    optimlings_el_set_history(editor, history)
    optimlings_el_set_prompt_esc(editor, promptCallback, CChar(1))
    optimlings_el_set_getc(editor, readCallback)
    optimlings_el_add_function(editor, "optimlings-complete", "Complete the word", completeCallback)
    optimlings_el_add_function(
      editor, "optimlings-interrupt", "Clear the line", interruptCallback)
    optimlings_el_bind(editor, "^I", "optimlings-complete")
    optimlings_el_bind(editor, "^C", "optimlings-interrupt")
    // Reads ~/.editrc, so the learner's own key bindings apply.
    el_source(editor, nil)
  }

  deinit {
    el_end(editor)
    history_end(history)
    free(promptBuffer)
  }

  fileprivate static func from(_ editor: OpaquePointer?) -> LineEditor? {
    guard let editor, let data = optimlings_el_get_client_data(editor) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }

  /// Reads one line with `prompt`, which may hold colour codes wrapped in
  /// ``ReplText/ignoreMarker``.
  func readLine(prompt: String) -> Input {
    free(promptBuffer)
    promptBuffer = strdup(prompt)
    interrupted = false
    _ = Signals.drain()

    // el_gets prints the prompt before it switches the terminal to raw mode, and a Ctrl-D
    // typed in that gap is swallowed by the canonical line discipline. Switching first
    // closes the gap; el_gets restores the normal mode when it returns.
    optimlings_el_prep_term(editor, 1)
    var count: Int32 = 0
    guard let raw = el_gets(editor, &count) else {
      if interrupted { return .interrupted }
      return .endOfInput
    }
    if interrupted {
      writeOutput("^C\n")
      return .interrupted
    }
    guard count > 0 else { return .endOfInput }
    var line = String(cString: raw)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  /// Adds `line` to the history and writes the history file.
  ///
  /// The file is reread first and this session's lines are added to it, so two REPLs
  /// open at once keep each other's lines. The new file replaces the old one through a
  /// rename, so a crash never leaves half a file.
  func remember(_ line: String) {
    guard !line.trimmingCharacters(in: " \t").isEmpty else { return }
    optimlings_history_enter(history, &event, line)
    unsavedLines.append(line)
    guard let historyPath else { return }

    var fileEvent = HistEvent()
    let merged = history_init()
    defer { history_end(merged) }
    optimlings_history_set_size(merged, &fileEvent, Self.historyLimit)
    optimlings_history_set_unique(merged, &fileEvent, 1)
    optimlings_history_load(merged, &fileEvent, historyPath)
    for entry in unsavedLines {
      optimlings_history_enter(merged, &fileEvent, entry)
    }
    let temporary = "\(historyPath).tmp-\(getpid())"
    guard optimlings_history_save(merged, &fileEvent, temporary) >= 0 else {
      unlink(temporary)
      return
    }
    chmod(temporary, 0o600)
    if rename(temporary, historyPath) == 0 {
      unsavedLines.removeAll()
    } else {
      unlink(temporary)
    }
  }

  // MARK: - Callbacks from libedit

  fileprivate var prompt: UnsafeMutablePointer<CChar>? { promptBuffer }

  /// Returns the next character for libedit: 1 with a character, 0 at end of input, -1 on
  /// a read error.
  fileprivate func nextCharacter(_ output: UnsafeMutablePointer<wchar_t>) -> Int32 {
    while true {
      var descriptors = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: Signals.pipeRead, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return -1
      }
      if descriptors[1].revents & Int16(POLLIN) != 0 {
        let signals = Signals.drain()
        if signals.resized { el_resize(editor) }
        if signals.interrupted {
          output.pointee = wchar_t(Signals.interruptByte)
          return 1
        }
        continue
      }
      if descriptors[0].revents != 0 {
        guard let scalar = readScalar() else { return 0 }
        output.pointee = wchar_t(bitPattern: scalar.value)
        return 1
      }
    }
  }

  /// Reads one UTF-8 encoded character from stdin; nil at end of input. A malformed
  /// sequence becomes U+FFFD.
  private func readScalar() -> Unicode.Scalar? {
    guard let lead = readByte() else { return nil }
    let length: Int
    switch lead {
    case 0..<0x80: return Unicode.Scalar(lead)
    case 0xC2..<0xE0: length = 2
    case 0xE0..<0xF0: length = 3
    case 0xF0..<0xF5: length = 4
    default: return "\u{FFFD}"
    }
    var bytes = [lead]
    for _ in 1..<length {
      guard let next = readByte() else { return nil }
      bytes.append(next)
    }
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return "\u{FFFD}"
  }

  private func readByte() -> UInt8? {
    var byte: UInt8 = 0
    while true {
      let count = read(STDIN_FILENO, &byte, 1)
      if count == 1 { return byte }
      if count < 0 && errno == EINTR { continue }
      return nil
    }
  }

  fileprivate func interruptLine() -> UInt8 {
    interrupted = true
    return UInt8(CC_NEWLINE)
  }

  fileprivate func completeWord() -> UInt8 {
    guard let info = el_line(editor)?.pointee, let start = info.buffer else {
      return UInt8(CC_ERROR)
    }
    let length = info.cursor - start
    let before = String(
      decoding: UnsafeRawBufferPointer(start: start, count: max(0, length)), as: UTF8.self)
    let completion = makeCompleter().complete(before)

    if let replacement = completion.replacement {
      el_deletestr(editor, Int32(completion.word.unicodeScalars.count))
      el_insertstr(editor, replacement)
      return UInt8(CC_REFRESH)
    }
    guard completion.candidates.count > 1 else { return UInt8(CC_REFRESH_BEEP) }
    writeOutput("\n" + Self.columns(completion.candidates) + "\n")
    return UInt8(CC_REDISPLAY)
  }

  /// `candidates` laid out in columns that fit the terminal.
  static func columns(_ candidates: [String]) -> String {
    let width = Console.terminalSize()?.columns ?? 80
    let cell = (candidates.map(\.count).max() ?? 0) + 2
    let perRow = max(1, width / cell)
    var rows: [String] = []
    var index = 0
    while index < candidates.count {
      let row = candidates[index..<min(index + perRow, candidates.count)]
      rows.append(
        row.map { $0 + String(repeating: " ", count: cell - $0.count) }.joined()
          .trimmingCharacters(in: " "))
      index += perRow
    }
    return rows.joined(separator: "\n")
  }

  private func writeOutput(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes {
        write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset)
      }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }
}

private let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = {
  LineEditor.from($0)?.prompt
}

private let readCallback: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 =
  { editor, output in
    guard let output, let lineEditor = LineEditor.from(editor) else { return -1 }
    return lineEditor.nextCharacter(output)
  }

private let completeCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editor, _ in
  LineEditor.from(editor)?.completeWord() ?? UInt8(CC_ERROR)
}

private let interruptCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editor, _ in
  LineEditor.from(editor)?.interruptLine() ?? UInt8(CC_ERROR)
}

extension String {
  fileprivate func trimmingCharacters(in blanks: String) -> String {
    var result = Substring(self)
    while let first = result.first, blanks.contains(first) { result.removeFirst() }
    while let last = result.last, blanks.contains(last) { result.removeLast() }
    return String(result)
  }
}
