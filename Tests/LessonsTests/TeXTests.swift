import Testing

@testable import Lessons

@Suite struct TeXTests {
  @Test(arguments: [
    ("\\alpha + \\beta_1", "α + β₁"),
    ("\\hat{m}_t", "m̂ₜ"),
    ("\\hat{v}_t", "v̂ₜ"),
    ("\\theta_{t+1}", "θₜ₊₁"),
    ("x^2 + y^{10}", "x² + y¹⁰"),
    ("\\frac{m_t}{1 - \\beta_1^t}", "mₜ/(1 - β₁ᵗ)"),
    ("\\frac{1}{2}", "1/2"),
    ("\\sqrt{\\hat{v}_t} + \\epsilon", "√v̂ₜ + ε"),
    ("\\sqrt{x + y}", "√(x + y)"),
    ("\\sum_{i=1}^{n} x_i", "Σᵢ₌₁ⁿ xᵢ"),
    ("\\partial L / \\partial \\theta", "∂L / ∂θ"),
    ("\\nabla_\\theta L", "∇_θ L"),
    ("a \\cdot b \\times c", "a · b × c"),
    ("\\eta \\leq 1 \\approx 0.99", "η ≤ 1 ≈ 0.99"),
    ("\\text{lr} = 0.1", "lr = 0.1"),
    ("\\mathbf{g}", "𝐠"),
    ("\\mathbb{R}^d", "ℝᵈ"),
    ("\\unknown{x} + 1", "\\unknown{x} + 1"),
    ("\\foo", "\\foo"),
    ("g_{\\text{clip}}", "g_(clip)"),
  ])
  func converts(tex: String, expected: String) {
    #expect(TeX.unicode(tex) == expected)
  }

  @Test func deepNestingStaysBounded() {
    let tex = String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
    #expect(TeX.unicode(tex).contains("x"))
    let chained = String(repeating: "\\hat", count: 10_000) + "{x}"
    #expect(!TeX.unicode(chained).isEmpty)
  }

  @Test func unbalancedInputDoesNotCrash() {
    for tex in ["{", "}", "\\", "^", "_", "\\frac{a", "\\sqrt[", "x^{", "\\text{a"] {
      _ = TeX.unicode(tex)
    }
  }
}
