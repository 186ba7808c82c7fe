import Foundation

/// One labelled position on an axis.
struct Tick: Equatable {
  var value: Double
  var label: String
}

enum Ticks {
  /// Tick marks for `range` on `scale`, aiming at about `target` ticks.
  static func ticks(for range: ClosedRange<Double>, scale: AxisScale, target: Int) -> [Tick] {
    switch scale {
    case .linear: linear(range, target: target)
    case .logarithmic: logarithmic(range, target: target)
    }
  }

  /// Ticks at multiples of 1, 2 or 5 × 10^k.
  static func linear(_ range: ClosedRange<Double>, target: Int) -> [Tick] {
    let span = range.upperBound - range.lowerBound
    guard span > 0, span.isFinite else {
      return [Tick(value: range.lowerBound, label: NumberText.compact(range.lowerBound))]
    }
    let step = niceStep(span / Double(max(1, target)))
    let first = (range.lowerBound / step - 1e-9).rounded(.up)
    let last = (range.upperBound / step + 1e-9).rounded(.down)
    guard first <= last else { return [] }
    return stride(from: first, through: last, by: 1).map { multiple in
      let value = multiple * step
      return Tick(value: value, label: NumberText.tick(value, step: step))
    }
  }

  /// Places ticks at powers of ten. A range with fewer than three powers of ten also gets
  /// ticks at 2 and 5 × 10^k, and a range with fewer than two of those gets linear ticks.
  static func logarithmic(_ range: ClosedRange<Double>, target: Int) -> [Tick] {
    guard range.lowerBound > 0, range.upperBound > range.lowerBound else {
      return linear(range, target: target)
    }
    let low = Int((log10(range.lowerBound) - 1e-9).rounded(.down))
    let high = Int((log10(range.upperBound) + 1e-9).rounded(.up))
    let contains = { (value: Double) in
      value >= range.lowerBound * (1 - 1e-9) && value <= range.upperBound * (1 + 1e-9)
    }
    let decades = (low...high).map { NumberText.power10($0) }.filter(contains)
    if decades.count >= 3 {
      let stride = Int((Double(decades.count) / Double(max(1, target))).rounded(.up))
      return decades.enumerated().filter { $0.offset % max(1, stride) == 0 }.map {
        Tick(value: $0.element, label: NumberText.compact($0.element, significantDigits: 1))
      }
    }
    let withMultiples = (low...high).flatMap { exponent in
      [1.0, 2, 5].map { $0 * NumberText.power10(exponent) }
    }.filter(contains)
    if withMultiples.count >= 2 {
      return withMultiples.map {
        Tick(value: $0, label: NumberText.compact($0, significantDigits: 1))
      }
    }
    return linear(range, target: target)
  }

  /// Returns the smallest of 1, 2, 5 × 10^k that is at least `rough`.
  static func niceStep(_ rough: Double) -> Double {
    let exponent = floor(log10(rough))
    let base = pow(10, exponent)
    for multiple in [1.0, 2, 5, 10] where multiple * base >= rough * (1 - 1e-9) {
      return multiple * base
    }
    return 10 * base
  }
}
