/// Element-wise operations written in the order ATen's CPU kernels evaluate them, so that
/// results round the same way as torch's and trajectories agree to the last bits.
enum TorchArithmetic {
  /// `start.lerp_(end, weight)`: ATen switches formulas at weight 0.5 to keep precision.
  @inline(__always)
  static func lerp(_ start: Double, _ end: Double, weight: Double) -> Double {
    if abs(weight) < 0.5 {
      return start + weight * (end - start)
    }
    return end - (end - start) * (1 - weight)
  }
}
