import Foundation

@testable import Plots

/// Fixed figures for golden files, built from closed-form data so they never change.
enum SampleFigures {
  static func lossCurves() -> Figure {
    let steps = 0...60
    let fast = steps.map { Point(x: Double($0), y: 20 * pow(0.85, Double($0))) }
    let slow = steps.map { Point(x: Double($0), y: 20 * pow(0.97, Double($0))) }
    // Oscillates while it decays, as heavy momentum does.
    let bouncy = steps.map { step in
      let t = Double(step)
      return Point(x: t, y: 20 * pow(0.9, t) * (1.2 + cos(t * 0.9)) + 1e-3)
    }
    return .lossCurves(
      title: "Loss on a test quadratic",
      series: [
        Series(name: "fast", points: fast, note: "final 1.2e-3"),
        Series(name: "slow", points: slow),
        Series(name: "bouncy", points: bouncy),
      ])
  }

  /// f(x, y) = (x² + 8y²) / 2, an ill-conditioned bowl.
  static let bowl: @Sendable (Double, Double) -> Double = { x, y in (x * x + 8 * y * y) / 2 }

  static func trajectories() -> Figure {
    func descend(lr: Double, momentum: Double) -> [Point] {
      var x = -2.5
      var y = 1.2
      var vx = 0.0
      var vy = 0.0
      var points = [Point(x: x, y: y)]
      for _ in 0..<30 {
        vx = momentum * vx + x
        vy = momentum * vy + 8 * y
        x -= lr * vx
        y -= lr * vy
        points.append(Point(x: x, y: y))
      }
      return points
    }
    let contour = ContourMap(xRange: -3...3, yRange: -1.5...1.5, levelCount: 6, function: bowl)
    return .trajectories(
      title: "Paths on an ill-conditioned bowl",
      series: [
        Series(name: "plain", points: descend(lr: 0.2, momentum: 0)),
        Series(name: "momentum", points: descend(lr: 0.05, momentum: 0.8)),
      ], contour: contour)
  }

  static func sweep() -> Figure {
    let rates = [1e-4, 1e-3, 1e-2, 1e-1, 1]
    let first = zip(rates, [3.0, 1.1, 0.04, 0.002, .infinity]).map { Point(x: $0, y: $1) }
    let second = zip(rates, [0.5, 0.02, 0.004, 0.003, 0.01]).map { Point(x: $0, y: $1) }
    return .learningRateSweep(
      title: "Final loss after 100 steps",
      series: [
        Series(name: "first", points: first, note: "diverged at lr=1"),
        Series(name: "second", points: second),
      ])
  }
}
