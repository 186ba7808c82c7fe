/// Plain ASCII spellings for the few non-ASCII characters that figure text uses, for
/// terminals whose locale is not UTF-8.
enum ASCIIText {
  static let spellings: [Unicode.Scalar: String] = [
    "θ": "theta", "η": "eta", "β": "beta", "ε": "eps", "α": "alpha", "∇": "grad", "²": "^2",
    "₀": "0", "₁": "1", "₂": "2", "₃": "3", "\u{0302}": "^", "×": "x", "−": "-", "–": "-", "—": "-",
    "≤": "<=", "≥": ">=", "…": "...", "━": "-", "→": "->",
  ]

  /// `text` with known characters spelled out and any other non-ASCII character as `?`.
  static func transliterate(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        result.unicodeScalars.append(scalar)
      } else {
        result += spellings[scalar] ?? "?"
      }
    }
    return result
  }
}
