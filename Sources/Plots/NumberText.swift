import Foundation

/// Short, locale-independent number text for tick labels and legends.
public enum NumberText {
  /// Formats `value` with at most `significantDigits` significant digits, trailing zeros
  /// removed: `0.05`, `1200`, `3.14`, and scientific form such as `2.5e-5` or `1e6` outside
  /// 0.001 ≤ |value| < 100000.
  public static func compact(_ value: Double, significantDigits: Int = 3) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    if value == 0 { return "0" }
    let digits = max(1, significantDigits)
    var exponent = Int(floor(log10(abs(value))))
    // Rounding to the significant digits can carry into the next power of ten (9.996 → 10).
    let rounded = roundToSignificant(value, digits: digits, exponent: exponent)
    if rounded != 0 { exponent = Int(floor(log10(abs(rounded)))) }
    if exponent >= -3 && exponent < 5 {
      return trimmed(fixed(rounded, decimals: max(0, digits - 1 - exponent)))
    }
    let mantissa = rounded / power10(exponent)
    return trimmed(fixed(mantissa, decimals: digits - 1)) + "e\(exponent)"
  }

  /// Formats a tick value that lies on a grid of spacing `step`, with just enough decimals
  /// to tell neighbouring ticks apart.
  static func tick(_ value: Double, step: Double) -> String {
    if value == 0 || abs(value) < step * 1e-9 { return "0" }
    let stepExponent = Int(floor(log10(step) + 1e-9))
    let valueExponent = Int(floor(log10(abs(value)) + 1e-9))
    if valueExponent >= 5 || stepExponent < -4 {
      return compact(value, significantDigits: max(1, valueExponent - stepExponent + 1))
    }
    return fixed(value, decimals: max(0, -stepExponent))
  }

  /// `value` with exactly `decimals` digits after the point, rounded half away from zero.
  static func fixed(_ value: Double, decimals: Int) -> String {
    let scaled = (abs(value) * power10(decimals)).rounded()
    guard scaled < 9e15 else { return "\(value)" }
    var digits = String(UInt64(scaled))
    if decimals > 0 {
      if digits.count <= decimals {
        digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
      }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    let isNegative = value < 0 && scaled != 0
    return (isNegative ? "-" : "") + digits
  }

  private static func trimmed(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var result = text
    while result.hasSuffix("0") { result.removeLast() }
    if result.hasSuffix(".") { result.removeLast() }
    return result
  }

  private static func roundToSignificant(_ value: Double, digits: Int, exponent: Int) -> Double {
    let scale = power10(digits - 1 - exponent)
    return (value * scale).rounded() / scale
  }

  static func power10(_ exponent: Int) -> Double { pow(10, Double(exponent)) }
}
