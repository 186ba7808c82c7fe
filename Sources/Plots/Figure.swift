/// A point in data coordinates.
public struct Point: Sendable, Equatable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// The mapping of values onto an axis.
public enum AxisScale: Sendable, Equatable {
  case linear
  /// Base-10 logarithmic; values that are zero or negative are left out.
  case logarithmic
}

/// One axis of a figure: its label, its scale and, optionally, a fixed range.
public struct Axis: Sendable, Equatable {
  public var label: String
  public var scale: AxisScale
  /// The range to show; nil fits the range to the data.
  public var range: ClosedRange<Double>?

  public init(label: String, scale: AxisScale = .linear, range: ClosedRange<Double>? = nil) {
    self.label = label
    self.scale = scale
    self.range = range
  }
}

/// The points of a series that get its marker symbol.
public enum MarkerPlacement: Sendable, Equatable {
  case none
  /// At the last drawable point, such as the end of an optimizer's path.
  case last
  /// At every point, such as each learning rate of a sweep.
  case every
}

/// One named line of a figure, such as the loss curve of one optimizer run.
///
/// Points that are not finite, or not positive on a logarithmic axis, break the line.
public struct Series: Sendable, Equatable {
  public var name: String
  public var points: [Point]
  public var markers: MarkerPlacement
  /// Text shown after the name in the legend, such as the final loss.
  public var note: String?

  public init(name: String, points: [Point], markers: MarkerPlacement = .none, note: String? = nil)
  {
    self.name = name
    self.points = points
    self.markers = markers
    self.note = note
  }
}

/// Contour lines of a function f(x, y) over a window, drawn under the series.
public struct ContourMap: Sendable {
  public var xRange: ClosedRange<Double>
  public var yRange: ClosedRange<Double>
  public var function: @Sendable (Double, Double) -> Double
  /// How many contour levels to draw. Levels are spaced evenly in log scale above the
  /// minimum of f over the window, so the region around a minimum shows detail.
  public var levelCount: Int

  public init(
    xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, levelCount: Int = 10,
    function: @escaping @Sendable (Double, Double) -> Double
  ) {
    self.xRange = xRange
    self.yRange = yRange
    self.levelCount = levelCount
    self.function = function
  }
}

/// A figure that the terminal renderer and the SVG writer both draw: axes, series, an
/// optional contour map under them, and a legend.
public struct Figure: Sendable {
  public var title: String
  public var xAxis: Axis
  public var yAxis: Axis
  public var series: [Series]
  public var contour: ContourMap?

  public init(
    title: String, xAxis: Axis, yAxis: Axis, series: [Series], contour: ContourMap? = nil
  ) {
    self.title = title
    self.xAxis = xAxis
    self.yAxis = yAxis
    self.series = series
    self.contour = contour
  }
}

extension Figure {
  /// Loss against step for several runs, with a logarithmic loss axis.
  ///
  /// The loss axis falls back to a linear scale when any finite loss is negative, because a
  /// log scale would hide it. A loss of exactly zero leaves a gap in its line on a log scale.
  public static func lossCurves(title: String, series: [Series]) -> Figure {
    let values = series.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
    let canUseLog = values.contains { $0 > 0 } && values.allSatisfy { $0 >= 0 }
    return Figure(
      title: title, xAxis: Axis(label: "step"),
      yAxis: Axis(
        label: canUseLog ? "loss (log scale)" : "loss",
        scale: canUseLog ? .logarithmic : .linear),
      series: series)
  }

  /// Optimizer paths in the plane over the contour map of the objective.
  ///
  /// The axes show the contour map's window; parts of a path outside it are clipped.
  /// Each path ends in its series marker.
  public static func trajectories(
    title: String, series: [Series], contour: ContourMap, xLabel: String = "θ₁",
    yLabel: String = "θ₂"
  ) -> Figure {
    var paths = series
    for index in paths.indices where paths[index].markers == .none {
      paths[index].markers = .last
    }
    return Figure(
      title: title, xAxis: Axis(label: xLabel, range: contour.xRange),
      yAxis: Axis(label: yLabel, range: contour.yRange), series: paths, contour: contour)
  }

  /// Final loss against learning rate, both on log scales, one series per optimizer setting.
  public static func learningRateSweep(title: String, series: [Series]) -> Figure {
    var sweeps = series
    for index in sweeps.indices { sweeps[index].markers = .every }
    return Figure(
      title: title, xAxis: Axis(label: "learning rate (log scale)", scale: .logarithmic),
      yAxis: Axis(label: "final loss (log scale)", scale: .logarithmic), series: sweeps)
  }
}
