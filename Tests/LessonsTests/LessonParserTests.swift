import Testing

@testable import Lessons

@Suite struct LessonParserTests {
  @Test func frontMatterFields() {
    let source = """
      ---
      id: adam
      title: "Adam"
      order: 80
      exercises: [adam, adamw]
      prerequisites: momentum, rmsprop
      tags: [optimizers]
      ---
      # Ignored heading

      Body text.
      """
    let lesson = LessonParser.parse(source, fileName: "08-adam.md")

    #expect(lesson.id == "adam")
    #expect(lesson.title == "Adam")
    #expect(lesson.order == 80)
    #expect(lesson.exercises == ["adam", "adamw"])
    #expect(lesson.prerequisites == ["momentum", "rmsprop"])
    #expect(lesson.frontMatter["tags"] == "[optimizers]")
    #expect(lesson.warnings.isEmpty)
  }

  @Test func withoutFrontMatterUsesHeadingAndFileName() {
    let lesson = LessonParser.parse(
      "# Learning Rate Notes\n\nSome text.\n", fileName: "LR Notes.md")

    #expect(lesson.id == "lr-notes")
    #expect(lesson.title == "Learning Rate Notes")
    #expect(lesson.order == nil)
    #expect(lesson.steps.count == 1)
  }

  @Test func withoutHeadingTitleComesFromFileName() {
    let lesson = LessonParser.parse("just some words\n", fileName: "batch_sizes.md")
    #expect(lesson.title == "Batch sizes")
    #expect(lesson.id == "batch-sizes")
  }

  @Test func openingRuleIsNotFrontMatter() {
    let source = "---\nThis note opens with a rule.\n---\nMore.\n"
    let lesson = LessonParser.parse(source, fileName: "rule.md")
    #expect(lesson.frontMatter.isEmpty)
    // The second `---` underlines the text, which makes it a setext level-2 heading.
    #expect(lesson.steps.map(\.title) == ["This note opens with a rule."])
  }

  @Test func invalidOrderWarns() {
    let lesson = LessonParser.parse("---\norder: soon\n---\ntext\n", fileName: "a.md")
    #expect(lesson.order == nil)
    #expect(lesson.warnings.count == 1)
    #expect(lesson.warnings[0].contains("soon"))
  }

  @Test func stepsSplitAtLevelTwoHeadingsAndRules() {
    let source = """
      # Momentum

      Intro paragraph.

      ## Velocity

      The velocity.

      ***

      After a rule.

      ## Nesterov

      ```python
      ---
      ## not a heading
      ```
      """
    let lesson = LessonParser.parse(source, fileName: "momentum.md")

    #expect(lesson.steps.map(\.title) == ["Momentum", "Velocity", "Momentum", "Nesterov"])
    #expect(lesson.steps[0].blocks.count == 2)
    #expect(lesson.steps[3].blocks.count == 2)
  }

  @Test func headingOnlyPreambleJoinsFirstStep() {
    let source = "# Adam\n\n## Why\n\nBecause.\n\n## How\n\nLike this.\n"
    let lesson = LessonParser.parse(source, fileName: "adam.md")

    #expect(lesson.steps.map(\.title) == ["Why", "How"])
    #expect(lesson.steps[0].blocks.first == .heading(level: 1, content: [.text("Adam")]))
  }

  @Test func gfmExtensions() {
    let source = """
      ~~old~~ and https://example.com

      - [x] done
      - [ ] todo

      | a | b |
      |:--|--:|
      | 1 | 2 |
      """
    let blocks = MarkdownDocument.parse(source)

    guard case .paragraph(let inlines) = blocks[0] else {
      Issue.record("expected a paragraph, got \(blocks[0])")
      return
    }
    #expect(inlines.first == .strikethrough([.text("old")]))
    #expect(
      inlines.contains(
        .link(
          destination: "https://example.com", title: "", content: [.text("https://example.com")])))
    guard case .list(let list) = blocks[1] else {
      Issue.record("expected a list, got \(blocks[1])")
      return
    }
    #expect(list.items.map(\.task) == [true, false])
    guard case .table(let table) = blocks[2] else {
      Issue.record("expected a table, got \(blocks[2])")
      return
    }
    #expect(table.alignments == [.left, .right])
    #expect(table.header == [[.text("a")], [.text("b")]])
    #expect(table.rows == [[[.text("1")], [.text("2")]]])
  }

  @Test func mathSpansSurviveMarkdown() {
    let blocks = MarkdownDocument.parse(
      "Loss $x_i * y_i$ costs $5 and $10, code `$x$`.\n\n$$\n\\hat{m}_t = a_b\n$$\n")

    #expect(
      blocks[0]
        == .paragraph([
          .text("Loss "), .math("x_i * y_i"), .text(" costs $5 and $10, code "), .code("$x$"),
          .text("."),
        ]))
    #expect(blocks[1] == .displayMath("\\hat{m}_t = a_b"))
  }

  @Test func codeBlockLineCountsFrontMatter() {
    let source = "---\nid: x\n---\ntext\n\n```swift\nlet a = 1\n```\n"
    let lesson = LessonParser.parse(source, fileName: "x.md")
    #expect(lesson.codeBlocks.map(\.block.line) == [6])
    #expect(lesson.codeBlocks.map(\.block.kind) == [.code(language: "swift")])
  }

  @Test func codeBlockKinds() {
    #expect(CodeBlock(info: "worked-example", text: "").kind == .workedExample)
    #expect(CodeBlock(info: "experiment", text: "").kind == .experiment)
    #expect(CodeBlock(info: "swift cell", text: "").kind == .swiftCell)
    #expect(CodeBlock(info: "swift", text: "").kind == .code(language: "swift"))
    #expect(CodeBlock(info: "", text: "").kind == .code(language: nil))
  }

  @Test func footnoteDefinitionMovesToReferencingStep() {
    let source = "## One\n\nText[^n].\n\n## Two\n\nMore.\n\n[^n]: The note.\n"
    let lesson = LessonParser.parse(source, fileName: "f.md")

    #expect(
      lesson.steps[0].blocks.last
        == .footnoteDefinition(label: "1", blocks: [.paragraph([.text("The note.")])]))
    #expect(
      lesson.steps[0].blocks.contains(
        .paragraph([.text("Text"), .footnoteReference("1"), .text(".")])))
    #expect(lesson.steps[1].blocks.count == 2)
  }

  @Test func deepNestingIsFlattened() {
    let depth = 5_000
    let source = String(repeating: "> ", count: depth) + "deep text\n"
    let blocks = MarkdownDocument.parse(source)
    var level = 0
    var current = blocks
    while case .quote(let children)? = current.first {
      level += 1
      current = children
    }
    #expect(level < MarkdownDocument.maximumDepth + 1)
    #expect(
      Inline.plainText(
        of: current.flatMap { block -> [Inline] in
          if case .paragraph(let inlines) = block { return inlines }
          return []
        }
      ).contains("deep text"))
  }

}

@Suite struct LessonCursorTests {
  let lesson = LessonParser.parse(
    "## One\n\na\n\n## Two\n\nb\n\n## Three\n\nc\n", fileName: "three.md")

  @Test func nextAndBack() throws {
    var cursor = try LessonCursor(lesson: lesson)
    #expect(cursor.step.title == "One")
    #expect(try cursor.next().title == "Two")
    #expect(try cursor.next().title == "Three")
    #expect(cursor.isAtLastStep)
    #expect(throws: LessonCursorError.self) { try cursor.next() }
    #expect(cursor.stepNumber == 3)
    #expect(try cursor.back().title == "Two")
  }

  @Test func backAtFirstStepFails() throws {
    var cursor = try LessonCursor(lesson: lesson)
    #expect(throws: LessonCursorError.self) { try cursor.back() }
    #expect(cursor.stepNumber == 1)
  }

  @Test func outOfRangeListsSteps() throws {
    var cursor = try LessonCursor(lesson: lesson, stepNumber: 2)
    do {
      try cursor.go(to: 7)
      Issue.record("expected an error")
    } catch {
      #expect(error.message.contains("step 7"))
      #expect(error.message.contains("1 One, 2 Two, 3 Three"))
    }
    #expect(cursor.stepNumber == 2)
    #expect(throws: LessonCursorError.self) { try LessonCursor(lesson: lesson, stepNumber: 0) }
  }
}
