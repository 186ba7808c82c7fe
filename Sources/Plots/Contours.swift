import Foundation

/// Contour lines of a sampled function, as straight segments in data coordinates.
enum Contours {
  /// Samples `map.function` on a `columns` × `rows` grid of vertices over the window and
  /// traces every level with marching squares.
  static func segments(of map: ContourMap, columns: Int, rows: Int) -> [(Point, Point)] {
    let columns = max(2, columns)
    let rows = max(2, rows)
    let xStep = (map.xRange.upperBound - map.xRange.lowerBound) / Double(columns - 1)
    let yStep = (map.yRange.upperBound - map.yRange.lowerBound) / Double(rows - 1)
    var grid = [[Double]](repeating: [], count: rows)
    for row in 0..<rows {
      let y = map.yRange.lowerBound + Double(row) * yStep
      grid[row] = (0..<columns).map { map.function(map.xRange.lowerBound + Double($0) * xStep, y) }
    }

    var segments: [(Point, Point)] = []
    for level in levels(of: grid.flatMap { $0 }, count: map.levelCount) {
      for row in 0..<(rows - 1) {
        for column in 0..<(columns - 1) {
          let corners = Cell(
            bottomLeft: grid[row][column], bottomRight: grid[row][column + 1],
            topRight: grid[row + 1][column + 1], topLeft: grid[row + 1][column])
          let origin = Point(
            x: map.xRange.lowerBound + Double(column) * xStep,
            y: map.yRange.lowerBound + Double(row) * yStep)
          for (a, b) in corners.segments(at: level) {
            segments.append(
              (
                Point(x: origin.x + a.x * xStep, y: origin.y + a.y * yStep),
                Point(x: origin.x + b.x * xStep, y: origin.y + b.y * yStep)
              ))
          }
        }
      }
    }
    return segments
  }

  /// Returns `count` levels spaced evenly in log scale above the minimum sample: the k-th
  /// is min + span · 10^(−5 + 5k / count) for k = 0 … count − 1, where span = max − min.
  /// Steep walls then get a few lines and the floor around a minimum gets many, as in the
  /// usual log-spaced contour plots of Rosenbrock's function.
  static func levels(of samples: [Double], count: Int) -> [Double] {
    let finite = samples.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max(), high > low, count > 0 else {
      return []
    }
    let span = high - low
    return (0..<count).map { k in
      low + span * pow(10, -decades + decades * Double(k) / Double(count))
    }
  }

  /// How many powers of ten below the full span the lowest level sits.
  static let decades = 5.0

  /// The four corner values of one grid cell.
  struct Cell {
    var bottomLeft: Double
    var bottomRight: Double
    var topRight: Double
    var topLeft: Double

    /// Returns the contour segments at `level` in cell coordinates [0, 1]².
    func segments(at level: Double) -> [(Point, Point)] {
      let values = [bottomLeft, bottomRight, topRight, topLeft]
      guard values.allSatisfy(\.isFinite) else { return [] }
      var index = 0
      for (bit, value) in values.enumerated() where value >= level { index |= 1 << bit }
      if index == 0 || index == 15 { return [] }

      // Edge crossings by linear interpolation: bottom, right, top, left.
      func between(_ a: Double, _ b: Double) -> Double { (level - a) / (b - a) }
      let bottom = Point(x: between(bottomLeft, bottomRight), y: 0)
      let right = Point(x: 1, y: between(bottomRight, topRight))
      let top = Point(x: between(topLeft, topRight), y: 1)
      let left = Point(x: 0, y: between(bottomLeft, topLeft))

      switch index {
      case 1, 14: return [(left, bottom)]
      case 2, 13: return [(bottom, right)]
      case 3, 12: return [(left, right)]
      case 4, 11: return [(right, top)]
      case 6, 9: return [(bottom, top)]
      case 7, 8: return [(left, top)]
      default:
        // Saddle cells (5 and 10): the centre value decides which corners connect.
        let centreAbove = values.reduce(0, +) / 4 >= level
        if (index == 5) == centreAbove {
          return [(left, top), (bottom, right)]
        }
        return [(left, bottom), (right, top)]
      }
    }
  }
}
