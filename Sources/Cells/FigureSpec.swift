import OptimizerKit
import Plots

/// A figure as data: what to plot, without how. Experiment cells and Swift cells both produce
/// one, the cache stores it as JSON, and ``figure()`` turns it into a drawable `Figure`.
public struct FigureSpec: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable, CaseIterable {
    /// Loss against step, log scale.
    case loss
    /// Paths in the plane, over the contour map of `objective` when it names one.
    case trajectory
    /// Final loss against learning rate, log scales.
    case sweep
  }

  /// One line of the figure; `x` and `y` have the same count.
  public struct SeriesData: Codable, Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var note: String?

    public init(name: String, x: [Double], y: [Double], note: String? = nil) {
      self.name = name
      self.x = x
      self.y = y
      self.note = note
    }
  }

  public var kind: Kind
  public var title: String
  /// An `Objectives` name, for the contour map of a trajectory.
  public var objective: String?
  public var series: [SeriesData]

  public init(kind: Kind, title: String, objective: String? = nil, series: [SeriesData]) {
    self.kind = kind
    self.title = title
    self.objective = objective
    self.series = series
  }

  /// Builds the drawable figure. A trajectory gets a contour map when `objective` names a
  /// two-parameter objective; otherwise its axes fit the paths.
  public func figure() -> Figure {
    let drawn = series.map { data in
      Series(
        name: data.name, points: zip(data.x, data.y).map { Point(x: $0, y: $1) }, note: data.note)
    }
    switch kind {
    case .loss:
      return .lossCurves(title: title, series: drawn)
    case .sweep:
      return .learningRateSweep(title: title, series: drawn)
    case .trajectory:
      if let name = objective, let objective = Objectives.named(name), objective.dimension == 2,
        let bounds = objective.plotBounds
      {
        let contour = ContourMap(xRange: bounds.x, yRange: bounds.y) { x, y in
          objective.loss([x, y])
        }
        return .trajectories(title: title, series: drawn, contour: contour)
      }
      let marked = drawn.map { series in
        var copy = series
        copy.markers = .last
        return copy
      }
      return Figure(
        title: title, xAxis: Axis(label: "θ₁"), yAxis: Axis(label: "θ₂"), series: marked)
    }
  }
}

/// A table of results, such as the final loss of every run.
public struct TableData: Codable, Sendable, Equatable {
  public var header: [String]
  public var rows: [[String]]

  public init(header: [String], rows: [[String]]) {
    self.header = header
    self.rows = rows
  }
}

/// The text, figures and tables a cell run produced, which is the unit the cache stores.
public struct CellOutput: Codable, Sendable, Equatable {
  /// Text lines, such as what a Swift cell's program printed.
  public var lines: [String]
  public var figures: [FigureSpec]
  /// Tables shown under the figures.
  public var tables: [TableData]

  public init(lines: [String] = [], figures: [FigureSpec] = [], tables: [TableData] = []) {
    self.lines = lines
    self.figures = figures
    self.tables = tables
  }
}
