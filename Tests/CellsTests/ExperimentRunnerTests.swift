import OptimizerKit
import Plots
import Testing

@testable import Cells

@Suite struct ExperimentRunnerTests {
  @Test func sgdOnBowlMatchesClosedForm() throws {
    // On ½(x² + y²) plain SGD multiplies θ by (1 − lr) each step.
    let cell = try ExperimentCell.parse("objective: quadratic\nsteps: 3\ncompare: SGD lr=0.1")
    let result = try ExperimentRunner.run(cell)
    let run = try #require(result.runs.first)
    let start = try #require(Objectives.named("quadratic")).suggestedStart
    #expect(run.losses.count == 4)
    for (actual, initial) in zip(run.finalParameters, start) {
      #expect(abs(actual - initial * 0.729) < 1e-15)
    }
    #expect(run.divergedAtStep == nil)
  }

  @Test func lossPlotHasOneSeriesPerRun() throws {
    let cell = try ExperimentCell.parse(
      "objective: rosenbrock\nsteps: 200\ncompare: SGD lr=0.001; SGD lr=0.001 momentum=0.9; Adam lr=0.02"
    )
    let result = try ExperimentRunner.run(cell)
    #expect(result.figure.figure().series.map(\.name) == cell.runs.map(\.label))
    #expect(result.figure.figure().series.allSatisfy { $0.points.count == 201 })
    #expect(result.figure.figure().yAxis.scale == .logarithmic)
    #expect(result.summary.header == ["run", "final loss", "final θ"])
    #expect(result.summary.rows.map(\.[0]) == cell.runs.map(\.label))
    #expect(result.runs.allSatisfy { $0.finalLoss < $0.losses[0] })
  }

  @Test func trajectoryDrawsPathsOverContours() throws {
    let cell = try ExperimentCell.parse(
      "objective: rosenbrock\nstart: -1.5, 2\nsteps: 50\ncompare: Adam lr=0.05\nplot: trajectory")
    let result = try ExperimentRunner.run(cell)
    let series = try #require(result.figure.figure().series.first)
    #expect(series.points.count == 51)
    #expect(series.points[0] == Point(x: -1.5, y: 2))
    #expect(result.figure.figure().contour != nil)
    #expect(series.markers == .last)
  }

  @Test func divergingRunStopsAndSaysSo() throws {
    let cell = try ExperimentCell.parse(
      "objective: ill-conditioned\nsteps: 500\ncompare: SGD lr=0.05")
    let result = try ExperimentRunner.run(cell)
    let run = try #require(result.runs.first)
    let step = try #require(run.divergedAtStep)
    #expect(step < 500)
    #expect(run.losses.count == step + 1)
    #expect(result.figure.figure().series[0].note == "diverged at step \(step)")
  }

  @Test func sweepMarksDivergedRates() throws {
    let cell = try ExperimentCell.parse(
      "objective: quadratic\nplot: sweep\nlrs: 0.01, 0.1, 1.5, 3\ncompare: SGD")
    let result = try ExperimentRunner.run(cell)
    let sweep = try #require(result.sweeps.first)
    #expect(sweep.finalLosses.count == 4)
    #expect(sweep.finalLosses[0] > sweep.finalLosses[1])
    #expect(sweep.finalLosses[3] == .infinity)
    #expect(result.figure.figure().xAxis.scale == .logarithmic)
    #expect(result.figure.figure().series[0].note?.contains("diverged at lr 3") == true)
    #expect(result.summary.header == ["run / lr", "0.01", "0.1", "1.5", "3"])
    #expect(result.summary.rows[0].last == "diverged")
  }

  @Test func cancellationStopsRun() throws {
    let cell = try ExperimentCell.parse("objective: rosenbrock\nsteps: 100000\ncompare: Adam")
    #expect(throws: CellError.cancelled) { try ExperimentRunner.run(cell, isCancelled: { true }) }
  }

  @Test func unknownObjectiveListsNames() throws {
    let cell = try ExperimentCell.parse("objective: himmelblau\ncompare: Adam")
    #expect(
      throws: CellError(
        key: "objective",
        message: "unknown objective 'himmelblau'; use one of "
          + Objectives.allNames.joined(separator: ", "))
    ) { try ExperimentRunner.run(cell) }
  }

  @Test func startOfWrongLengthRejected() throws {
    let cell = try ExperimentCell.parse("objective: beale\nstart: 1, 2, 3\ncompare: Adam")
    #expect(
      throws: CellError(
        key: "start", message: "beale has 2 parameters but 'start' gives 3 numbers")
    ) { try ExperimentRunner.run(cell) }
  }
}
