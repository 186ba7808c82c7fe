#if arch(x86_64)
  import _Builtin_intrinsics.intel
#endif

/// Four Float32 lanes: one SSE or NEON register, the baseline vector width on x86-64 and arm64.
typealias Lanes = SIMD4<Float>

extension SIMD4 where Scalar == Float {
  /// The lane-wise square root, correctly rounded as IEEE 754 requires.
  ///
  /// On x86-64 this is one `sqrtps`: `SIMD.squareRoot()` compiles to a call to `sqrtf` per
  /// lane there (Swift 6.3), which made the Adam step three times slower.
  /// NOTE: the arm64 path, `squareRoot()`, has not been measured.
  @inline(__always)
  var laneSquareRoot: SIMD4<Float> {
    #if arch(x86_64)
      _mm_sqrt_ps(self)
    #else
      squareRoot()
    #endif
  }

  @inline(__always)
  init(loadingFrom pointer: UnsafePointer<Float>) {
    self = UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
  }

  @inline(__always)
  func store(to pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: SIMD4<Float>.self)
  }
}
