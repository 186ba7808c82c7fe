// The checker compiles this module together with the OptimizerKit files it uses, so that
// module is only imported where it exists as a module of its own, as in this package.
#if canImport(OptimizerKit)
  import OptimizerKit
#endif

extension SplitMix64 {
  /// A value in [low, high).
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * nextUniform()
  }

  /// `count` values in [−scale, scale).
  public mutating func vector(_ count: Int, scale: Double = 1) -> [Double] {
    (0..<count).map { _ in uniform(-scale, scale) }
  }
}
