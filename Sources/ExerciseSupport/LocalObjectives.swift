/// Smooth test functions for closed-loop cases, where each gradient depends on the parameters
/// the learner's optimizer produced in the previous step.
public enum LocalObjective: String, Sendable, CaseIterable {
  /// f(θ) = ½ Σ aᵢ(θᵢ − cᵢ)² with curvatures a = (1, 10, 0.1): a valley that is steep in one
  /// direction and flat in another.
  case quadratic
  /// f(x, y) = (1 − x)² + 100(y − x²)², the banana-shaped valley with its minimum at (1, 1).
  case rosenbrock

  public var dimension: Int {
    switch self {
    case .quadratic: 3
    case .rosenbrock: 2
    }
  }

  public var start: [Double] {
    switch self {
    case .quadratic: [2, -1, 3]
    case .rosenbrock: [-1.5, 2]
    }
  }

  public func gradient(_ theta: [Double]) -> [Double] {
    switch self {
    case .quadratic:
      let curvature: [Double] = [1, 10, 0.1]
      let center: [Double] = [0.5, -0.25, 1]
      return theta.indices.map { curvature[$0] * (theta[$0] - center[$0]) }
    case .rosenbrock:
      let x = theta[0]
      let y = theta[1]
      return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]
    }
  }
}
