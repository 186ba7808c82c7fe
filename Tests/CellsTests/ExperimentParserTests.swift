import OptimizerKit
import Testing

@testable import Cells

@Suite struct ExperimentParserTests {
  @Test func fullCellParses() throws {
    let cell = try ExperimentCell.parse(
      """
      # a comment
      objective: Rosenbrock
      start: -1.5, 2
      steps: 500

      compare: SGD lr=0.001; sgd lr=0.001 momentum=0.9 nesterov=true; Adam lr=0.02 betas=0.9,0.99
      plot: trajectory
      title: Three optimizers
      """)
    #expect(cell.objective == "rosenbrock")
    #expect(cell.start == [-1.5, 2])
    #expect(cell.steps == 500)
    #expect(cell.plot == .trajectory)
    #expect(cell.title == "Three optimizers")
    #expect(cell.runs.count == 3)
    #expect(cell.runs[1].optimizer == "SGD")
    #expect(cell.runs[1].label == "sgd lr=0.001 momentum=0.9 nesterov=true")
    #expect(
      cell.runs[1].hyperparameters == [
        "lr": .number(0.001), "momentum": .number(0.9), "nesterov": .flag(true),
      ])
    #expect(cell.runs[2].hyperparameters["betas"] == .pair(0.9, 0.99))
  }

  @Test func defaultsApply() throws {
    let cell = try ExperimentCell.parse("objective: quadratic\ncompare: Adam")
    #expect(cell.steps == ExperimentCell.defaultSteps)
    #expect(cell.plot == .loss)
    #expect(cell.start == nil)
    #expect(
      cell.runs == [ExperimentCell.Run(optimizer: "Adam", hyperparameters: [:], label: "Adam")])
  }

  @Test func sweepTakesLearningRates() throws {
    let cell = try ExperimentCell.parse(
      "objective: beale\nplot: sweep\nlrs: 0.0001, 0.001, 0.01\ncompare: SGD momentum=0.9; Adam")
    #expect(cell.learningRates == [0.0001, 0.001, 0.01])
    #expect(cell.runs.map(\.optimizer) == ["SGD", "Adam"])
  }

  static let errorCases: [(text: String, error: CellError)] = [
    (
      "objective: quadratic\ncompare: Adam\nspeed: 3",
      CellError(
        line: 13, key: "speed",
        message:
          "unknown key; an experiment cell accepts objective, start, steps, compare, plot, lrs, title"
      )
    ),
    (
      "compare: Adam",
      CellError(
        line: 11, key: "objective", message: "missing; add a line such as 'objective: rosenbrock'")
    ),
    (
      "objective: quadratic",
      CellError(
        line: 11, key: "compare",
        message: "missing; add a line such as 'compare: SGD lr=0.01; Adam lr=0.01'")
    ),
    (
      "objective: quadratic\ncompare: Adam\nsteps: many",
      CellError(
        line: 13, key: "steps", message: "expected a whole number from 1 to 100000, got 'many'")
    ),
    (
      "objective: quadratic\ncompare: Adam beta1=0.9",
      CellError(
        line: 12, key: "compare",
        message:
          "in 'Adam beta1=0.9': invalid beta1: Adam has no hyperparameter 'beta1'; it accepts lr, betas, eps, weight_decay, amsgrad, maximize"
      )
    ),
    (
      "objective: quadratic\ncompare: Adadelta lr=1",
      CellError(
        line: 12, key: "compare",
        message:
          "in 'Adadelta lr=1': invalid optimizer: unknown optimizer 'Adadelta'; use one of SGD, Adagrad, RMSprop, Adam, AdamW"
      )
    ),
    (
      "objective: quadratic\ncompare: SGD lr 0.1",
      CellError(
        line: 12, key: "compare",
        message: "in 'SGD lr 0.1': expected name=value such as lr=0.01, got 'lr'")
    ),
    (
      "objective: quadratic\ncompare: SGD lr=fast",
      CellError(
        line: 12, key: "compare",
        message:
          "in 'SGD lr=fast': invalid value 'fast' for lr; write a number, true or false, or two numbers such as betas=0.9,0.999"
      )
    ),
    (
      "objective: quadratic\ncompare: SGD lr=0.1;; Adam",
      CellError(line: 12, key: "compare", message: "empty run between ';' separators")
    ),
    (
      "objective: quadratic\ncompare: Adam\nplot: heatmap",
      CellError(
        line: 13, key: "plot", message: "unknown plot 'heatmap'; use loss, trajectory, sweep")
    ),
    (
      "objective: quadratic\ncompare: Adam\nplot: sweep",
      CellError(
        line: 13, key: "lrs",
        message: "a sweep needs learning rates; add a line such as 'lrs: 0.0001, 0.001, 0.01, 0.1'")
    ),
    (
      "objective: quadratic\ncompare: Adam lr=0.1\nplot: sweep\nlrs: 0.1, 1",
      CellError(
        line: 12, key: "compare",
        message: "in 'Adam lr=0.1': a sweep sets lr from 'lrs'; remove lr from the run")
    ),
    (
      "objective: quadratic\ncompare: Adam\nlrs: 0.1",
      CellError(
        line: 13, key: "lrs",
        message: "only a sweep uses learning rates; add 'plot: sweep' or remove this line")
    ),
    (
      "objective: quadratic\ncompare: Adam\nplot: sweep\nlrs: 0.1, -1",
      CellError(line: 14, key: "lrs", message: "learning rates must be positive, got -1.0")
    ),
    (
      "objective: quadratic\ncompare: Adam\nstart: 1, x",
      CellError(
        line: 13, key: "start", message: "invalid number 'x'; write numbers separated by commas")
    ),
    (
      "objective: quadratic\nobjective: beale\ncompare: Adam",
      CellError(line: 12, key: "objective", message: "given twice (first on line 11); keep one")
    ),
    (
      "objective: quadratic\ncompare: SGD lr=-1",
      CellError(
        line: 12, key: "compare", message: "in 'SGD lr=-1': invalid lr: must be 0 or more, got -1.0"
      )
    ),
    (
      "objective quadratic",
      CellError(
        line: 11,
        message:
          "expected 'key: value', got 'objective quadratic'; keys are objective, start, steps, compare, plot, lrs, title"
      )
    ),
  ]

  @Test(arguments: 0..<errorCases.count)
  func invalidCellReportsLineAndKey(index: Int) {
    let (text, expected) = Self.errorCases[index]
    #expect(throws: expected) { try ExperimentCell.parse(text, firstLine: 11) }
  }

  @Test func errorDescriptionNamesLineAndKey() {
    let error = CellError(line: 4, key: "steps", message: "expected a whole number")
    #expect(error.description == "line 4, 'steps': expected a whole number")
  }
}
