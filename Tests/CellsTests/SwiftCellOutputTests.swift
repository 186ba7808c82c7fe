import Testing

@testable import CellSupport
@testable import Cells

@Suite struct SwiftCellOutputTests {
  @Test func protocolLinesBecomeFigures() throws {
    let stdout = [
      "hello",
      Plot.figureLine(.trajectory, title: "Adam \"ours\"", objective: "rosenbrock"),
      Plot.seriesLine(.trajectory, name: "yours", x: [0, 1], y: [2, 3], note: nil),
      Plot.seriesLine(.trajectory, name: "ours", x: [0], y: [1], note: "final\tloss"),
      Plot.seriesLine(.loss, name: "yours", x: [0, 1], y: [5, .infinity], note: nil),
      "done",
      "",
    ].joined(separator: "\n")
    let output = try SwiftCellOutput.parse(stdout)
    #expect(output.lines == ["hello", "done"])
    #expect(output.figures.count == 2)
    #expect(output.figures[0].kind == .trajectory)
    #expect(output.figures[0].title == "Adam \"ours\"")
    #expect(output.figures[0].objective == "rosenbrock")
    #expect(output.figures[0].series.map(\.name) == ["yours", "ours"])
    #expect(output.figures[0].series[1].note == "final\tloss")
    #expect(output.figures[1].kind == .loss)
    #expect(output.figures[1].series[0].y == [5, .infinity])
  }

  @Test func nanSurvivesRoundTrip() throws {
    let line = Plot.seriesLine(.loss, name: "n", x: [0], y: [.nan], note: nil)
    let output = try SwiftCellOutput.parse(line)
    #expect(output.figures[0].series[0].y[0].isNaN)
  }

  @Test func controlCharactersEscaped() {
    #expect(JSON.string("a\u{1}b\\") == "\"a\\u0001b\\\\\"")
  }

  @Test func malformedLineNamesLine() {
    #expect(throws: CellError.self) { try SwiftCellOutput.parse("ok\n@optimlings {nope") }
    do {
      _ = try SwiftCellOutput.parse("ok\n@optimlings {nope")
    } catch {
      #expect(error.description.hasPrefix("output line 2 is not a valid protocol line"))
    }
  }

  @Test func mismatchedSeriesRejected() {
    let stdout = "@optimlings {\"series\":\"s\",\"kind\":\"loss\",\"x\":[1,2],\"y\":[1]}"
    #expect(
      throws: CellError(message: "output line 1: series 's' has 2 x values but 1 y values")
    ) { try SwiftCellOutput.parse(stdout) }
  }

  @Test func unknownKindListsKinds() {
    let stdout = "@optimlings {\"figure\":\"pie\",\"title\":\"\"}"
    #expect(
      throws: CellError(
        message: "output line 1: unknown figure kind 'pie'; use loss, trajectory, sweep")
    ) { try SwiftCellOutput.parse(stdout) }
  }

  @Test func descendRecordsEveryStep() throws {
    let trace = try descend(objective("quadratic"), torch: "SGD", ["lr": .number(0.5)], steps: 4)
    #expect(trace.losses.count == 5)
    #expect(trace.path.count == 5)
    #expect(trace.finalLoss < trace.losses[0])
  }
}
