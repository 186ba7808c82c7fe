import Exercises
import Foundation
import Lessons
import Testing

@testable import Cells

/// Swift cells compiled with the real swiftc against the support modules and a workspace that
/// holds the reference solutions.
@Suite(.serialized) struct SwiftCellRunnerTests {
  static func cell(_ text: String, exercises: [String] = [], line: Int = 40) -> RunnableCell {
    RunnableCell(
      kind: .swift, number: 1, step: 1,
      block: CodeBlock(
        info: (["swift", "cell"] + exercises).joined(separator: " "), text: text, line: line),
      exerciseIDs: exercises, path: "lessons/example.md")
  }

  static func run(_ cell: RunnableCell) throws -> CellOutput {
    let data = try LessonContentTests.solvedDataFolder()
    return try CellExecutor.run(cell, environment: CellEnvironment(cache: nil, dataDirectory: data))
      .output
  }

  @Test func referenceOptimizerPlotsLossCurve() throws {
    let output = try Self.run(
      Self.cell(
        """
        let trace = try descend(objective("beale"), torch: "Adam", ["lr": .number(0.01)], steps: 50)
        Plot.figure(.loss, title: "Adam on Beale")
        Plot.loss("Adam lr=0.01", trace.losses)
        print("final", trace.finalLoss < trace.losses[0])
        """))
    #expect(output.lines == ["final true"])
    #expect(output.figures.count == 1)
    #expect(output.figures[0].title == "Adam on Beale")
    #expect(output.figures[0].series[0].y.count == 51)
  }

  @Test func learnerAdamMatchesReference() throws {
    let output = try Self.run(
      Self.cell(
        """
        let rosenbrock = objective("rosenbrock")
        var yours = Adam(parameterCount: 2, lr: 0.02)
        let mine = descend(rosenbrock, steps: 200) { θ, g in
          yours.step(parameters: &θ, gradients: g)
        }
        let ours = try descend(rosenbrock, torch: "Adam", ["lr": .number(0.02)], steps: 200)
        Plot.figure(.trajectory, title: "Adam", objective: "rosenbrock")
        Plot.path("yours", mine.path)
        Plot.path("ours", ours.path)
        let gap = zip(mine.finalParameters, ours.finalParameters).map { abs($0 - $1) }.max()!
        print(gap < 1e-12 ? "same" : "different by \\(gap)")
        """, exercises: ["adam"]))
    #expect(output.lines == ["same"])
    #expect(output.figures[0].kind == .trajectory)
    #expect(output.figures[0].series.map(\.name) == ["yours", "ours"])
  }

  @Test func compileErrorNamesLessonLine() throws {
    let cell = Self.cell("let x = 1\nlet y: Int = \"two\"", line: 40)
    #expect {
      try Self.run(cell)
    } throws: { error in
      let text = "\(error)"
      return text.contains("the cell did not compile") && text.contains("lessons/example.md:42:")
    }
  }

  @Test func crashReportsMessage() throws {
    let cell = Self.cell("_ = objective(\"himmelblau\")")
    #expect {
      try Self.run(cell)
    } throws: { error in
      let text = "\(error)"
      return text.contains("crashed") && text.contains("unknown objective 'himmelblau'")
    }
  }

  @Test func unknownExerciseRejected() throws {
    let cell = Self.cell("print(1)", exercises: ["adamax"])
    #expect {
      try Self.run(cell)
    } throws: { error in
      "\(error)".contains("unknown exercise 'adamax' after 'swift cell'")
    }
  }

  @Test func unfinishedExerciseNamed() throws {
    // A workspace of templates, as a learner has before starting the exercises.
    let data = FileManager.default.temporaryDirectory
      .appendingPathComponent("optimlings-cells-template-tests")
    let workspace = Workspace(dataDirectory: data)
    try workspace.prepare()
    let adam = try #require(ExerciseCatalog.exercise(id: "adam"))
    try adam.source(.template).write(
      to: workspace.file(for: adam), atomically: true, encoding: .utf8)
    let cell = Self.cell(
      """
      var yours = Adam(parameterCount: 2)
      _ = descend(objective("beale"), steps: 3) { θ, g in yours.step(parameters: &θ, gradients: g) }
      """, exercises: ["adam"])
    #expect {
      try CellExecutor.run(cell, environment: CellEnvironment(cache: nil, dataDirectory: data))
    } throws: { error in
      "\(error)".contains("this cell uses your adam, which still calls notImplemented()")
    }
  }

  @Test func cancellationStopsProgram() throws {
    let data = try LessonContentTests.solvedDataFolder()
    let cell = Self.cell("while true {}")
    #expect(throws: CellError.cancelled) {
      try CellExecutor.run(
        cell, environment: CellEnvironment(cache: nil, dataDirectory: data),
        isCancelled: { true })
    }
  }
}
