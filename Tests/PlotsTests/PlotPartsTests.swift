import Foundation
import Testing

@testable import Plots

@Suite struct NumberTextTests {
  @Test(arguments: [
    (0.05, "0.05"), (1200, "1200"), (3.14159, "3.14"), (2.5e-5, "2.5e-5"), (1e6, "1e6"),
    (-0.001234, "-0.00123"), (9.9996, "10"), (0, "0"), (99999.6, "1e5"), (123456, "1.23e5"),
  ])
  func compactFormats(value: Double, expected: String) {
    #expect(NumberText.compact(value) == expected)
  }

  @Test func nonFiniteValuesNamed() {
    #expect(NumberText.compact(.nan) == "nan")
    #expect(NumberText.compact(.infinity) == "inf")
    #expect(NumberText.compact(-.infinity) == "-inf")
  }

  @Test func fixedRoundsAndPads() {
    #expect(NumberText.fixed(0.005, decimals: 3) == "0.005")
    #expect(NumberText.fixed(-1.25, decimals: 1) == "-1.3")
    #expect(NumberText.fixed(-0.0001, decimals: 2) == "0.00")
    #expect(NumberText.fixed(42, decimals: 0) == "42")
  }
}

@Suite struct TickTests {
  @Test func linearTicksUseNiceSteps() {
    let ticks = Ticks.linear(0...100, target: 5)
    #expect(ticks.map(\.value) == [0, 20, 40, 60, 80, 100])
    #expect(ticks.map(\.label) == ["0", "20", "40", "60", "80", "100"])
  }

  @Test func linearTickLabelsShowNeededDecimals() {
    let ticks = Ticks.linear(-1.5...1.5, target: 6)
    #expect(ticks.map(\.label) == ["-1.5", "-1.0", "-0.5", "0", "0.5", "1.0", "1.5"])
  }

  @Test func logTicksAtDecades() {
    let ticks = Ticks.logarithmic(1e-4...1, target: 5)
    #expect(ticks.map(\.label) == ["1e-4", "0.001", "0.01", "0.1", "1"])
  }

  @Test func logTicksThinnedToTarget() {
    let ticks = Ticks.logarithmic(1e-8...1, target: 3)
    #expect(ticks.map(\.value) == [1e-8, 1e-5, 1e-2])
  }

  @Test func narrowLogRangeAddsMultiples() {
    let ticks = Ticks.logarithmic(0.15...3, target: 4)
    #expect(ticks.map(\.label) == ["0.2", "0.5", "1", "2"])
  }
}

@Suite struct CanvasTests {
  @Test func brailleBitsFollowUnicodeLayout() {
    // Dots 1–3 and 7 are the left column, 4–6 and 8 the right column.
    #expect(DotCanvas.brailleBit(column: 0, row: 0) == 0x01)
    #expect(DotCanvas.brailleBit(column: 0, row: 2) == 0x04)
    #expect(DotCanvas.brailleBit(column: 1, row: 0) == 0x08)
    #expect(DotCanvas.brailleBit(column: 1, row: 2) == 0x20)
    #expect(DotCanvas.brailleBit(column: 0, row: 3) == 0x40)
    #expect(DotCanvas.brailleBit(column: 1, row: 3) == 0x80)
    #expect(DotCanvas.braille(0xFF) == "⣿")
  }

  @Test func diagonalFillsEveryDotRow() {
    var canvas = DotCanvas(columns: 2, rows: 1, glyphs: .braille)
    canvas.line(from: Point(x: 0, y: 1), to: Point(x: 1, y: 0), layer: .series(0))
    #expect(canvas.cell(column: 0, row: 0).dots == 0x01 | 0x10)
    #expect(canvas.cell(column: 1, row: 0).dots == 0x04 | 0x80)
  }

  @Test func seriesReplacesContourInCell() {
    var canvas = DotCanvas(columns: 1, rows: 1, glyphs: .braille)
    canvas.set(x: 0, y: 0, layer: .contour)
    canvas.set(x: 1, y: 1, layer: .series(2))
    canvas.set(x: 0, y: 3, layer: .contour)
    #expect(canvas.cell(column: 0, row: 0).layer == .series(2))
    #expect(canvas.cell(column: 0, row: 0).dots == 0x10)
  }

  @Test func segmentOutsideSquareClippedAway() {
    #expect(clipToUnitSquare(Point(x: 2, y: 2), Point(x: 3, y: 5)) == nil)
    let clipped = clipToUnitSquare(Point(x: -1, y: 0.5), Point(x: 1e300, y: 0.5))
    #expect(clipped?.0 == Point(x: 0, y: 0.5))
    #expect(clipped?.1 == Point(x: 1, y: 0.5))
  }
}

@Suite struct ContourTests {
  @Test func circleContourCrossesAxesAtRadius() {
    let map = ContourMap(xRange: -2...2, yRange: -2...2, levelCount: 1) { x, y in x * x + y * y }
    let segments = Contours.segments(of: map, columns: 41, rows: 41)
    #expect(!segments.isEmpty)
    let level = Contours.levels(
      of: (0..<41).flatMap { row in
        (0..<41).map { column -> Double in
          let x = -2 + Double(column) * 0.1
          let y = -2 + Double(row) * 0.1
          return x * x + y * y
        }
      }, count: 1)[0]
    for (a, b) in segments {
      for point in [a, b] {
        let radius = (point.x * point.x + point.y * point.y).squareRoot()
        #expect(abs(radius - level.squareRoot()) < 0.05)
      }
    }
  }

  @Test func levelsIncreaseStrictly() {
    let samples = (0..<1000).map { Double($0 % 7) }
    let levels = Contours.levels(of: samples, count: 10)
    #expect(levels == levels.sorted())
    #expect(Set(levels).count == levels.count)
    #expect(levels.allSatisfy { $0 > 0 })
  }
}

@Suite struct TerminalPlotTests {
  @Test func plainStyleWritesNoEscapes() {
    for figure in [SampleFigures.lossCurves(), SampleFigures.trajectories(), SampleFigures.sweep()]
    {
      let text = TerminalPlot.render(
        figure, style: TerminalPlotStyle(width: 60, usesColor: false, usesUnicode: true))
      #expect(!text.contains("\u{1B}"))
    }
  }

  @Test func asciiStyleWritesOnlyASCII() {
    for figure in [SampleFigures.lossCurves(), SampleFigures.trajectories(), SampleFigures.sweep()]
    {
      let text = TerminalPlot.render(
        figure, style: TerminalPlotStyle(width: 60, usesColor: false, usesUnicode: false))
      let isASCII = text.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(isASCII)
    }
  }

  @Test func asciiStyleSpellsOutGreekLabels() {
    let text = TerminalPlot.render(
      SampleFigures.trajectories(),
      style: TerminalPlotStyle(width: 60, usesColor: false, usesUnicode: false))
    #expect(text.contains("theta1"))
    #expect(text.contains("theta2"))
  }

  @Test(arguments: [44, 50, 61])
  func linesFitRequestedWidth(width: Int) {
    for figure in [SampleFigures.lossCurves(), SampleFigures.trajectories(), SampleFigures.sweep()]
    {
      let text = TerminalPlot.render(
        figure, style: TerminalPlotStyle(width: width, usesColor: false, usesUnicode: true))
      for line in text.split(separator: "\n") where !line.hasPrefix("*") && !line.hasPrefix("+") {
        #expect(line.count <= width, "line too wide: \(line)")
      }
    }
  }

  @Test func divergedSeriesDrawsAxesAndLegend() {
    let figure = Figure.lossCurves(
      title: "diverged",
      series: [
        Series(
          name: "blows up",
          points: [Point(x: 0, y: 1), Point(x: 1, y: 1e200), Point(x: 2, y: .nan)])
      ])
    let text = TerminalPlot.render(
      figure, style: TerminalPlotStyle(width: 40, plotRows: 6, usesColor: false, usesUnicode: false)
    )
    #expect(text.contains("* blows up"))
    #expect(text.split(separator: "\n").count == 12)
    #expect(!text.contains("nan"))
  }

  @Test func negativeLossUsesLinearAxis() {
    let figure = Figure.lossCurves(
      title: "", series: [Series(name: "signed", points: [Point(x: 0, y: 1), Point(x: 1, y: -1)])])
    #expect(figure.yAxis.scale == .linear)
  }

  @Test func zeroLossKeepsLogAxis() {
    let figure = Figure.lossCurves(
      title: "", series: [Series(name: "exact", points: [Point(x: 0, y: 1), Point(x: 1, y: 0)])])
    #expect(figure.yAxis.scale == .logarithmic)
  }
}
