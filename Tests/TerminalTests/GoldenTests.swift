import Foundation
import Lessons
import Testing

@testable import Terminal

/// Compares rendered fixtures with files under Golden/. Run with
/// `OPTIMLINGS_UPDATE_GOLDEN=1` to rewrite the files, then read every change before
/// committing it.
@Suite struct GoldenTests {
  static let widths = [40, 80, 120]
  static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// The fixture at each width, in plain text and with colour and hyperlinks. Escape
  /// characters are shown as ␛ so the files can be read.
  static func document(for markdown: String) -> String {
    let blocks = MarkdownDocument.parse(markdown)
    var text = ""
    for width in widths {
      let plain = LessonRenderer(options: .plain(width: width)).render(blocks)
      text += "=== width \(width), plain ===\n" + plain
    }
    for width in widths {
      let colour = LessonRenderer(
        options: RenderOptions(width: width, usesColor: true, hyperlinks: true)
      ).render(blocks)
      text += "=== width \(width), colour and hyperlinks ===\n"
      text += colour.replacingOccurrences(of: "\u{1B}", with: "␛")
    }
    return text
  }

  @Test(arguments: GoldenFixtures.all.map(\.name))
  func matchesGolden(name: String) throws {
    let markdown = GoldenFixtures.all.first { $0.name == name }!.markdown
    let actual = Self.document(for: markdown)
    let file = Self.goldenFolder.appendingPathComponent("\(name).txt")

    if ProcessInfo.processInfo.environment["OPTIMLINGS_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(
        at: Self.goldenFolder, withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record(
        "missing \(file.path); run the tests with OPTIMLINGS_UPDATE_GOLDEN=1 and review it")
      return
    }
    if actual != expected {
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let first = zip(actualLines, expectedLines).enumerated().first {
        $0.element.0 != $0.element.1
      }
      let line = first?.offset ?? min(actualLines.count, expectedLines.count)
      Issue.record(
        """
        \(name) differs from \(file.lastPathComponent) at line \(line + 1):
        expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end>")
        actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end>")
        """)
    }
  }

  @Test func plainOutputHasNoEscapeCodes() {
    for (name, markdown) in GoldenFixtures.all {
      let blocks = MarkdownDocument.parse(markdown + "\n\nraw \u{1B}[31m escape \u{9B}31m")
      for width in Self.widths {
        let text = LessonRenderer(options: .plain(width: width)).render(blocks)
        #expect(!text.unicodeScalars.contains("\u{1B}"), "\(name) at \(width)")
        #expect(!text.unicodeScalars.contains("\u{9B}"), "\(name) at \(width)")
      }
    }
  }

  /// Wrapped text never passes the width; code blocks are exempt because they never wrap.
  @Test func wrappedLinesFitTheWidth() {
    let wrapped = [
      "headings", "inline", "quotes", "lists", "tasks", "tables", "links", "math",
      "wide", "prose", "blocks",
    ]
    for (name, markdown) in GoldenFixtures.all where wrapped.contains(name) {
      for width in Self.widths {
        for colour in [false, true] {
          let text = LessonRenderer(
            options: RenderOptions(width: width, usesColor: colour, hyperlinks: colour)
          ).render(MarkdownDocument.parse(markdown))
          for line in text.split(separator: "\n") {
            #expect(
              DisplayWidth.of(String(line)) <= width,
              "\(name) at \(width): '\(line)' is \(DisplayWidth.of(String(line))) wide")
          }
        }
      }
    }
  }

  @Test func codeIsNeverRewrapped() {
    let long = String(repeating: "x", count: 200)
    let text = LessonRenderer(options: .plain(width: 40)).render(
      MarkdownDocument.parse("```\n\(long)\n```"))
    #expect(text.contains("│ " + long + "\n"))
  }

  @Test func linksWithoutHyperlinksShowURL() {
    let blocks = MarkdownDocument.parse("[docs](https://pytorch.org)")
    let colourNoLinks = LessonRenderer(
      options: RenderOptions(width: 80, usesColor: true, hyperlinks: false)
    ).render(blocks)
    let withLinks = LessonRenderer(
      options: RenderOptions(width: 80, usesColor: true, hyperlinks: true)
    ).render(blocks)

    #expect(colourNoLinks.contains("(https://pytorch.org)"))
    #expect(!colourNoLinks.contains("\u{1B}]8;;"))
    #expect(withLinks.contains("\u{1B}]8;;https://pytorch.org\u{1B}\\"))
    #expect(!withLinks.contains("(https://pytorch.org)"))
  }
}
