/// f(θ) = ½·Σ cᵢ·θᵢ², a quadratic bowl whose curvature along axis i is cᵢ.
///
/// Gradient descent converges for lr < 2 / max cᵢ, and the ratio max cᵢ / min cᵢ (the condition
/// number) sets how slowly the flattest direction converges at that lr.
public struct DiagonalQuadratic: Objective {
  public let name: String
  public let curvatures: [Double]
  public let suggestedStart: [Double]

  /// Creates a bowl with the given curvatures, started at 1.5 on every axis unless given.
  public init(name: String, curvatures: [Double], suggestedStart: [Double]? = nil) {
    self.name = name
    self.curvatures = curvatures
    self.suggestedStart = suggestedStart ?? [Double](repeating: 1.5, count: curvatures.count)
  }

  /// ½(x² + y²): every direction has curvature 1.
  public static let bowl = DiagonalQuadratic(
    name: "quadratic", curvatures: [1, 1], suggestedStart: [2, 1.5])
  /// ½(x² + 100y²): condition number 100, a narrow ravine along x.
  public static let illConditioned = DiagonalQuadratic(
    name: "ill-conditioned", curvatures: [1, 100], suggestedStart: [-2, 1])

  public var dimension: Int { curvatures.count }

  public func loss(_ parameters: [Double]) -> Double {
    var total = 0.0
    for i in curvatures.indices {
      total += curvatures[i] * parameters[i] * parameters[i]
    }
    return 0.5 * total
  }

  public func gradient(_ parameters: [Double]) -> [Double] {
    curvatures.indices.map { curvatures[$0] * parameters[$0] }
  }

  public var plotBounds: PlotBounds? {
    guard dimension == 2 else { return nil }
    return PlotBounds(x: -2.5...2.5, y: -2.5...2.5)
  }

  public var knownMinimum: [Double]? { [Double](repeating: 0, count: dimension) }
}

/// Rosenbrock's function (a − x)² + b·(y − x²)² with a = 1, b = 100: a curved valley whose
/// floor falls slowly toward the minimum at (1, 1).
public struct Rosenbrock: Objective {
  public let a = 1.0
  public let b = 100.0

  public init() {}

  public var name: String { "rosenbrock" }
  public var dimension: Int { 2 }

  public func loss(_ parameters: [Double]) -> Double {
    let (x, y) = (parameters[0], parameters[1])
    let valley = y - x * x
    return (a - x) * (a - x) + b * valley * valley
  }

  public func gradient(_ parameters: [Double]) -> [Double] {
    let (x, y) = (parameters[0], parameters[1])
    let valley = y - x * x
    return [-2 * (a - x) - 4 * b * x * valley, 2 * b * valley]
  }

  public var suggestedStart: [Double] { [-1.5, 2] }
  public var plotBounds: PlotBounds? { PlotBounds(x: -2...2, y: -1...3) }
  public var knownMinimum: [Double]? { [a, a * a] }
}

/// Beale's function (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², with flat
/// plateaus and steep walls around the minimum at (3, 0.5).
public struct Beale: Objective {
  public init() {}

  public var name: String { "beale" }
  public var dimension: Int { 2 }

  private func residuals(_ x: Double, _ y: Double) -> (Double, Double, Double) {
    (1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y * y * y)
  }

  public func loss(_ parameters: [Double]) -> Double {
    let (r1, r2, r3) = residuals(parameters[0], parameters[1])
    return r1 * r1 + r2 * r2 + r3 * r3
  }

  public func gradient(_ parameters: [Double]) -> [Double] {
    let (x, y) = (parameters[0], parameters[1])
    let (r1, r2, r3) = residuals(x, y)
    let dx = 2 * r1 * (y - 1) + 2 * r2 * (y * y - 1) + 2 * r3 * (y * y * y - 1)
    let dy = 2 * r1 * x + 2 * r2 * 2 * x * y + 2 * r3 * 3 * x * y * y
    return [dx, dy]
  }

  public var suggestedStart: [Double] { [1, 1.5] }
  public var plotBounds: PlotBounds? { PlotBounds(x: -4.5...4.5, y: -4.5...4.5) }
  public var knownMinimum: [Double]? { [3, 0.5] }
}
