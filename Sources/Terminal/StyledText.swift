/// The look of a run of text: SGR attributes plus an optional OSC 8 link target.
public struct TextStyle: Hashable, Sendable {
  public enum Color: Int, Sendable {
    case red = 31, green = 32, yellow = 33, blue = 34, magenta = 35, cyan = 36
    case gray = 90
  }

  public var bold = false
  public var italic = false
  public var underline = false
  public var strikethrough = false
  public var dim = false
  public var foreground: Color?
  /// A URL shown as an OSC 8 hyperlink when hyperlinks are on.
  public var link: String?

  public init(
    bold: Bool = false, italic: Bool = false, underline: Bool = false,
    strikethrough: Bool = false, dim: Bool = false, foreground: Color? = nil, link: String? = nil
  ) {
    self.bold = bold
    self.italic = italic
    self.underline = underline
    self.strikethrough = strikethrough
    self.dim = dim
    self.foreground = foreground
    self.link = link
  }

  public static let plain = TextStyle()

  var isPlain: Bool { self == .plain }

  /// The SGR sequence that sets this style from a reset state; empty for plain text.
  var selectGraphicRendition: String {
    var codes: [String] = []
    if bold { codes.append("1") }
    if dim { codes.append("2") }
    if italic { codes.append("3") }
    if underline { codes.append("4") }
    if strikethrough { codes.append("9") }
    if let foreground { codes.append(String(foreground.rawValue)) }
    return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
  }
}

/// A run of text in one style.
public struct Segment: Equatable, Sendable {
  public var text: String
  public var style: TextStyle

  public init(_ text: String, _ style: TextStyle = .plain) {
    self.text = text
    self.style = style
  }

  var width: Int { DisplayWidth.of(text) }
}

/// One output line made of styled runs.
public typealias StyledLine = [Segment]

enum Emitter {
  /// Writes `lines` as text. With `usesColor` off no escape sequence is written; with
  /// `hyperlinks` off links are never OSC 8. Every line ends with its styles closed, so a
  /// pager can cut between any two lines.
  static func text(of lines: [StyledLine], usesColor: Bool, hyperlinks: Bool) -> String {
    var output = ""
    for line in lines {
      output += text(of: line, usesColor: usesColor, hyperlinks: hyperlinks)
      output += "\n"
    }
    return output
  }

  static func text(of line: StyledLine, usesColor: Bool, hyperlinks: Bool) -> String {
    var segments = line
    while let last = segments.last, last.text.utf8.last == 0x20 || last.text.isEmpty {
      let trimmed = String(last.text.reversed().drop(while: { $0 == " " }).reversed())
      if trimmed.isEmpty {
        segments.removeLast()
        continue
      }
      segments[segments.count - 1].text = trimmed
      break
    }
    guard usesColor else { return segments.map(\.text).joined() }

    var output = ""
    var openStyle = TextStyle.plain
    var openLink: String?
    for segment in segments where !segment.text.isEmpty {
      let link = hyperlinks ? segment.style.link : nil
      if link != openLink {
        if openLink != nil { output += "\u{1B}]8;;\u{1B}\\" }
        if let link { output += "\u{1B}]8;;\(link)\u{1B}\\" }
        openLink = link
      }
      var style = segment.style
      style.link = nil
      if style != openStyle {
        if !openStyle.isPlain { output += "\u{1B}[0m" }
        output += style.selectGraphicRendition
        openStyle = style
      }
      output += segment.text
    }
    if !openStyle.isPlain { output += "\u{1B}[0m" }
    if openLink != nil { output += "\u{1B}]8;;\u{1B}\\" }
    return output
  }

  /// `text` with control characters other than newline and tab made visible, so nothing in a
  /// lesson file can send its own escape sequence to the terminal.
  static func sanitized(_ text: String) -> String {
    guard
      text.unicodeScalars.contains(where: {
        ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F..<0xA0).contains($0.value)
      })
    else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20, scalar != "\n", scalar != "\t" {
        scalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
      } else if scalar.value == 0x7F {
        scalars.append("\u{2421}")
      } else if (0x80..<0xA0).contains(scalar.value) {
        scalars.append("\u{FFFD}")
      } else {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
