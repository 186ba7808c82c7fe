/// A differentiable loss over a flat parameter vector, for experiments and closed-loop checks.
///
/// Gradients are analytic, and any data is generated from a fixed seed, so every run of an
/// experiment sees the same loss surface.
public protocol Objective: Sendable {
  /// The name that experiment cells use, such as `rosenbrock`.
  var name: String { get }
  /// The number of parameters.
  var dimension: Int { get }
  func loss(_ parameters: [Double]) -> Double
  func gradient(_ parameters: [Double]) -> [Double]
  /// A starting point that shows the objective's typical difficulty.
  var suggestedStart: [Double] { get }
  /// The window to draw a contour plot in; nil unless the objective has two parameters.
  var plotBounds: PlotBounds? { get }
  /// A global minimizer when one is known in closed form.
  var knownMinimum: [Double]? { get }
}

extension Objective {
  public var plotBounds: PlotBounds? { nil }
  public var knownMinimum: [Double]? { nil }
}

/// A rectangle in parameter space, x for the first parameter and y for the second.
public struct PlotBounds: Equatable, Sendable {
  public var x: ClosedRange<Double>
  public var y: ClosedRange<Double>

  public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
    self.x = x
    self.y = y
  }
}

/// The named objectives that experiment cells can ask for.
public enum Objectives {
  /// Every name ``named(_:)`` accepts, in the order lessons introduce them.
  public static let allNames = [
    "quadratic", "ill-conditioned", "rosenbrock", "beale", "linear-regression",
    "logistic-regression",
  ]

  /// Returns the objective called `name`, matched without regard to case, or nil when unknown.
  public static func named(_ name: String) -> (any Objective)? {
    switch name.lowercased() {
    case "quadratic": DiagonalQuadratic.bowl
    case "ill-conditioned": DiagonalQuadratic.illConditioned
    case "rosenbrock": Rosenbrock()
    case "beale": Beale()
    case "linear-regression": LinearRegression.standard
    case "logistic-regression": LogisticRegression.standard
    default: nil
    }
  }
}
