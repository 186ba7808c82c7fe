import Foundation
import Testing

@testable import Lessons

/// Inputs shaped like messy real notes; each must load without crashing or hanging.
@Suite struct MalformedInputTests {
  /// A fixed-seed generator so random inputs are the same on every run.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let notes: [(String, String)] = [
    ("no-headings.md", "just a thought about momentum\nand another line\n"),
    ("only-url.md", "https://arxiv.org/abs/1412.6980\n"),
    (
      "pasted-code.md",
      "Here is what I ran:\nfor p in model.parameters():\n    p.data -= lr * p.grad\n\nworked?\n"
    ),
    ("emoji.md", "# Results 🎉\n\nLoss went down 👍🏽 and 🇯🇵 flags; 学习率 is the LR.\n"),
    ("mojibake.md", "# Notes\n\nThat worked ðŸ‘ and Ã©tÃ© cafÃ©\n"),
    ("unclosed-fence.md", "# Code\n\n```python\nprint('never closed')\n"),
    ("unclosed-math.md", "Price $5 and $$ never closed \\frac{a}{\n"),
    ("front-matter-only.md", "---\nid: x\n---\n"),
    ("html.md", "<details><summary>Click</summary>\n\nhidden\n\n</details>\n"),
    ("control.md", "bell \u{07} and escape \u{1B}[31mred\u{1B}[0m\n"),
  ]

  @Test func realisticMessyNotes() {
    for (name, text) in Self.notes {
      let lesson = LessonParser.parse(text, fileName: name)
      if name != "front-matter-only.md" {
        #expect(!lesson.steps.isEmpty, "\(name) has no steps")
      }
    }
  }

  @Test func invalidUTF8IsReplacedVisibly() throws {
    let folder = try TemporaryFolder()
    var bytes = Array("# Caf".utf8)
    bytes += [0xC3]  // truncated two-byte sequence
    bytes += Array("\n\nok \u{FFFD}".utf8).dropLast(3)
    bytes += [0xFF, 0xFE, 0x0A]
    let file = try folder.write("broken.md", Data(bytes))

    let lesson = try LessonLibrary.loadFile(file)

    #expect(lesson.title.contains("\u{FFFD}"))
    #expect(Inline.plainText(of: paragraphs(lesson)).contains("\u{FFFD}"))
  }

  @Test func randomBytesWithFixedSeed() {
    var generator = SeededGenerator(state: 42)
    for round in 0..<200 {
      let count = Int.random(in: 0..<2_000, using: &generator)
      var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      if round % 2 == 0 {
        // Half the inputs lean on Markdown punctuation so the parser's paths are exercised.
        let punctuation = Array("#>*-_`$[]()!|~\\\n 1.".utf8)
        bytes = bytes.map { $0 < 160 ? punctuation[Int($0) % punctuation.count] : $0 }
      }
      let text = String(decoding: bytes, as: UTF8.self)
      _ = LessonParser.parse(text, fileName: "random-\(round).md")
    }
  }

  @Test func truncatedUTF8AtEveryCut() {
    let text = Array("# Ωmega 学习 👍🏽\n\n$\\beta_1$ → ok".utf8)
    for cut in 0...text.count {
      let lesson = LessonParser.parse(
        String(decoding: text[..<cut], as: UTF8.self), fileName: "t.md")
      if cut > 2 { #expect(!lesson.steps.isEmpty) }
    }
  }

  @Test func tenMegabyteFile() {
    let paragraph =
      "Adam keeps a running mean of gradients, $m_t$, and of squares. **Bold** text.\n\n"
    let repeats = 10_000_000 / paragraph.utf8.count + 1
    let text = "# Big\n\n" + String(repeating: paragraph, count: repeats)
    let lesson = LessonParser.parse(text, fileName: "big.md")
    #expect(lesson.steps.count == 1)
    #expect(lesson.steps[0].blocks.count == repeats + 1)
  }

  @Test func deepNestingOfEveryKind() {
    let depth = 20_000
    let inputs = [
      String(repeating: ">", count: depth) + " quote",
      (0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n"),
      String(repeating: "*", count: depth) + "x" + String(repeating: "*", count: depth),
      String(repeating: "[", count: depth) + "x" + String(repeating: "](u)", count: depth),
      String(repeating: "_a ", count: depth),
      String(repeating: "~~", count: depth),
    ]
    for input in inputs {
      let lesson = LessonParser.parse(input, fileName: "deep.md")
      #expect(!lesson.steps.isEmpty)
    }
  }

  @Test func hundredThousandCharacterLines() {
    let word = String(repeating: "x", count: 100_000)
    let words = (0..<20_000).map { _ in "word" }.joined(separator: " ")
    let dollars = String(repeating: "$", count: 100_000)
    for line in [word, words, dollars, "| a |\n|---|\n| " + word + " |"] {
      #expect(!LessonParser.parse(line, fileName: "long.md").steps.isEmpty)
    }
  }

  private func paragraphs(_ lesson: Lesson) -> [Inline] {
    lesson.steps.flatMap(\.blocks).flatMap { block -> [Inline] in
      if case .paragraph(let inlines) = block { return inlines }
      return []
    }
  }
}
