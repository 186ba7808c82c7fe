/// Colours and symbols that tell series apart, shared by the terminal and SVG output.
enum Palette {
  /// ANSI foreground colour codes: blue, red, green, yellow, magenta, cyan.
  static let ansiCodes = ["34", "31", "32", "33", "35", "36"]
  /// The same hues for SVG.
  static let svgColors = ["#2563eb", "#dc2626", "#16a34a", "#ca8a04", "#9333ea", "#0891b2"]
  /// Bright black, which most terminals show as grey: the colour of contour lines.
  static let contourANSICode = "90"
  static let contourSVGColor = "#b8b8b8"
  /// ASCII symbols for markers, and for whole lines in ASCII mode.
  static let symbols: [Character] = ["*", "+", "o", "x", "#", "@", "%", "&"]

  static func ansiCode(_ series: Int) -> String { ansiCodes[series % ansiCodes.count] }
  static func svgColor(_ series: Int) -> String { svgColors[series % svgColors.count] }
  static func symbol(_ series: Int) -> Character { symbols[series % symbols.count] }
}
