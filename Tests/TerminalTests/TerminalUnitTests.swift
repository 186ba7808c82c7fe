import Lessons
import Testing

@testable import Terminal

@Suite struct DisplayWidthTests {
  @Test(arguments: [
    ("abc", 3),
    ("学习率", 6),
    ("👍", 2),
    ("👍🏽", 2),
    ("🇯🇵", 2),
    ("m̂", 1),
    ("e\u{301}", 1),
    ("\u{1B}[1;31mred\u{1B}[0m", 3),
    ("\u{1B}]8;;https://x.org\u{1B}\\link\u{1B}]8;;\u{1B}\\", 4),
    ("ｆｕｌｌ", 8),
    ("", 0),
  ])
  func measures(text: String, width: Int) {
    #expect(DisplayWidth.of(text) == width)
  }
}

@Suite struct WrapperTests {
  @Test func greedyFill() {
    let lines = Wrapper.wrap([Segment("one two three four five")], width: 9)
    #expect(lines.map { $0.map(\.text).joined() } == ["one two", "three", "four five"])
  }

  @Test func longWordIsCut() {
    let lines = Wrapper.wrap([Segment(String(repeating: "a", count: 25))], width: 10)
    #expect(lines.map { $0.map(\.text).joined() } == ["aaaaaaaaaa", "aaaaaaaaaa", "aaaaa"])
  }

  @Test func wideCharactersAreNotSplitAcrossTheEdge() {
    let lines = Wrapper.wrap([Segment("学习率学习率")], width: 5)
    #expect(lines.map { $0.map(\.text).joined() } == ["学习", "率学", "习率"])
  }

  @Test func styleSurvivesWrap() {
    let bold = TextStyle(bold: true)
    let lines = Wrapper.wrap([Segment("plain "), Segment("bold words here", bold)], width: 10)
    #expect(lines.count == 2)
    #expect(lines[1].allSatisfy { $0.style == bold || $0.text == " " })
  }

  @Test func randomTextFitsWidth() {
    var generator = SystemRandomNumberGenerator()
    _ = generator
    var state: UInt64 = 7
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    let alphabet = Array("ab 学👍 cdefg  \n")
    for width in [1, 2, 5, 13, 40] {
      let text = String((0..<500).map { _ in alphabet[next() % alphabet.count] })
      for line in Wrapper.wrap([Segment(text)], width: width) {
        #expect(Wrapper.width(of: line) <= max(width, 2))
      }
    }
  }
}

@Suite struct PagerTests {
  @Test func splitsLeavingPromptRow() {
    let text = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
    let pages = Pager.pages(of: text, height: 5)
    #expect(pages.count == 3)
    #expect(pages[0] == "line 1\nline 2\nline 3\nline 4\n")
    #expect(pages[2] == "line 9\nline 10\n")
  }

  @Test func tinyHeightStillPages() {
    #expect(Pager.pages(of: "a\nb\n", height: 0) == ["a\n", "b\n"])
    #expect(Pager.pages(of: "", height: 24).isEmpty)
  }
}

@Suite struct SwiftHighlighterTests {
  @Test func classifiesTokens() {
    let line = SwiftHighlighter.highlight("let x = \"s\" + 12 // note")[0]
    func style(of text: String) -> TextStyle? { line.first { $0.text == text }?.style }
    #expect(style(of: "let") == SwiftHighlighter.keywordStyle)
    #expect(style(of: "\"s\"") == SwiftHighlighter.stringStyle)
    #expect(style(of: "12") == SwiftHighlighter.numberStyle)
    #expect(style(of: "// note") == SwiftHighlighter.commentStyle)
    #expect(line.map(\.text).joined() == "let x = \"s\" + 12 // note")
  }

  @Test func blockCommentsAndMultilineStringsSpanLines() {
    let lines = SwiftHighlighter.highlight("/* a\nb */ let\n\"\"\"\nlet\n\"\"\"")
    #expect(lines[1][0] == Segment("b */", SwiftHighlighter.commentStyle))
    #expect(lines[1].last == Segment("let", SwiftHighlighter.keywordStyle))
    #expect(lines[3] == [Segment("let", SwiftHighlighter.stringStyle)])
  }

  @Test func identifiersWithDigitsAreNotNumbers() {
    let line = SwiftHighlighter.highlight("beta1 * x2")[0]
    #expect(!line.contains { $0.style == SwiftHighlighter.numberStyle })
  }
}

@Suite struct RendererRobustnessTests {
  @Test func malformedNotesRenderAtEveryWidth() {
    let inputs = [
      String(repeating: "> ", count: 3_000) + "deep",
      (0..<500).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n"),
      "| a |\n|---|\n| " + String(repeating: "y", count: 100_000) + " |",
      String(repeating: "word ", count: 20_000),
      "```\n" + String(repeating: "z", count: 100_000) + "\n```",
      "\u{FFFD}\u{FFFD} ðŸ‘ mojibake \u{0}\u{7} control",
      "https://example.com",
    ]
    for input in inputs {
      let blocks = MarkdownDocument.parse(input)
      for width in [1, 10, 40, 80] {
        for colour in [false, true] {
          let text = LessonRenderer(
            options: RenderOptions(width: width, usesColor: colour, hyperlinks: colour)
          ).render(blocks)
          #expect(!text.isEmpty)
        }
      }
    }
  }

  @Test func stepBannerNamesStep() {
    let lesson = LessonParser.parse("## One\n\na\n\n## Two\n\nb\n", fileName: "x.md")
    let banner = LessonRenderer(options: .plain(width: 40)).stepBanner(
      lesson: lesson, stepNumber: 2)
    #expect(banner.hasPrefix("── One · step 2 of 2: Two ──"))
    #expect(DisplayWidth.of(String(banner.dropLast())) == 40)
  }
}
