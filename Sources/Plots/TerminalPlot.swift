/// Size, colour and character set of a figure drawn in a terminal.
public struct TerminalPlotStyle: Sendable, Equatable {
  /// Total columns, including the tick labels on the left.
  public var width: Int
  /// Character rows of the plot area, without title, axis labels and legend.
  public var plotRows: Int
  /// Whether ANSI colour escapes may be written; with false the output has no escapes.
  public var usesColor: Bool
  /// Whether Unicode braille and box-drawing characters may be used; ASCII otherwise.
  public var usesUnicode: Bool

  public init(width: Int, plotRows: Int = 16, usesColor: Bool, usesUnicode: Bool) {
    self.width = width
    self.plotRows = plotRows
    self.usesColor = usesColor
    self.usesUnicode = usesUnicode
  }
}

/// Draws figures as text: braille dots (or ASCII), labelled axes with ticks, and a legend.
public enum TerminalPlot {
  /// The smallest plot area drawn, in columns and rows; narrower consoles get this anyway.
  static let minimumPlotColumns = 20
  static let minimumPlotRows = 5

  /// Renders `figure` as lines of text, each ending in a newline.
  public static func render(_ figure: Figure, style: TerminalPlotStyle) -> String {
    let projection = Projection(figure: figure)
    let xTicks = Ticks.ticks(
      for: projection.xRange, scale: projection.xScale, target: max(2, style.width / 14))
    let yTicks = Ticks.ticks(
      for: projection.yRange, scale: projection.yScale, target: max(2, style.plotRows / 3))
    let box = BoxCharacters(unicode: style.usesUnicode)

    let labelWidth = yTicks.map(\.label.count).max() ?? 1
    let plotColumns = max(minimumPlotColumns, style.width - labelWidth - 2)
    let plotRows = max(minimumPlotRows, style.plotRows)
    var canvas = DotCanvas(
      columns: plotColumns, rows: plotRows, glyphs: style.usesUnicode ? .braille : .ascii)
    draw(figure, projection: projection, style: style, on: &canvas)

    var lines: [String] = []
    if !figure.title.isEmpty { lines.append(figure.title) }
    lines.append(figure.yAxis.label)

    var tickRows: [Int: String] = [:]
    for tick in yTicks {
      guard
        let fraction = Projection.fraction(
          tick.value, in: projection.yRange, scale: projection.yScale),
        (-1e-9...(1 + 1e-9)).contains(fraction)
      else { continue }
      let row = canvas.dot(Point(x: 0, y: fraction)).y / canvas.dotsPerRow
      if tickRows[row] == nil { tickRows[row] = tick.label }
    }
    for row in 0..<plotRows {
      let label = tickRows[row] ?? ""
      let padding = String(repeating: " ", count: labelWidth - label.count)
      let axis = tickRows[row] == nil ? box.vertical : box.verticalTick
      lines.append(padding + label + " " + axis + text(row: row, of: canvas, style: style))
    }

    var axisLine = Array(repeating: box.horizontal, count: plotColumns)
    // Tick labels may overhang the plot's right edge, but not the requested width.
    let lineWidth = max(style.width, labelWidth + 2 + plotColumns)
    var labelLine = Array(repeating: Character(" "), count: lineWidth)
    var nextFree = 0
    for tick in xTicks {
      guard
        let fraction = Projection.fraction(
          tick.value, in: projection.xRange, scale: projection.xScale),
        (-1e-9...(1 + 1e-9)).contains(fraction)
      else { continue }
      let column = canvas.dot(Point(x: fraction, y: 0)).x / canvas.dotsPerColumn
      axisLine[column] = box.horizontalTick
      let centre = labelWidth + 2 + column
      let start = max(nextFree, min(centre - tick.label.count / 2, lineWidth - tick.label.count))
      guard start + tick.label.count <= lineWidth, start <= centre else { continue }
      for (offset, character) in tick.label.enumerated() { labelLine[start + offset] = character }
      nextFree = start + tick.label.count + 1
    }
    lines.append(String(repeating: " ", count: labelWidth + 1) + box.corner + String(axisLine))
    lines.append(trimmingTrailingSpaces(String(labelLine)))
    let xLabel = figure.xAxis.label
    let xLabelIndent = max(0, labelWidth + 2 + plotColumns - xLabel.count)
    lines.append(String(repeating: " ", count: xLabelIndent) + xLabel)

    for (index, series) in figure.series.enumerated() {
      lines.append(legendEntry(series, index: index, style: style))
    }
    let text = lines.map { $0 + "\n" }.joined()
    return style.usesUnicode ? text : ASCIIText.transliterate(text)
  }

  private static func draw(
    _ figure: Figure, projection: Projection, style: TerminalPlotStyle, on canvas: inout DotCanvas
  ) {
    let sparseContours = !style.usesColor && style.usesUnicode
    if let contour = figure.contour {
      let segments = Contours.segments(
        of: contour, columns: canvas.dotWidth, rows: canvas.dotHeight)
      for (a, b) in segments {
        guard let start = projection.unit(a), let end = projection.unit(b) else { continue }
        canvas.line(from: start, to: end, layer: .contour, sparse: sparseContours)
      }
    }

    for (index, series) in figure.series.enumerated() {
      let lines = projection.polylines(series)
      for line in lines {
        if line.count == 1 { canvas.line(from: line[0], to: line[0], layer: .series(index)) }
        for (a, b) in zip(line, line.dropFirst()) {
          canvas.line(from: a, to: b, layer: .series(index))
        }
      }
      var markers = series.markers
      // Without colour, braille lines look alike, so a symbol marks the end of each.
      if markers == .none && !style.usesColor && style.usesUnicode { markers = .last }
      let symbol = Palette.symbol(index)
      switch markers {
      case .none: break
      case .last:
        if let last = lines.last?.last { canvas.mark(last, symbol: symbol, series: index) }
      case .every:
        for point in lines.joined() { canvas.mark(point, symbol: symbol, series: index) }
      }
    }
  }

  private static func text(row: Int, of canvas: DotCanvas, style: TerminalPlotStyle) -> String {
    var result = ""
    var activeColor: String?
    for column in 0..<canvas.columns {
      let cell = canvas.cell(column: column, row: row)
      let character: Character
      var color: String?
      if let marker = cell.marker {
        character = marker.symbol
        color = Palette.ansiCode(marker.series)
      } else {
        switch (cell.layer, canvas.glyphs) {
        case (.empty, _): character = " "
        case (.contour, .braille): character = DotCanvas.braille(cell.dots)
        case (.contour, .ascii): character = "."
        case (.series, .braille): character = DotCanvas.braille(cell.dots)
        case (.series(let index), .ascii): character = Palette.symbol(index)
        }
        switch cell.layer {
        case .empty: color = nil
        case .contour: color = Palette.contourANSICode
        case .series(let index): color = Palette.ansiCode(index)
        }
      }
      if style.usesColor && color != activeColor && character != " " {
        result += color.map { "\u{1B}[\($0)m" } ?? "\u{1B}[0m"
        activeColor = color
      }
      result.append(character)
    }
    result = trimmingTrailingSpaces(result)
    if style.usesColor && activeColor != nil { result += "\u{1B}[0m" }
    return result
  }

  private static func legendEntry(_ series: Series, index: Int, style: TerminalPlotStyle) -> String
  {
    let symbol = Palette.symbol(index)
    var key: String
    if style.usesColor {
      let line = style.usesUnicode ? "━━" : "--"
      key = "\u{1B}[\(Palette.ansiCode(index))m\(line)\(symbol)\u{1B}[0m"
    } else {
      key = String(symbol)
    }
    key += " " + series.name
    if let note = series.note, !note.isEmpty { key += "  " + note }
    return key
  }

  private static func trimmingTrailingSpaces(_ text: String) -> String {
    var result = text
    while result.last == " " { result.removeLast() }
    return result
  }
}

/// The characters that draw the axes.
private struct BoxCharacters {
  let vertical: String
  let verticalTick: String
  let corner: String
  let horizontal: Character
  let horizontalTick: Character

  init(unicode: Bool) {
    vertical = unicode ? "│" : "|"
    verticalTick = unicode ? "┤" : "+"
    corner = unicode ? "└" : "+"
    horizontal = unicode ? "─" : "-"
    horizontalTick = unicode ? "┬" : "+"
  }
}
