/// Writes figures as standalone SVG documents for a browser.
public enum SVGPlot {
  static let width = 720.0
  static let plotHeight = 320.0
  static let marginLeft = 72.0
  static let marginRight = 24.0
  static let marginTop = 52.0
  static let legendLineHeight = 18.0

  /// Renders the figure as an SVG 1.1 document.
  public static func document(_ figure: Figure) -> String {
    let projection = Projection(figure: figure)
    let plot = PlotArea(
      left: marginLeft, top: marginTop, width: width - marginLeft - marginRight,
      height: plotHeight)
    let legendTop = plot.bottom + 64
    let height = legendTop + legendLineHeight * Double(figure.series.count) + 12

    var svg = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" \
      viewBox="0 0 \(n(width)) \(n(height))" font-family="sans-serif" font-size="12">
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(n(plot.left))" y="24" font-size="15" font-weight="bold">\(escape(figure.title))</text>
      <text x="\(n(plot.left))" y="\(n(plot.top - 10))">\(escape(figure.yAxis.label))</text>
      <defs><clipPath id="plot-area"><rect x="\(n(plot.left))" y="\(n(plot.top))" \
      width="\(n(plot.width))" height="\(n(plot.height))"/></clipPath></defs>

      """
    svg += axes(figure, projection: projection, plot: plot)
    svg += "<g clip-path=\"url(#plot-area)\">\n"
    if let contour = figure.contour {
      var path = ""
      for (a, b) in Contours.segments(of: contour, columns: 160, rows: 110) {
        guard let start = projection.unit(a), let end = projection.unit(b),
          let (from, to) = clipToUnitSquare(start, end)
        else { continue }
        path += "M\(plot.coordinates(from))L\(plot.coordinates(to))"
      }
      svg +=
        "<path d=\"\(path)\" fill=\"none\" stroke=\"\(Palette.contourSVGColor)\" stroke-width=\"0.8\"/>\n"
    }
    for (index, series) in figure.series.enumerated() {
      let path = pathData(projection.polylines(series), plot: plot)
      if !path.isEmpty {
        svg +=
          "<path d=\"\(path)\" fill=\"none\" stroke=\"\(Palette.svgColor(index))\" "
          + "stroke-width=\"1.6\" stroke-linejoin=\"round\"/>\n"
      }
    }
    svg += "</g>\n"
    svg += markers(figure, projection: projection, plot: plot)
    svg += legend(figure, top: legendTop, plot: plot)
    svg += "</svg>\n"
    return svg
  }

  private static func axes(_ figure: Figure, projection: Projection, plot: PlotArea) -> String {
    var svg =
      "<rect x=\"\(n(plot.left))\" y=\"\(n(plot.top))\" width=\"\(n(plot.width))\" "
      + "height=\"\(n(plot.height))\" fill=\"none\" stroke=\"#444\"/>\n"
    let xTicks = Ticks.ticks(for: projection.xRange, scale: projection.xScale, target: 7)
    for tick in xTicks {
      guard
        let fraction = Projection.fraction(
          tick.value, in: projection.xRange, scale: projection.xScale),
        (-1e-9...(1 + 1e-9)).contains(fraction)
      else { continue }
      let x = plot.left + fraction * plot.width
      svg +=
        "<line x1=\"\(n(x))\" y1=\"\(n(plot.bottom))\" x2=\"\(n(x))\" y2=\"\(n(plot.bottom + 5))\" "
        + "stroke=\"#444\"/>\n"
        + "<text x=\"\(n(x))\" y=\"\(n(plot.bottom + 19))\" text-anchor=\"middle\">"
        + "\(escape(tick.label))</text>\n"
    }
    let yTicks = Ticks.ticks(for: projection.yRange, scale: projection.yScale, target: 6)
    for tick in yTicks {
      guard
        let fraction = Projection.fraction(
          tick.value, in: projection.yRange, scale: projection.yScale),
        (-1e-9...(1 + 1e-9)).contains(fraction)
      else { continue }
      let y = plot.bottom - fraction * plot.height
      svg +=
        "<line x1=\"\(n(plot.left - 5))\" y1=\"\(n(y))\" x2=\"\(n(plot.left))\" y2=\"\(n(y))\" "
        + "stroke=\"#444\"/>\n"
        + "<text x=\"\(n(plot.left - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\">"
        + "\(escape(tick.label))</text>\n"
    }
    svg +=
      "<text x=\"\(n(plot.left + plot.width))\" y=\"\(n(plot.bottom + 40))\" "
      + "text-anchor=\"end\">\(escape(figure.xAxis.label))</text>\n"
    return svg
  }

  private static func markers(_ figure: Figure, projection: Projection, plot: PlotArea) -> String {
    var svg = ""
    for (index, series) in figure.series.enumerated() {
      let lines = projection.polylines(series)
      let points: [Point]
      switch series.markers {
      case .none: points = []
      case .last: points = lines.last?.last.map { [$0] } ?? []
      case .every: points = Array(lines.joined())
      }
      for point in points where (0...1).contains(point.x) && (0...1).contains(point.y) {
        let (x, y) = plot.position(point)
        svg +=
          "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"3.5\" fill=\"\(Palette.svgColor(index))\" "
          + "stroke=\"white\" stroke-width=\"1\"/>\n"
      }
    }
    return svg
  }

  private static func legend(_ figure: Figure, top: Double, plot: PlotArea) -> String {
    var svg = ""
    for (index, series) in figure.series.enumerated() {
      let y = top + Double(index) * legendLineHeight
      var label = series.name
      if let note = series.note, !note.isEmpty { label += "  " + note }
      svg +=
        "<line x1=\"\(n(plot.left))\" y1=\"\(n(y - 4))\" x2=\"\(n(plot.left + 24))\" "
        + "y2=\"\(n(y - 4))\" stroke=\"\(Palette.svgColor(index))\" stroke-width=\"2.5\"/>\n"
        + "<text x=\"\(n(plot.left + 32))\" y=\"\(n(y))\">\(escape(label))</text>\n"
    }
    return svg
  }

  /// Path data for polylines in unit coordinates, clipped to the plot area.
  private static func pathData(_ lines: [[Point]], plot: PlotArea) -> String {
    var data = ""
    for line in lines {
      var penAt: Point?
      if line.count == 1, let only = line.first,
        (0...1).contains(only.x), (0...1).contains(only.y)
      {
        data += "M\(plot.coordinates(only))l0.01,0"
      }
      for (a, b) in zip(line, line.dropFirst()) {
        guard let (from, to) = clipToUnitSquare(a, b) else {
          penAt = nil
          continue
        }
        if penAt != from { data += "M\(plot.coordinates(from))" }
        data += "L\(plot.coordinates(to))"
        penAt = to
      }
    }
    return data
  }

  /// Formats a number for an SVG attribute, with at most two decimals.
  static func n(_ value: Double) -> String {
    var text = NumberText.fixed(value, decimals: 2)
    while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
    return text
  }

  /// Text with the characters XML reserves replaced by entities.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default: result.append(character)
      }
    }
    return result
  }
}

/// The plot rectangle in SVG user units, with y growing downwards.
private struct PlotArea {
  var left: Double
  var top: Double
  var width: Double
  var height: Double

  var bottom: Double { top + height }

  func position(_ unit: Point) -> (Double, Double) {
    (left + unit.x * width, bottom - unit.y * height)
  }

  func coordinates(_ unit: Point) -> String {
    let (x, y) = position(unit)
    return "\(SVGPlot.n(x)),\(SVGPlot.n(y))"
  }
}
