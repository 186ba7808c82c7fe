import Foundation

/// Maps data coordinates onto the unit square [0, 1]² of the plot area, with the figure's
/// ranges and scales resolved from its axes and data.
struct Projection {
  var xRange: ClosedRange<Double>
  var yRange: ClosedRange<Double>
  var xScale: AxisScale
  var yScale: AxisScale

  init(figure: Figure) {
    xScale = figure.xAxis.scale
    yScale = figure.yAxis.scale
    let points = figure.series.flatMap(\.points)
    xRange =
      figure.xAxis.range
      ?? Self.fit(points.map(\.x), scale: xScale, fallback: figure.contour?.xRange)
    yRange =
      figure.yAxis.range
      ?? Self.fit(points.map(\.y), scale: yScale, fallback: figure.contour?.yRange)
  }

  /// Returns the position of `value` along an axis as a fraction of its length, or nil when the
  /// value cannot be drawn on that scale.
  static func fraction(_ value: Double, in range: ClosedRange<Double>, scale: AxisScale)
    -> Double?
  {
    guard value.isFinite else { return nil }
    switch scale {
    case .linear:
      return (value - range.lowerBound) / (range.upperBound - range.lowerBound)
    case .logarithmic:
      guard value > 0 else { return nil }
      let low = log10(range.lowerBound)
      return (log10(value) - low) / (log10(range.upperBound) - low)
    }
  }

  func unit(_ point: Point) -> Point? {
    guard let x = Self.fraction(point.x, in: xRange, scale: xScale),
      let y = Self.fraction(point.y, in: yRange, scale: yScale)
    else { return nil }
    return Point(x: x, y: y)
  }

  /// Splits the series into polylines in unit coordinates, broken wherever a point cannot be drawn.
  func polylines(_ series: Series) -> [[Point]] {
    var lines: [[Point]] = []
    var current: [Point] = []
    for point in series.points {
      if let projected = unit(point) {
        current.append(projected)
      } else if !current.isEmpty {
        lines.append(current)
        current = []
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Returns a range that contains every drawable value, widened when all values are equal.
  static func fit(_ values: [Double], scale: AxisScale, fallback: ClosedRange<Double>?)
    -> ClosedRange<Double>
  {
    let usable = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
    guard let low = usable.min(), let high = usable.max() else {
      return fallback ?? (scale == .linear ? 0...1 : 1...10)
    }
    if high > low { return low...high }
    switch scale {
    case .linear:
      let pad = low == 0 ? 1 : abs(low) * 0.1
      return (low - pad)...(high + pad)
    case .logarithmic:
      return (low / 3)...(high * 3)
    }
  }
}

/// Clips the segment from `a` to `b` to the unit square (Liang–Barsky), or returns nil when
/// no part of it lies inside.
func clipToUnitSquare(_ a: Point, _ b: Point) -> (Point, Point)? {
  let dx = b.x - a.x
  let dy = b.y - a.y
  var t0 = 0.0
  var t1 = 1.0
  let edges = [(-dx, a.x), (dx, 1 - a.x), (-dy, a.y), (dy, 1 - a.y)]
  for (p, q) in edges {
    if p == 0 {
      if q < 0 { return nil }
      continue
    }
    let t = q / p
    if p < 0 {
      if t > t1 { return nil }
      t0 = max(t0, t)
    } else {
      if t < t0 { return nil }
      t1 = min(t1, t)
    }
  }
  return (
    Point(x: a.x + t0 * dx, y: a.y + t0 * dy), Point(x: a.x + t1 * dx, y: a.y + t1 * dy)
  )
}
