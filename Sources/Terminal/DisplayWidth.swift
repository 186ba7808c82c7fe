/// How many terminal columns text occupies.
///
/// East Asian wide and fullwidth characters and emoji take two columns, combining marks and
/// zero-width characters none, and ANSI escape sequences (CSI and OSC) none.
public enum DisplayWidth {
  public static func of(_ text: String) -> Int {
    // Printable ASCII is one column a byte, which covers most prose without grapheme work.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    var width = 0
    var iterator = text.makeIterator()
    while let character = iterator.next() {
      if character == "\u{1B}" {
        skipEscape(&iterator)
        continue
      }
      width += of(character)
    }
    return width
  }

  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    let value = first.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    if first.properties.isEmojiPresentation { return 2 }
    if isWide(value) { return 2 }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: return 1
    }
  }

  /// East Asian Wide and Fullwidth ranges from Unicode's EastAsianWidth.txt, merged.
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
      0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
      0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
      0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
      0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
      0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
      0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF,
      0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
      0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF,
      0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// Consumes the rest of an escape sequence whose ESC was just read.
  private static func skipEscape(_ iterator: inout String.Iterator) {
    guard let introducer = iterator.next() else { return }
    switch introducer {
    case "[":
      while let character = iterator.next() {
        if let ascii = character.asciiValue, (0x40...0x7E).contains(ascii) { return }
      }
    case "]":
      var previousWasEscape = false
      while let character = iterator.next() {
        if character == "\u{07}" || (previousWasEscape && character == "\\") { return }
        previousWasEscape = character == "\u{1B}"
      }
    default:
      return
    }
  }
}
