import Testing

@testable import OptimlingsCLI

@Suite struct LineWordsTests {
  @Test func blanksSeparateWords() throws {
    #expect(try LineWords.split("  check   adam\t--json ") == ["check", "adam", "--json"])
  }

  @Test func quotesKeepBlanks() throws {
    #expect(try LineWords.split(#"run 'a b' "c d" e\ f"#) == ["run", "a b", "c d", "e f"])
    #expect(try LineWords.split(#"say "a \"q\" b""#) == ["say", #"a "q" b"#])
    #expect(try LineWords.split("say ''") == ["say", ""])
  }

  @Test func commentsEndTheLine() throws {
    #expect(try LineWords.split("# a comment") == [])
    #expect(try LineWords.split("next # go on") == ["next"])
    #expect(try LineWords.split("trace a#b") == ["trace", "a#b"])
  }

  @Test func utf8WordsRoundTrip() throws {
    #expect(try LineWords.split("note θ ← θ − η·ĝ ✓") == ["note", "θ", "←", "θ", "−", "η·ĝ", "✓"])
  }

  @Test func unterminatedQuoteRejected() {
    #expect(throws: CommandError.self) { try LineWords.split("say 'open") }
    #expect(throws: CommandError.self) { try LineWords.split("say \\") }
  }
}
