/// Element-wise operations evaluated as ATen's CPU kernels evaluate them, so that results
/// round the same way as torch's and trajectories agree to the last bit.
///
/// torch 2.15's x86-64 kernels (built for AVX2 and AVX-512) compute `add(alpha:)`, `addcmul`
/// and `lerp` with one fused multiply-add, which rounds once. `addcdiv`, `mul` and plain `add`
/// are not fused. This was measured against the installed torch on random
/// float64 inputs of 1 to 20 elements. NOTE: a torch build without FMA kernels rounds the
/// products separately and differs from these results in the last bit. Swift's `squareRoot()`
/// is correctly rounded but torch's vectorized float64 `sqrt` is not: it differs by one unit in
/// the last place for about 1% of inputs, so steps that take a square root agree with torch to
/// about 1e-16 relative rather than bit for bit.
enum TorchArithmetic {
  /// `base.add(other, alpha=alpha)`: base + alpha·other, fused.
  @inline(__always)
  static func add(_ base: Double, _ other: Double, alpha: Double) -> Double {
    base.addingProduct(alpha, other)
  }

  /// `base.addcmul(tensor1, tensor2, value=value)`: base + (value·tensor1)·tensor2, with the
  /// second multiplication and the addition fused.
  @inline(__always)
  static func addcmul(_ base: Double, _ tensor1: Double, _ tensor2: Double, value: Double)
    -> Double
  {
    base.addingProduct(value * tensor1, tensor2)
  }

  /// `base.addcdiv(tensor1, tensor2, value=value)`: base + (value·tensor1)/tensor2, unfused.
  @inline(__always)
  static func addcdiv(_ base: Double, _ tensor1: Double, _ tensor2: Double, value: Double)
    -> Double
  {
    base + value * tensor1 / tensor2
  }

  /// `start.lerp_(end, weight)`: ATen switches formulas at weight 0.5 to keep precision.
  @inline(__always)
  static func lerp(_ start: Double, _ end: Double, weight: Double) -> Double {
    if abs(weight) < 0.5 {
      return start.addingProduct(weight, end - start)
    }
    return end.addingProduct(-(end - start), 1 - weight)
  }
}
