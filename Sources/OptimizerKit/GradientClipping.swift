/// Gradient clipping by global L2 norm, matching `torch.nn.utils.clip_grad_norm_` with the
/// default `norm_type=2`.
public enum GradientClipping {
  /// Scales every gradient vector by min(maxNorm / (‖g‖ + 1e-6), 1) and returns ‖g‖.
  ///
  /// ‖g‖ is the L2 norm of all vectors together, computed as torch computes it: the norm of
  /// the per-vector norms. The 1e-6 keeps the coefficient finite for a zero gradient, and the
  /// clamp at 1 means gradients are only ever scaled down. Like torch, the vectors are
  /// multiplied even when the coefficient is 1, and a non-finite norm makes them non-finite.
  ///
  /// - Throws: ``OptimizerError`` for a negative or non-finite `maxNorm`, which torch accepts
  ///   but which would flip or erase the gradients.
  @discardableResult
  public static func clipByGlobalNorm(_ gradients: inout [[Double]], maxNorm: Double)
    throws(OptimizerError) -> Double
  {
    try OptimizerError.require(
      maxNorm.isFinite && maxNorm >= 0, "max_norm",
      "must be a finite number, 0 or more, got \(maxNorm)")
    let totalNorm = l2Norm(gradients.map(l2Norm))
    let coefficient = maxNorm / (totalNorm + 1e-6)
    // torch.clamp(max: 1) keeps NaN, where Swift.min would depend on argument order.
    let clamped = coefficient.isNaN ? coefficient : Swift.min(coefficient, 1.0)
    for i in gradients.indices {
      for j in gradients[i].indices {
        gradients[i][j] *= clamped
      }
    }
    return totalNorm
  }

  /// Clips one gradient vector; see ``clipByGlobalNorm(_:maxNorm:)-(inout [[Double]],_)``.
  @discardableResult
  public static func clipByGlobalNorm(_ gradients: inout [Double], maxNorm: Double)
    throws(OptimizerError) -> Double
  {
    var vectors = [gradients]
    let totalNorm = try clipByGlobalNorm(&vectors, maxNorm: maxNorm)
    gradients = vectors[0]
    return totalNorm
  }

  /// √(Σ xᵢ²), summed in index order without rescaling, as torch's CPU kernel does for
  /// short float64 vectors.
  static func l2Norm(_ values: [Double]) -> Double {
    var sumOfSquares = 0.0
    for value in values {
      sumOfSquares += value * value
    }
    return sumOfSquares.squareRoot()
  }
}
