import Foundation

/// One word of an answer or a phrasing after normalization.
public struct Token: Equatable, Sendable {
  /// The matching key: a Porter stem, or a canonical synonym such as `lr`.
  public var key: String
  /// True for "not", "no", "never", "without" and the like, which flip what follows.
  public var isNegation: Bool
  /// True for words that carry no meaning for matching, such as "the" or "of".
  public var isStopword: Bool
  /// The index of the word's sentence in the text, from 0.
  public var sentence: Int
  /// The index of the word's clause, counted across the whole text. A comma, a colon or a word
  /// such as "but" starts a new clause, and a negation reaches no further than its clause.
  public var clause: Int
}

/// Turns free text into tokens for matching: lowercase words, Greek letters and subscripts
/// spelled out, British spellings folded into American ones, contractions split, stems
/// taken, and known multi-word synonyms replaced by one canonical key.
public enum TextAnalysis {
  public static func tokens(_ text: String) -> [Token] {
    var result: [Token] = []
    let text = text.replacingOccurrences(of: "e.g.", with: "eg")
      .replacingOccurrences(of: "i.e.", with: "ie")
    var clause = 0
    for (sentenceIndex, sentence) in sentences(text).enumerated() {
      clause += 1
      for part in sentence.split(whereSeparator: { ",:()".contains($0) }) {
        clause += 1
        var words = rawWords(String(part))
        words = mergeIndexedSymbols(words)
        var stems = words.map(normalizeWord)
        stems = Synonyms.canonicalize(stems)
        for key in stems where !key.isEmpty {
          if clauseStarters.contains(key) { clause += 1 }
          result.append(
            Token(
              key: key, isNegation: negations.contains(key),
              isStopword: stopwords.contains(key), sentence: sentenceIndex, clause: clause))
        }
      }
    }
    return result
  }

  /// Returns the content keys of `text`: stems without stopwords or negations.
  public static func contentKeys(_ text: String) -> [String] {
    tokens(text).filter { !$0.isStopword && !$0.isNegation }.map(\.key)
  }

  /// Splits at sentence ends (. ! ? ;) and line breaks, keeping decimal points inside numbers.
  static func sentences(_ text: String) -> [String] {
    var sentences: [String] = []
    var current = ""
    let characters = Array(text)
    for (i, c) in characters.enumerated() {
      let next = i + 1 < characters.count ? characters[i + 1] : " "
      let previous = i > 0 ? characters[i - 1] : " "
      let isDecimalPoint = c == "." && previous.isNumber && next.isNumber
      if (".!?;".contains(c) && !isDecimalPoint) || c.isNewline {
        sentences.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    sentences.append(current)
    return sentences.filter { !$0.allSatisfy(\.isWhitespace) }
  }

  /// Lowercase words of letters and digits; "doesn't" becomes "does not", Greek letters and
  /// subscript digits become their names, and "1e-8" or "0.9" stay one word.
  static func rawWords(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    let characters = Array(text.lowercased())
    func flush() {
      if !current.isEmpty { words.append(current) }
      current = ""
    }
    var i = 0
    while i < characters.count {
      let c = characters[i]
      let next = i + 1 < characters.count ? characters[i + 1] : " "
      if c.unicodeScalars.count > 1, c.unicodeScalars.contains(combiningCircumflex) {
        // "v̂" and "m̂" are v hat and m hat; other accents are dropped.
        current.append(String(c.unicodeScalars.first!))
        flush()
        words.append("hat")
      } else if let spelled = greekLetters[c] {
        flush()
        words.append(spelled)
      } else if let digit = subscriptDigits[c] {
        current.append(digit)
      } else if c.isLetter || c.isNumber {
        current.append(c)
      } else if c == "." && current.last?.isNumber == true && next.isNumber {
        current.append(c)
      } else if c == "-" && current.last == "e" && current.dropLast().last?.isNumber == true
        && next.isNumber
      {
        current.append(c)
      } else if (c == "'" || c == "’") && next == "t" && current.hasSuffix("n") {
        // "doesn't" → "does not", "can't" → "can not", "won't" → "will not".
        current.removeLast()
        if current == "wo" { current = "will" }
        if current == "ca" { current = "can" }
        flush()
        words.append("not")
        i += 1
      } else {
        flush()
      }
      i += 1
    }
    flush()
    return words
  }

  /// Joins "beta 1", "beta_1" and "β₁" into "beta1", so every spelling of β₁ matches.
  static func mergeIndexedSymbols(_ words: [String]) -> [String] {
    var merged: [String] = []
    for word in words {
      if let last = merged.last, indexedSymbols.contains(last), word == "1" || word == "2" {
        merged[merged.count - 1] = last + word
      } else {
        merged.append(word)
      }
    }
    return merged
  }

  /// Returns the matching key of one lowercase word: British spelling folded, then stemmed.
  static func normalizeWord(_ word: String) -> String {
    var word = word
    for (british, american) in britishSpellings where word.hasPrefix(british) {
      word = american + word.dropFirst(british.count)
      break
    }
    if word.first?.isNumber == true { return word }
    return Stemmer.stem(word)
  }

  static let combiningCircumflex = Unicode.Scalar(0x302)!

  /// Greek letters and math symbols, spelled as learners type them.
  static let greekLetters: [Character: String] = [
    "√": "sqrt", "≈": "approximately",
    "α": "alpha", "β": "beta", "γ": "gamma", "ε": "epsilon", "ϵ": "epsilon", "η": "eta",
    "θ": "theta", "λ": "lambda", "μ": "mu", "σ": "sigma", "∇": "gradient",
  ]

  static let subscriptDigits: [Character: Character] = [
    "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "¹": "1", "²": "2",
  ]

  static let indexedSymbols: Set<String> = ["beta", "theta", "b", "m", "v"]

  /// Prefixes spelled the British way and their American forms, folded before stemming.
  static let britishSpellings: [(String, String)] = [
    ("optimis", "optimiz"), ("normalis", "normaliz"), ("regularis", "regulariz"),
    ("initialis", "initializ"), ("generalis", "generaliz"), ("quantis", "quantiz"),
    ("synchronis", "synchroniz"), ("parallelis", "paralleliz"), ("minimis", "minimiz"),
    ("maximis", "maximiz"), ("stabilis", "stabiliz"), ("factoris", "factoriz"),
    ("summaris", "summariz"), ("serialis", "serializ"), ("centre", "center"),
    ("behaviour", "behavior"), ("utilis", "utiliz"), ("emphasis", "emphasiz"),
  ]

  /// Stems of conjunctions after which an earlier negation no longer applies.
  static let clauseStarters: Set<String> = Set(
    ["but", "however", "although", "though", "whereas", "while", "yet"].map {
      Stemmer.stem($0)
    })

  /// Stems of words that invert the meaning of what follows them within a sentence.
  static let negations: Set<String> = [
    "not", "no", "never", "without", "neither", "nor", "none", "cannot", "nobodi", "noth",
    "instead",
  ]

  /// Negations that apply to the next content word only: "without momentum", "no state",
  /// "instead of adding it".
  static let nounNegations: Set<String> = ["no", "without", "none", "neither", "nor", "instead"]

  /// Stems of function words ignored when matching.
  static let stopwords: Set<String> = Set(
    [
      "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is",
      "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these",
      "those", "and", "or", "but", "so", "than", "then", "there", "their", "they", "them",
      "we", "you", "your", "our", "i", "he", "she", "do", "does", "did", "doe", "which",
      "who", "what", "when", "where", "how", "why", "can", "could", "would", "should", "will",
      "may", "might", "must", "has", "have", "had", "ha", "into", "onto", "also", "just",
      "about", "very", "more", "most", "some", "any", "each", "every", "all", "both", "if",
      "because", "up", "out", "over", "per", "via", "e", "g", "eg", "ie", "etc", "like",
      "such", "s", "but", "however", "although", "though", "whereas", "while", "yet",
    ].map { Stemmer.stem($0) })
}
