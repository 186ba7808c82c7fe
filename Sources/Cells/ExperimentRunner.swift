import OptimizerKit
import Plots

/// The losses and parameters of one optimizer run of an experiment.
public struct RunOutcome: Sendable, Equatable {
  public var label: String
  /// The loss before the first step and after each step; index t is the loss after step t.
  public var losses: [Double]
  /// θ before the first step and after each step, for trajectory plots; empty otherwise.
  public var path: [[Double]]
  /// The parameters after the last step taken.
  public var finalParameters: [Double]
  /// The step at which the loss stopped being finite or grew past the divergence limit.
  public var divergedAtStep: Int?

  public var finalLoss: Double { losses.last ?? .nan }
}

/// The final losses of one `compare` entry across the learning rates of a sweep.
public struct SweepOutcome: Sendable, Equatable {
  public var label: String
  /// One final loss per learning rate, in the order of `lrs`; infinity where the run diverged.
  public var finalLosses: [Double]
}

/// An experiment's runs and the figure drawn from them.
public struct ExperimentResult: Sendable {
  public var cell: ExperimentCell
  public var runs: [RunOutcome]
  public var sweeps: [SweepOutcome]
  public var figure: FigureSpec
  /// The results as a table, shown under the figure.
  public var summary: TableData

  /// The figure and table, as the cache stores them.
  public var output: CellOutput { CellOutput(figures: [figure], tables: [summary]) }
}

/// Runs experiment cells on OptimizerKit's objectives with the reference optimizers.
public enum ExperimentRunner {
  /// A run counts as diverged once its loss exceeds this multiple of max(1, initial loss).
  public static let divergenceFactor = 1e8

  /// Runs every entry of `compare` on the cell's objective and draws the figure.
  ///
  /// - Parameter isCancelled: polled between steps; when it returns true the runner stops
  ///   and throws ``CellError/cancelled``.
  /// - Throws: ``CellError`` for an unknown objective, a start of the wrong length, a
  ///   trajectory plot of an objective without two parameters, an optimizer error, or
  ///   cancellation.
  public static func run(
    _ cell: ExperimentCell, isCancelled: @Sendable () -> Bool = { false }
  ) throws(CellError) -> ExperimentResult {
    guard let objective = Objectives.named(cell.objective) else {
      throw CellError(
        key: "objective",
        message:
          "unknown objective '\(cell.objective)'; use one of "
          + Objectives.allNames.joined(separator: ", "))
    }
    let start = cell.start ?? objective.suggestedStart
    guard start.count == objective.dimension else {
      throw CellError(
        key: "start",
        message:
          "\(objective.name) has \(objective.dimension) parameters but 'start' gives "
          + "\(start.count) numbers")
    }
    if cell.plot == .trajectory {
      guard objective.dimension == 2, objective.plotBounds != nil else {
        throw CellError(
          key: "plot",
          message:
            "a trajectory needs an objective with two parameters; \(objective.name) has "
            + "\(objective.dimension). Use 'plot: loss' instead")
      }
    }

    let title =
      cell.title
      ?? "\(objective.name), \(cell.steps) steps from (\(start.map { NumberText.compact($0) }.joined(separator: ", ")))"

    switch cell.plot {
    case .loss, .trajectory:
      var runs: [RunOutcome] = []
      for run in cell.runs {
        runs.append(
          try descend(
            run, hyperparameters: run.hyperparameters, on: objective, from: start,
            steps: cell.steps, recordsPath: cell.plot == .trajectory, isCancelled: isCancelled))
      }
      let series = runs.map { outcome in
        let isLoss = cell.plot == .loss
        return FigureSpec.SeriesData(
          name: outcome.label,
          x: isLoss ? outcome.losses.indices.map(Double.init) : outcome.path.map { $0[0] },
          y: isLoss ? outcome.losses : outcome.path.map { $0[1] },
          note: note(for: outcome))
      }
      let spec = FigureSpec(
        kind: cell.plot == .loss ? .loss : .trajectory, title: title, objective: objective.name,
        series: series)
      return ExperimentResult(
        cell: cell, runs: runs, sweeps: [], figure: spec,
        summary: summary(runs, steps: cell.steps))

    case .sweep:
      var sweeps: [SweepOutcome] = []
      for run in cell.runs {
        var finals: [Double] = []
        for lr in cell.learningRates {
          var hyperparameters = run.hyperparameters
          hyperparameters["lr"] = .number(lr)
          let outcome = try descend(
            run, hyperparameters: hyperparameters, on: objective, from: start, steps: cell.steps,
            recordsPath: false, isCancelled: isCancelled)
          finals.append(outcome.divergedAtStep == nil ? outcome.finalLoss : .infinity)
        }
        sweeps.append(SweepOutcome(label: run.label, finalLosses: finals))
      }
      let series = sweeps.map { sweep in
        FigureSpec.SeriesData(
          name: sweep.label, x: cell.learningRates, y: sweep.finalLosses,
          note: sweepNote(sweep, learningRates: cell.learningRates))
      }
      let spec = FigureSpec(
        kind: .sweep,
        title: cell.title ?? "\(objective.name): final loss after \(cell.steps) steps",
        objective: objective.name, series: series)
      return ExperimentResult(
        cell: cell, runs: [], sweeps: sweeps, figure: spec,
        summary: sweepSummary(sweeps, learningRates: cell.learningRates))
    }
  }

  /// Steps one reference optimizer on `objective` and records every loss.
  static func descend(
    _ run: ExperimentCell.Run, hyperparameters: [String: HyperparameterValue],
    on objective: any Objective, from start: [Double], steps: Int, recordsPath: Bool,
    isCancelled: () -> Bool
  ) throws(CellError) -> RunOutcome {
    var optimizer: ReferenceOptimizer
    do {
      optimizer = try ReferenceOptimizer.make(
        torchName: run.optimizer, hyperparameters: hyperparameters,
        parameterCount: objective.dimension)
    } catch {
      throw CellError(key: "compare", message: "in '\(run.label)': \(error.description)")
    }

    var parameters = start
    let initialLoss = objective.loss(parameters)
    let limit = divergenceFactor * max(1, abs(initialLoss))
    var outcome = RunOutcome(
      label: run.label, losses: [initialLoss], path: recordsPath ? [parameters] : [],
      finalParameters: parameters, divergedAtStep: nil)
    for step in 1...max(1, steps) {
      if step % 64 == 0 && isCancelled() { throw CellError.cancelled }
      let gradients = objective.gradient(parameters)
      do {
        try optimizer.step(parameters: &parameters, gradients: gradients)
      } catch {
        throw CellError(
          key: "compare", message: "in '\(run.label)' at step \(step): \(error.description)")
      }
      let loss = objective.loss(parameters)
      outcome.losses.append(loss)
      if recordsPath { outcome.path.append(parameters) }
      outcome.finalParameters = parameters
      if !loss.isFinite || loss > limit || !parameters.allSatisfy(\.isFinite) {
        outcome.divergedAtStep = step
        break
      }
    }
    return outcome
  }

  static func note(for outcome: RunOutcome) -> String {
    if let step = outcome.divergedAtStep { return "diverged at step \(step)" }
    return "final loss \(NumberText.compact(outcome.finalLoss))"
  }

  static func sweepNote(_ sweep: SweepOutcome, learningRates: [Double]) -> String {
    let finite = zip(learningRates, sweep.finalLosses).filter { $0.1.isFinite }
    guard let best = finite.min(by: { $0.1 < $1.1 }) else { return "diverged at every lr" }
    var note = "best lr \(NumberText.compact(best.0)) (loss \(NumberText.compact(best.1)))"
    let diverged = zip(learningRates, sweep.finalLosses).filter { !$0.1.isFinite }.map(\.0)
    if let smallest = diverged.min() {
      note += ", diverged at lr \(NumberText.compact(smallest))"
      if diverged.count > 1 { note += " and \(diverged.count - 1) more" }
    }
    return note
  }

  static func summary(_ runs: [RunOutcome], steps: Int) -> TableData {
    let rows = runs.map { run -> [String] in
      let result: String
      if let step = run.divergedAtStep {
        result = "diverged at step \(step)"
      } else {
        result = NumberText.compact(run.finalLoss, significantDigits: 4)
      }
      let theta = run.finalParameters.prefix(4).map { NumberText.compact($0, significantDigits: 4) }
      let more = run.finalParameters.count > 4 ? ", …" : ""
      return [run.label, result, "(\(theta.joined(separator: ", "))\(more))"]
    }
    return TableData(header: ["run", "final loss", "final θ"], rows: rows)
  }

  static func sweepSummary(_ sweeps: [SweepOutcome], learningRates: [Double]) -> TableData {
    let header = ["run / lr"] + learningRates.map { NumberText.compact($0) }
    let rows = sweeps.map { sweep in
      [sweep.label]
        + sweep.finalLosses.map {
          $0.isFinite ? NumberText.compact($0, significantDigits: 3) : "diverged"
        }
    }
    return TableData(header: header, rows: rows)
  }
}

extension CellError {
  /// The error a run throws when the learner pressed Ctrl-C.
  public static let cancelled = CellError(message: "cancelled")
}
