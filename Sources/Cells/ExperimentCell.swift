import OptimizerKit

/// An `experiment` cell: optimizer runs to compare on a named objective, and the figure to
/// draw from them.
///
/// ```experiment
/// objective: rosenbrock
/// start: -1.5, 2
/// steps: 500
/// compare: SGD lr=0.001; SGD lr=0.001 momentum=0.9; Adam lr=0.02
/// plot: trajectory
/// ```
public struct ExperimentCell: Equatable, Sendable {
  /// The figure an experiment draws.
  public enum PlotKind: String, CaseIterable, Sendable {
    /// Loss against step for every run, on a log scale.
    case loss
    /// Paths over the objective's contour map; two-parameter objectives only.
    case trajectory
    /// Final loss against learning rate, one line per run; needs `lrs`.
    case sweep
  }

  /// One entry of `compare`: a torch class name and the hyperparameters given to it.
  public struct Run: Equatable, Sendable {
    public var optimizer: String
    public var hyperparameters: [String: HyperparameterValue]
    /// The entry as written, trimmed, used as the legend label.
    public var label: String

    public init(optimizer: String, hyperparameters: [String: HyperparameterValue], label: String) {
      self.optimizer = optimizer
      self.hyperparameters = hyperparameters
      self.label = label
    }
  }

  /// An objective name from `Objectives.allNames`.
  public var objective: String
  /// θ₀; nil means the objective's suggested start.
  public var start: [Double]?
  public var steps: Int
  public var runs: [Run]
  public var plot: PlotKind
  /// The learning rates of a sweep; empty for other plots.
  public var learningRates: [Double]
  /// A title for the figure; nil lets the runner describe the experiment.
  public var title: String?

  public static let defaultSteps = 100
  /// The maximum steps of one run, so a typo such as `steps: 1000000000` fails fast.
  public static let maximumSteps = 100_000
  /// The maximum number of learning rates in one sweep.
  public static let maximumLearningRates = 40

  public init(
    objective: String, start: [Double]? = nil, steps: Int = defaultSteps, runs: [Run],
    plot: PlotKind = .loss, learningRates: [Double] = [], title: String? = nil
  ) {
    self.objective = objective
    self.start = start
    self.steps = steps
    self.runs = runs
    self.plot = plot
    self.learningRates = learningRates
    self.title = title
  }
}
