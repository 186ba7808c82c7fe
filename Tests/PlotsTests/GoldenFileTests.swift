import Foundation
import Testing

@testable import Plots

/// Compares rendered figures with the files in `Goldens/`.
///
/// Set `OPTIMLINGS_UPDATE_GOLDENS=1` to rewrite the files after an intended change, then
/// review the diff.
@Suite struct GoldenFileTests {
  static let styles: [(name: String, style: TerminalPlotStyle)] = [
    (
      "braille-color",
      TerminalPlotStyle(width: 72, plotRows: 14, usesColor: true, usesUnicode: true)
    ),
    (
      "braille-plain",
      TerminalPlotStyle(width: 72, plotRows: 14, usesColor: false, usesUnicode: true)
    ),
    ("ascii", TerminalPlotStyle(width: 72, plotRows: 14, usesColor: false, usesUnicode: false)),
  ]

  static let figures: [(name: String, figure: Figure)] = [
    ("loss", SampleFigures.lossCurves()),
    ("trajectory", SampleFigures.trajectories()),
    ("sweep", SampleFigures.sweep()),
  ]

  @Test(arguments: 0..<3, 0..<3)
  func terminalMatchesGolden(figureIndex: Int, styleIndex: Int) throws {
    let (figureName, figure) = Self.figures[figureIndex]
    let (styleName, style) = Self.styles[styleIndex]
    let rendered = TerminalPlot.render(figure, style: style)
    try Self.compare(rendered, golden: "\(figureName)-\(styleName).txt")
  }

  @Test(arguments: 0..<3)
  func svgMatchesGolden(figureIndex: Int) throws {
    let (figureName, figure) = Self.figures[figureIndex]
    try Self.compare(SVGPlot.document(figure), golden: "\(figureName).svg")
  }

  static func compare(_ rendered: String, golden name: String) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Goldens").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["OPTIMLINGS_UPDATE_GOLDENS"] == "1" {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try rendered.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("missing golden file \(name); run with OPTIMLINGS_UPDATE_GOLDENS=1 to create it")
      return
    }
    #expect(rendered == expected, "\(name) differs from its golden file")
  }
}
