/// Turns the TeX that notes write between dollar signs into readable Unicode text.
///
/// Covers Greek letters, accents (`\hat`, `\bar`, `\tilde`, `\vec`, `\dot`), sub- and
/// superscripts, `\frac`, `\sqrt`, big operators with limits, common relations and arrows,
/// `\text`, `\mathrm`, `\mathbf` and `\mathbb`. A command it does not know stays as written,
/// backslash included, so nothing the author wrote disappears.
public enum TeX {
  /// Groups nested deeper than this are copied as written instead of converted.
  static let maximumDepth = 40

  public static func unicode(_ tex: String) -> String {
    var reader = Reader(characters: Array(tex))
    let output = reader.sequence(depth: 0, until: nil)
    return output.collapsingSpaces
  }

  static let symbols: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
    "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
    "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
    "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    "partial": "∂", "nabla": "∇", "cdot": "·", "times": "×", "div": "÷", "pm": "±",
    "mp": "∓", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠",
    "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝", "ll": "≪",
    "gg": "≫", "infty": "∞", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆",
    "cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃", "emptyset": "∅",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐",
    "leftrightarrow": "↔", "iff": "⇔", "implies": "⇒", "mapsto": "↦", "gets": "←",
    "sum": "Σ", "prod": "Π", "int": "∫", "oint": "∮", "odot": "⊙", "otimes": "⊗",
    "oplus": "⊕", "circ": "∘", "ast": "∗", "star": "⋆", "bullet": "•", "ldots": "…",
    "cdots": "⋯", "dots": "…", "vdots": "⋮", "ddots": "⋱", "lVert": "‖", "rVert": "‖",
    "Vert": "‖", "|": "‖", "lvert": "|", "rvert": "|", "mid": "|", "langle": "⟨",
    "rangle": "⟩", "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋", "top": "⊤",
    "intercal": "ᵀ", "prime": "′", "ell": "ℓ", "hbar": "ℏ", "Re": "ℜ", "Im": "ℑ",
    "{": "{", "}": "}", "$": "$", "%": "%", "&": "&", "#": "#", "_": "_",
    "log": "log", "ln": "ln", "exp": "exp", "min": "min", "max": "max", "arg": "arg",
    "argmin": "argmin", "argmax": "argmax", "sin": "sin", "cos": "cos", "tan": "tan",
    "lim": "lim", "sup": "sup", "inf": "inf", "det": "det", "dim": "dim", "sqrt": "√",
    "quad": "  ", "qquad": "    ", ",": " ", ";": " ", ":": " ", "!": "", " ": " ",
    "left": "", "right": "", "big": "", "Big": "", "bigg": "", "Bigg": "", "displaystyle": "",
    "limits": "", "nolimits": "",
  ]

  static let accents: [String: Character] = [
    "hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0305}",
    "tilde": "\u{0303}", "widetilde": "\u{0303}", "vec": "\u{20D7}", "dot": "\u{0307}",
    "ddot": "\u{0308}",
  ]

  static let superscripts: [Character: Character] = [
    "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
    "9": "⁹", "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "a": "ᵃ", "b": "ᵇ",
    "c": "ᶜ", "d": "ᵈ", "e": "ᵉ", "f": "ᶠ", "g": "ᵍ", "h": "ʰ", "i": "ⁱ", "j": "ʲ", "k": "ᵏ",
    "l": "ˡ", "m": "ᵐ", "n": "ⁿ", "o": "ᵒ", "p": "ᵖ", "r": "ʳ", "s": "ˢ", "t": "ᵗ", "u": "ᵘ",
    "v": "ᵛ", "w": "ʷ", "x": "ˣ", "y": "ʸ", "z": "ᶻ", "T": "ᵀ", "β": "ᵝ", "γ": "ᵞ", "δ": "ᵟ",
    "θ": "ᶿ", "φ": "ᵠ", "χ": "ᵡ", "*": "*", "′": "′", " ": " ",
  ]

  static let subscripts: [Character: Character] = [
    "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈",
    "9": "₉", "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ",
    "h": "ₕ", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ", "o": "ₒ", "p": "ₚ",
    "r": "ᵣ", "s": "ₛ", "t": "ₜ", "u": "ᵤ", "v": "ᵥ", "x": "ₓ", "β": "ᵦ", "γ": "ᵧ", "ρ": "ᵨ",
    "φ": "ᵩ", "χ": "ᵪ", " ": " ",
  ]

  /// `text` in Unicode sub- or superscript letters, or nil when a character has none.
  static func script(_ text: String, table: [Character: Character]) -> String? {
    var result = ""
    for character in text {
      guard let mapped = table[character] else { return nil }
      result.append(mapped)
    }
    return result
  }

  /// `text` in mathematical bold letters and digits where Unicode has them.
  static func bold(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar -> Unicode.Scalar in
          let value = scalar.value
          let mapped: UInt32? =
            switch value {
            case 0x41...0x5A: 0x1D400 + value - 0x41
            case 0x61...0x7A: 0x1D41A + value - 0x61
            case 0x30...0x39: 0x1D7CE + value - 0x30
            default: nil
            }
          return mapped.flatMap(Unicode.Scalar.init) ?? scalar
        }))
  }

  static let doubleStruck: [Character: String] = [
    "R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ",
  ]
}

extension TeX {
  fileprivate struct Reader {
    let characters: [Character]
    var index = 0

    /// Converts until `terminator` (consumed) or the end.
    mutating func sequence(depth: Int, until terminator: Character?) -> String {
      var output = ""
      while index < characters.count {
        let character = characters[index]
        if let terminator, character == terminator {
          index += 1
          return output
        }
        switch character {
        case "\\":
          output += command(depth: depth)
        case "{":
          index += 1
          if depth >= TeX.maximumDepth {
            output += "{" + rawGroup() + "}"
          } else {
            output += sequence(depth: depth + 1, until: "}")
          }
        case "^", "_":
          index += 1
          let argument = self.argument(depth: depth)
          output += scripted(argument, superscript: character == "^")
        case "~":
          index += 1
          output += " "
        case "&":
          index += 1
          output += " "
        case "\n", "\t":
          index += 1
          output += " "
        default:
          index += 1
          output.append(character)
        }
      }
      return output
    }

    /// The text of a `{…}` group as written, for groups past the depth limit and `\text`.
    mutating func rawGroup() -> String {
      var depth = 1
      var output = ""
      while index < characters.count {
        let character = characters[index]
        index += 1
        if character == "{" { depth += 1 }
        if character == "}" {
          depth -= 1
          if depth == 0 { return output }
        }
        output.append(character)
      }
      return output
    }

    /// One argument: a `{…}` group, a command, or a single character. Spaces are skipped.
    mutating func argument(depth: Int) -> String {
      while index < characters.count, characters[index] == " " { index += 1 }
      guard index < characters.count else { return "" }
      let character = characters[index]
      if character == "{" {
        index += 1
        if depth >= TeX.maximumDepth { return rawGroup() }
        return sequence(depth: depth + 1, until: "}")
      }
      if character == "\\" { return command(depth: depth + 1) }
      index += 1
      return String(character)
    }

    /// An argument in braces only, for `\text{…}` where the content is not TeX.
    mutating func literalArgument() -> String? {
      while index < characters.count, characters[index] == " " { index += 1 }
      guard index < characters.count, characters[index] == "{" else { return nil }
      index += 1
      return rawGroup()
    }

    mutating func command(depth: Int) -> String {
      let start = index
      index += 1
      guard index < characters.count else { return "\\" }
      var name = ""
      if characters[index].isLetter && characters[index].isASCII {
        while index < characters.count, characters[index].isLetter, characters[index].isASCII {
          name.append(characters[index])
          index += 1
        }
      } else {
        name = String(characters[index])
        index += 1
        if name == "\\" { return " " }
      }
      // Commands whose argument is another command (`\hat\hat…`) nest without braces.
      if depth >= TeX.maximumDepth { return String(characters[start..<index]) }

      if let accent = TeX.accents[name] {
        let base = argument(depth: depth)
        guard let first = base.first else { return String(accent) }
        return String(first) + String(accent) + base.dropFirst()
      }
      switch name {
      case "frac", "dfrac", "tfrac":
        let numerator = argument(depth: depth)
        let denominator = argument(depth: depth)
        return "\(parenthesized(numerator))/\(parenthesized(denominator))"
      case "sqrt":
        var degree = ""
        if index < characters.count, characters[index] == "[" {
          index += 1
          degree = sequence(depth: depth + 1, until: "]")
        }
        let radicand = argument(depth: depth)
        let root = TeX.script(degree, table: TeX.superscripts) ?? degree
        return root + "√" + parenthesized(radicand)
      case "text", "textrm", "textit", "textbf", "mbox", "operatorname", "mathrm", "mathit":
        if name.hasPrefix("text") || name == "mbox", let literal = literalArgument() {
          return literal
        }
        return argument(depth: depth)
      case "mathbf", "boldsymbol", "bm":
        return TeX.bold(argument(depth: depth))
      case "mathbb":
        let content = argument(depth: depth)
        return content.map { TeX.doubleStruck[$0] ?? String($0) }.joined()
      case "mathcal", "mathsf", "mathtt":
        return argument(depth: depth)
      default:
        if name == "partial" || name == "nabla" {
          // Prefix operators bind to what follows: `\partial L` reads ∂L.
          while index < characters.count, characters[index] == " " { index += 1 }
        }
        if let symbol = TeX.symbols[name] {
          if name.first?.isLetter == true, symbol.first?.isLetter == true, symbol.count > 1,
            index < characters.count, characters[index].isLetter
          {
            return symbol + " "
          }
          return symbol
        }
        // An unknown command stays as written, and so do the braces of its arguments.
        var written = String(characters[start..<index])
        while index < characters.count, characters[index] == "{", depth < TeX.maximumDepth {
          index += 1
          written += "{" + sequence(depth: depth + 1, until: "}") + "}"
        }
        return written
      }
    }

    func scripted(_ text: String, superscript: Bool) -> String {
      let table = superscript ? TeX.superscripts : TeX.subscripts
      if let mapped = TeX.script(text, table: table) { return mapped }
      let mark = superscript ? "^" : "_"
      return text.count == 1 ? mark + text : mark + "(" + text + ")"
    }

    func parenthesized(_ text: String) -> String {
      let simple = text.allSatisfy { !" +-−=/·×".contains($0) }
      return simple || text.isEmpty ? text : "(" + text + ")"
    }
  }
}

extension String {
  fileprivate var collapsingSpaces: String {
    var output = ""
    var previousWasSpace = false
    for character in self {
      if character == " " {
        if !previousWasSpace { output.append(character) }
        previousWasSpace = true
      } else {
        output.append(character)
        previousWasSpace = false
      }
    }
    return String(output.trimmingSpaces)
  }
}
