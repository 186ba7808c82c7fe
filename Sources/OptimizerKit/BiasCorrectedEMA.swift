import Foundation

/// An exponential moving average with Adam's bias correction, as a building block of its own.
///
/// m_t = β·m_{t−1} + (1 − β)·x_t starts at m_0 = 0, so early averages lean toward zero.
/// Dividing by 1 − βᵗ removes that lean: a constant input x gives m̂_t = x from t = 1 on.
public struct BiasCorrectedEMA: Codable, Equatable, Sendable {
  public let beta: Double
  /// The step count t of the latest update; 0 before the first.
  public private(set) var step: Int = 0
  /// The raw average m_t.
  public private(set) var average: [Double]

  public init(beta: Double, count: Int) throws(OptimizerError) {
    try OptimizerError.require((0..<1).contains(beta), "beta", "must be in [0, 1), got \(beta)")
    self.beta = beta
    self.average = [Double](repeating: 0, count: count)
  }

  /// m̂_t = m_t / (1 − βᵗ); equal to the raw average before the first update.
  public var corrected: [Double] {
    guard step > 0 else { return average }
    let correction = 1 - pow(beta, Double(step))
    return average.map { $0 / correction }
  }

  /// Folds in one observation per element and returns the bias-corrected average.
  @discardableResult
  public mutating func update(_ values: [Double]) throws(OptimizerError) -> [Double] {
    try OptimizerError.requireMatchingCount(parameters: average.count, gradients: values.count)
    step += 1
    for i in average.indices {
      average[i] = TorchArithmetic.lerp(average[i], values[i], weight: 1 - beta)
    }
    return corrected
  }
}
