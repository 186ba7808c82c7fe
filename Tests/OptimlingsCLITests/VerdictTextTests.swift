import Exercises
import Testing

@testable import OptimlingsCLI

@Suite struct VerdictTextTests {
  private let rows = (2...4).map { step in
    Verdict.TableRow(
      step: step, expected: [1.00113043036, -1.99862917899, 0.501084671324],
      actual: [1.00108733715, -1.99871034044, 0.501017616855])
  }

  @Test func wideConsoleKeepsOneLinePerStep() {
    let lines = VerdictText.tableLines(rows, quantity: "parameters", width: 200)
    #expect(lines.count == 4)
    #expect(lines[0] == "  step  expected parameters → yours")
    #expect(
      lines[1]
        == "  2     [1.00113043036, -1.99862917899, 0.501084671324] → "
        + "[1.00108733715, -1.99871034044, 0.501017616855]")
  }

  @Test(arguments: [80, 50, 30])
  func narrowConsoleStacksRows(width: Int) {
    let lines = VerdictText.tableLines(rows, quantity: "parameters", width: width)
    for line in lines {
      #expect(line.count <= width, "\(line)")
    }
    // Every digit survives: the values are cut only between numbers.
    let text = lines.joined(separator: " ")
    #expect(text.contains("-1.99862917899"))
    #expect(text.contains("0.501017616855"))
  }

  @Test func stackedRowsPairExpectedWithYours() {
    let lines = VerdictText.tableLines(rows, quantity: "parameters", width: 80)
    #expect(lines[0] == "  step  parameters, expected above yours")
    #expect(lines[1] == "  2     expected [1.00113043036, -1.99862917899, 0.501084671324]")
    #expect(lines[2] == "        yours    [1.00108733715, -1.99871034044, 0.501017616855]")
  }

  @Test func messageWithoutTableIsWrapped() {
    let verdict = Verdict(
      exercise: "adam", kind: .crashed,
      message: "✗ adam: " + String(repeating: "word ", count: 40))
    for line in VerdictText.render(verdict, width: 40).split(separator: "\n") {
      #expect(line.count <= 40, "\(line)")
    }
  }
}
