/// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", Program 14(3),
/// 1980), so that "decays", "decayed" and "decay" all reduce to one stem.
///
/// Input is one lowercase ASCII word; anything else, and words of two letters or fewer, come
/// back unchanged. Stems are matching keys, not words: "decay" becomes "decai".
public enum Stemmer {
  public static func stem(_ word: String) -> String {
    guard word.count > 2, word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
    var w = Word(Array(word.utf8))
    w.step1a()
    w.step1b()
    w.step1c()
    w.step2()
    w.step3()
    w.step4()
    w.step5()
    return String(decoding: w.letters, as: UTF8.self)
  }
}

private struct Word {
  var letters: [UInt8]

  init(_ letters: [UInt8]) { self.letters = letters }

  private static let vowels: Set<UInt8> = Set("aeiou".utf8)
  private static let y = UInt8(ascii: "y")

  /// Porter's consonant: not a vowel, and `y` only when it follows a vowel or starts the word.
  func isConsonant(_ i: Int) -> Bool {
    let c = letters[i]
    if Self.vowels.contains(c) { return false }
    if c == Self.y { return i == 0 ? true : !isConsonant(i - 1) }
    return true
  }

  /// m in [C](VC)^m[V] for the first `length` letters.
  func measure(_ length: Int) -> Int {
    var count = 0
    var i = 0
    while i < length && isConsonant(i) { i += 1 }
    while i < length {
      while i < length && !isConsonant(i) { i += 1 }
      if i >= length { break }
      while i < length && isConsonant(i) { i += 1 }
      count += 1
    }
    return count
  }

  func containsVowel(_ length: Int) -> Bool {
    (0..<length).contains { !isConsonant($0) }
  }

  /// Returns whether the first `length` letters end in a doubled consonant.
  func endsWithDoubleConsonant(_ length: Int) -> Bool {
    length >= 2 && letters[length - 1] == letters[length - 2] && isConsonant(length - 1)
  }

  /// Porter's *o: consonant-vowel-consonant at the end, the last not w, x or y.
  func endsCVC(_ length: Int) -> Bool {
    guard length >= 3, isConsonant(length - 1), !isConsonant(length - 2), isConsonant(length - 3)
    else { return false }
    return !"wxy".utf8.contains(letters[length - 1])
  }

  func hasSuffix(_ suffix: String) -> Bool {
    let s = Array(suffix.utf8)
    return letters.count >= s.count && Array(letters.suffix(s.count)) == s
  }

  /// Returns the stem length left when `suffix` is removed.
  func stemLength(without suffix: String) -> Int { letters.count - suffix.utf8.count }

  mutating func replace(_ suffix: String, with replacement: String) {
    letters.removeLast(suffix.utf8.count)
    letters.append(contentsOf: replacement.utf8)
  }

  /// Applies the first rule whose suffix matches, when the remaining stem's measure exceeds
  /// `minimumMeasure`; a matching suffix with too small a measure ends the step.
  mutating func applyFirstMatch(_ rules: [(String, String)], minimumMeasure: Int) {
    for (suffix, replacement) in rules where hasSuffix(suffix) {
      if measure(stemLength(without: suffix)) > minimumMeasure {
        replace(suffix, with: replacement)
      }
      return
    }
  }

  mutating func step1a() {
    if hasSuffix("sses") {
      replace("sses", with: "ss")
    } else if hasSuffix("ies") {
      replace("ies", with: "i")
    } else if hasSuffix("ss") {
      return
    } else if hasSuffix("s") {
      replace("s", with: "")
    }
  }

  mutating func step1b() {
    if hasSuffix("eed") {
      if measure(stemLength(without: "eed")) > 0 { replace("eed", with: "ee") }
      return
    }
    var removed = false
    for suffix in ["ed", "ing"] where hasSuffix(suffix) {
      if containsVowel(stemLength(without: suffix)) {
        replace(suffix, with: "")
        removed = true
      }
      break
    }
    guard removed else { return }
    if hasSuffix("at") || hasSuffix("bl") || hasSuffix("iz") {
      letters.append(UInt8(ascii: "e"))
    } else if endsWithDoubleConsonant(letters.count),
      !"lsz".utf8.contains(letters[letters.count - 1])
    {
      letters.removeLast()
    } else if measure(letters.count) == 1 && endsCVC(letters.count) {
      letters.append(UInt8(ascii: "e"))
    }
  }

  mutating func step1c() {
    if hasSuffix("y") && containsVowel(stemLength(without: "y")) {
      replace("y", with: "i")
    }
  }

  mutating func step2() {
    applyFirstMatch(
      [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"),
        ("izer", "ize"), ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"),
        ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"),
        ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
      ], minimumMeasure: 0)
  }

  mutating func step3() {
    applyFirstMatch(
      [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"),
        ("ful", ""), ("ness", ""),
      ], minimumMeasure: 0)
  }

  mutating func step4() {
    let suffixes = [
      "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
      "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ]
    // Longest first, so "ement" is tried before "ment" and "ent".
    for suffix in suffixes.sorted(by: { $0.count > $1.count }) where hasSuffix(suffix) {
      let length = stemLength(without: suffix)
      if suffix == "ion" {
        let endsInSOrT = length > 0 && "st".utf8.contains(letters[length - 1])
        if endsInSOrT && measure(length) > 1 { replace(suffix, with: "") }
      } else if measure(length) > 1 {
        replace(suffix, with: "")
      }
      return
    }
  }

  mutating func step5() {
    if hasSuffix("e") {
      let length = stemLength(without: "e")
      let m = measure(length)
      if m > 1 || (m == 1 && !endsCVC(length)) { letters.removeLast() }
    }
    if measure(letters.count) > 1 && endsWithDoubleConsonant(letters.count)
      && letters.last == UInt8(ascii: "l")
    {
      letters.removeLast()
    }
  }
}
