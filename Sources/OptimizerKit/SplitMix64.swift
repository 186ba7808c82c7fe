import Foundation

/// SplitMix64, a small 64-bit generator that gives the same sequence for a seed on every
/// platform, so generated data sets are reproducible.
///
/// The constants are those of Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators" (OOPSLA 2014), as used by `java.util.SplittableRandom`.
public struct SplitMix64: RandomNumberGenerator, Codable, Equatable, Sendable {
  public private(set) var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Returns a uniform value in [0, 1) with 53 random bits.
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// Returns a standard normal value from the Box–Muller transform, drawing two uniforms.
  ///
  /// NOTE: `log` and `cos` come from the platform's libm, so values may differ in the last
  /// bit between Linux and macOS.
  public mutating func nextNormal() -> Double {
    let u1 = 1 - nextUniform()  // in (0, 1], so log(u1) is finite
    let u2 = nextUniform()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}
