import Foundation
import Testing

@testable import Drill

@Suite struct NotesParsingTests {
  /// The basic shape: a bold quoted question, a nested "What they're looking for:" item.
  static let basic = """
    # Momentum notes

    Some prose that is not a question, with **bold words** in it.

    ### 1. Basics

    * **"Why does momentum help on a long narrow valley?"**
        * **What they're looking for:** The velocity averages out the zigzag across the valley. Progress along the valley floor adds up over steps.
    * **Fast start:** a bold label that is not a question.
    * **"When would you turn momentum off?"**
        * **What they're looking for:** When the gradients are already smooth and small.

    ---

    ### 2. At scale

    * **"What changes for momentum with many workers?"**
        * **What they're looking for:** Each worker keeps the buffer for its shard.
    """

  @Test func basicShape() {
    let deck = NotesDeckParser.parse(Self.basic, deckID: "notes", file: "notes.md")
    #expect(deck.title == "Momentum notes")
    #expect(
      deck.questions.map(\.prompt) == [
        "Why does momentum help on a long narrow valley?",
        "When would you turn momentum off?",
        "What changes for momentum with many workers?",
      ])
    #expect(deck.questions.map(\.topic) == ["Basics", "Basics", "At scale"])
    let first = deck.questions[0]
    #expect(first.keyPoints.count == 2)
    #expect(first.keyPoints[0].summary == "The velocity averages out the zigzag across the valley.")
    #expect(first.modelAnswer.hasPrefix("The velocity averages out"))
    #expect(first.source == "notes.md:7")
    #expect(deck.questions[1].modelAnswer == "When the gradients are already smooth and small.")
  }

  /// Several questions share one "What they're testing:" paragraph, which applies to each.
  static let shared = """
    ## Checkpoints

    - **“What must a checkpoint contain to resume Adam exactly?”**
    - **“Why is saving only the weights not enough?”**
    - **“What goes wrong after a restart without optimizer state?”**

    *What they’re testing*: That the moment buffers and the step count are saved with the weights.
    Restarting from zero moments acts like a fresh warmup.

    - **"What is gradient clipping for?"**
      - Looking for: keeping one bad batch from wrecking the weights
    """

  @Test func sharedAnswerApplies() {
    let deck = NotesDeckParser.parse(Self.shared, deckID: "notes", file: "n.md")
    #expect(deck.questions.count == 4)
    let firstThree = deck.questions.prefix(3)
    for question in firstThree {
      #expect(question.modelAnswer.hasPrefix("That the moment buffers and the step count"))
      #expect(question.modelAnswer.hasSuffix("acts like a fresh warmup."))
      #expect(question.keyPoints.count == 2)
      #expect(question.topic == "Checkpoints")
    }
    #expect(deck.questions[3].modelAnswer == "keeping one bad batch from wrecking the weights")
  }

  /// Other plausible ways to write the same thing: numbered items, the label on the question's
  /// line, underscores for bold, a Q: prefix, an answer given as a nested list, no quotes but
  /// a question mark, and a question that never gets an answer.
  static let variants = """
    # Interview prep

    1. __"How is AdamW different from Adam with L2?"__ — What they want: decay applied to the weights directly, outside the adaptive scaling.
    2. **Q: What is ε for in Adam?**
       - **Expected answer:**
         - avoids division by zero
         - bounds the step when v is tiny
    3. **Why warm up the learning rate?**
       - What they are looking for: early moment estimates are noisy.

    **"Name one memory-saving Adam variant."**

    ## Later

    * **"An unanswered question?"**
    """

  @Test func plausibleVariants() {
    let deck = NotesDeckParser.parse(Self.variants, deckID: "prep", file: "p.md")
    #expect(
      deck.questions.map(\.prompt) == [
        "How is AdamW different from Adam with L2?",
        "What is ε for in Adam?",
        "Why warm up the learning rate?",
        "Name one memory-saving Adam variant.",
        "An unanswered question?",
      ])
    #expect(deck.questions[0].modelAnswer.hasPrefix("decay applied to the weights directly"))
    #expect(
      deck.questions[1].keyPoints.map(\.summary) == [
        "avoids division by zero", "bounds the step when v is tiny",
      ])
    #expect(deck.questions[2].modelAnswer == "early moment estimates are noisy.")
    #expect(deck.questions[3].keyPoints.isEmpty)
    #expect(deck.questions[4].topic == "Later")
    #expect(deck.questions[4].modelAnswer.isEmpty)
  }

  /// Questions as headings, numbered "Q3:" prefixes and answers in block quotes. A question-like
  /// heading over prose stays a topic.
  static let headings = """
    ## How does momentum work?

    Momentum keeps a running velocity.

    ### "Why does SGD need a decaying learning rate?"

    **What they're looking for:** Gradient noise keeps the iterates bouncing around the minimum.

    - **Q3: What does warmup fix?**

    > *Answer:* Large early steps while the moment estimates are still noisy.
    """

  @Test func headingQuestionsAndQuotes() {
    let deck = NotesDeckParser.parse(Self.headings, deckID: "h", file: "h.md")
    #expect(
      deck.questions.map(\.prompt) == [
        "Why does SGD need a decaying learning rate?", "What does warmup fix?",
      ])
    #expect(deck.questions.map(\.topic) == ["How does momentum work?", "How does momentum work?"])
    #expect(deck.questions[0].modelAnswer.hasPrefix("Gradient noise keeps the iterates"))
    #expect(deck.questions[1].modelAnswer.hasPrefix("Large early steps"))
  }

  @Test func answersAreGradedAgainstNotesSentences() {
    let deck = NotesDeckParser.parse(Self.basic, deckID: "notes", file: "notes.md")
    let assessment = KeyPointMatcher.assess(
      "Momentum averages away the zigzag across the valley.", for: deck.questions[0])
    #expect(assessment.covered.count == 1)
    #expect(assessment.missed.count == 1)
  }

  @Test func notesFileIsNotMistakenForDeckFormat() {
    #expect(!DeckParser.recognizes(Self.basic))
    #expect(!DeckParser.recognizes(Self.variants))
  }
}

@Suite struct DeckParsingTests {
  static let deck = """
    ---
    deck: sample
    title: Sample deck
    ---

    # Fundamentals

    ## Why does Adam correct the bias of its moments?
    id: adam-bias
    difficulty: easy

    ### Key points
    - **Moments start at zero**: initialized to zero; zero initialization
    - **Early averages lean toward zero**: biased toward zero
    - Divide by one minus beta to the t

    ### Model answer
    Both averages start at zero, so early on they are too small.
    Dividing by 1 − βᵗ undoes that.

    ### Follow-ups
    - What happens when β₂ = 0.999 and there is no correction?

    ## Adam's first step
    topic: Numbers
    difficulty: hard

    Adam with lr = 0.01 sees a first gradient of −3. What is θ₁ − θ₀?

    ```numeric
    optimizer: Adam
    lr: 0.01
    initial: 1.0
    gradients: -3
    ask: change
    ```

    ### Model answer
    The first step has size lr in the direction opposite to g.
    """

  @Test func parsesQuestionsAndMetadata() throws {
    let deck = try DeckParser.parse(Self.deck, defaultDeckID: "file", file: "s.md")
    #expect(deck.id == "sample")
    #expect(deck.title == "Sample deck")
    #expect(deck.questions.count == 2)

    let first = deck.questions[0]
    #expect(first.id == "adam-bias")
    #expect(first.topic == "Fundamentals")
    #expect(first.difficulty == .easy)
    #expect(
      first.keyPoints.map(\.summary) == [
        "Moments start at zero", "Early averages lean toward zero",
        "Divide by one minus beta to the t",
      ])
    #expect(first.keyPoints[0].phrasings == ["initialized to zero", "zero initialization"])
    #expect(first.modelAnswer.hasSuffix("Dividing by 1 − βᵗ undoes that."))
    #expect(first.followUps == ["What happens when β₂ = 0.999 and there is no correction?"])

    let numeric = deck.questions[1]
    #expect(numeric.id == "adams-first-step")
    #expect(numeric.topic == "Numbers")
    #expect(numeric.difficulty == .hard)
    #expect(numeric.prompt.contains("What is θ₁ − θ₀?"))
    #expect(numeric.numeric?.quantityDescription == "θ₁ − θ₀")
  }

  @Test func metadataMayFollowBlankLine() throws {
    let text =
      "## Q?\n\ndifficulty: hard\n\nA note: with a colon.\n### Key points\n- a b\n### Model answer\nx"
    let question = try DeckParser.parse(text, defaultDeckID: "d", file: "s.md").questions[0]
    #expect(question.difficulty == .hard)
    #expect(question.prompt == "Q?\nA note: with a colon.")
  }

  @Test func numericQuestionGradedByReferenceOptimizer() throws {
    let deck = try DeckParser.parse(Self.deck, defaultDeckID: "file", file: "s.md")
    let question = deck.questions[1]
    let expected = try #require(try question.numeric?.expectedValues())
    // Adam's first step is −lr·sign(g) up to ε: 0.01·3 / (3 + 1e-8).
    #expect(abs(expected[0] - 0.01 * 3 / (3 + 1e-8)) < 1e-15)

    let right = KeyPointMatcher.assess("θ₁ − θ₀ = 0.01", for: question)
    #expect(right.numeric?.isCorrect == true)
    #expect(right.suggestedRating == .good)

    let wrongSign = KeyPointMatcher.assess("θ1 - θ0 = -0.01", for: question)
    #expect(wrongSign.numeric?.isCorrect == false)
    #expect(wrongSign.suggestedRating == .again)

    let noNumber = KeyPointMatcher.assess("it moves by lr", for: question)
    #expect(noNumber.numeric?.given == [])
    #expect(noNumber.numeric?.isCorrect == false)
  }

  @Test func numbersInAnswers() {
    #expect(NumericSpec.numbers(in: "θ₁ − θ₀ = −0.01") == [-0.01])
    #expect(NumericSpec.numbers(in: "beta2 is 0.999, eps 1e-8, step -3") == [0.999, 1e-8, -3])
    #expect(NumericSpec.numbers(in: "about .5 then 2.") == [0.5, 2])
  }

  @Test(arguments: [
    (
      "## Q?\ndifficulty: brutal\n### Key points\n- a b\n### Model answer\nx", "s.md:2",
      "invalid difficulty 'brutal'"
    ),
    ("## Q?\n### Key points\n- a b\n", "s.md:1", "has no model answer"),
    ("## Q?\n### Model answer\nx\n", "s.md:1", "has no key points"),
    ("## Q?\n### Hints\n", "s.md:2", "unknown section '### Hints'"),
    (
      "## Q?\n```numeric\noptimizer: Adam\nlr: 0.1\ninitial: 1\ngradients: 1\nask: momentum_buffer\n```\n",
      "s.md:3", "keeps no 'momentum_buffer'"
    ),
    (
      "## Q?\n```numeric\noptimizer: Adam\nmomentum: 0.9\ninitial: 1\ngradients: 1\n```\n",
      "s.md:3", "Adam has no hyperparameter 'momentum'"
    ),
    (
      "## Q?\n```numeric\noptimizer: SGD\ninitial: 1, x\ngradients: 1\n```\n", "s.md:4",
      "invalid number 'x'"
    ),
  ])
  func errorsNameLineAndFix(_ text: String, _ location: String, _ message: String) {
    do {
      _ = try DeckParser.parse(text, defaultDeckID: "d", file: "s.md")
      Issue.record("expected an error")
    } catch {
      #expect(error.location == location)
      #expect(error.message.contains(message), "\(error.message)")
    }
  }

  @Test func loaderReadsFolderOfBothFormats() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("drill-decks-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("more"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.deck.write(
      to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
    try NotesParsingTests.basic.write(
      to: folder.appendingPathComponent("more/b.md"), atomically: true, encoding: .utf8)
    try "not a deck".write(
      to: folder.appendingPathComponent("more/readme.txt"), atomically: true, encoding: .utf8)

    let decks = try DeckLoader.load(path: folder.path)
    #expect(decks.map(\.id) == ["sample", "b"])
    #expect(decks.map(\.questions.count) == [2, 3])
  }

  @Test func loaderRejectsRepeatedDeckID() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("drill-repeat-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["one.md", "two.md"] {
      try Self.deck.write(
        to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    do {
      _ = try DeckLoader.load(path: folder.path)
      Issue.record("expected an error")
    } catch {
      #expect(error.location.hasSuffix("two.md"))
      #expect(error.message.contains("deck id 'sample' is also used by"))
    }
  }

  @Test func loaderRejectsFileWithoutQuestions() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("drill-empty-\(UUID().uuidString).md")
    try "# Just notes\n\nNo questions here.\n".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(throws: DeckError.self) { try DeckLoader.load(path: file.path) }
  }
}
