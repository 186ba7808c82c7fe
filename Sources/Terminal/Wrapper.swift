/// Fills styled text into lines of a given display width.
enum Wrapper {
  private struct Word {
    var pieces: [Segment] = []
    var width = 0
  }

  /// Wraps `segments` to `width` columns. Runs of spaces become one space, `\n` forces a
  /// break, and a word wider than the line is cut at character boundaries.
  static func wrap(_ segments: [Segment], width: Int) -> [StyledLine] {
    let width = max(1, width)
    var lines: [StyledLine] = []
    var line: StyledLine = []
    var lineWidth = 0
    var word = Word()
    var pendingSpace: Segment?

    func flushWord() {
      guard !word.pieces.isEmpty else { return }
      if lineWidth > 0, lineWidth + 1 + word.width <= width {
        line.append(pendingSpace ?? Segment(" "))
        lineWidth += 1
      } else if lineWidth > 0 {
        lines.append(line)
        line = []
        lineWidth = 0
      }
      if word.width <= width - lineWidth {
        line.append(contentsOf: word.pieces)
        lineWidth += word.width
      } else {
        for piece in word.pieces {
          var chunk = ""
          for character in piece.text {
            let characterWidth = DisplayWidth.of(character)
            if lineWidth + characterWidth > width, lineWidth > 0 {
              if !chunk.isEmpty { line.append(Segment(chunk, piece.style)) }
              lines.append(line)
              line = []
              lineWidth = 0
              chunk = ""
            }
            chunk.append(character)
            lineWidth += characterWidth
          }
          if !chunk.isEmpty { line.append(Segment(chunk, piece.style)) }
        }
      }
      word = Word()
      pendingSpace = nil
    }

    // Splits at ASCII space, tab and LF bytes; they never occur inside a multi-byte
    // character, so every piece is valid UTF-8.
    for segment in segments {
      let bytes = segment.text.utf8
      var pieceStart = bytes.startIndex
      var index = bytes.startIndex
      while index < bytes.endIndex {
        let byte = bytes[index]
        guard byte == 0x20 || byte == 0x0A || byte == 0x09 else {
          index = bytes.index(after: index)
          continue
        }
        if pieceStart < index {
          let piece = String(Substring(bytes[pieceStart..<index]))
          word.pieces.append(Segment(piece, segment.style))
          word.width += DisplayWidth.of(piece)
        }
        flushWord()
        if byte == 0x0A {
          lines.append(line)
          line = []
          lineWidth = 0
          pendingSpace = nil
        } else if lineWidth > 0 {
          var spaceStyle = segment.style
          spaceStyle.strikethrough = false
          pendingSpace = Segment(" ", spaceStyle)
        }
        index = bytes.index(after: index)
        pieceStart = index
      }
      if pieceStart < bytes.endIndex {
        let piece = String(Substring(bytes[pieceStart..<bytes.endIndex]))
        word.pieces.append(Segment(piece, segment.style))
        word.width += DisplayWidth.of(piece)
      }
    }
    flushWord()
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  static func width(of line: StyledLine) -> Int {
    line.reduce(0) { $0 + $1.width }
  }
}
