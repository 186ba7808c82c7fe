import Testing

@testable import Drill

@Suite struct MatcherTests {
  private func outcome(_ answer: String, _ point: KeyPoint) -> PointOutcome {
    KeyPointMatcher.outcome(of: point, in: TextAnalysis.tokens(answer))
  }

  @Test func stemmerReducesInflections() {
    #expect(Stemmer.stem("decays") == Stemmer.stem("decay"))
    #expect(Stemmer.stem("decayed") == Stemmer.stem("decay"))
    #expect(Stemmer.stem("corrections") == Stemmer.stem("correction"))
    #expect(Stemmer.stem("converging") == Stemmer.stem("converge"))
    #expect(Stemmer.stem("generalization") == Stemmer.stem("generalize"))
    // Reference outputs of Porter's published algorithm.
    #expect(Stemmer.stem("caresses") == "caress")
    #expect(Stemmer.stem("ponies") == "poni")
    #expect(Stemmer.stem("relational") == "relat")
    #expect(Stemmer.stem("hopping") == "hop")
    #expect(Stemmer.stem("filing") == "file")
    #expect(Stemmer.stem("adjustment") == "adjust")
  }

  @Test func inflectionCounts() {
    let point = KeyPoint(summary: "the learning rate decays")
    #expect(outcome("we decay the learning rate over training", point) == .covered)
    #expect(outcome("the learning rate is decayed", point) == .covered)
  }

  @Test func wordOrderDoesNotMatter() {
    let point = KeyPoint(summary: "save the optimizer state")
    #expect(outcome("The optimizer state must be saved in the checkpoint.", point) == .covered)
    #expect(outcome("state of the optimizer: save it", point) == .covered)
  }

  @Test func wordsMustShareOneSentence() {
    let point = KeyPoint(summary: "save the optimizer state")
    #expect(
      outcome("Save the weights. The state is small. The optimizer is Adam.", point) == .missing)
  }

  @Test func builtInSynonymsMatch() {
    let point = KeyPoint(summary: "learning rate too large")
    #expect(outcome("the step size is too high", point) == .covered)
    #expect(outcome("lr is too big", point) == .covered)
    #expect(outcome("η too large", point) == .covered)
  }

  @Test func keyPointPhrasingsMatch() {
    let point = KeyPoint(
      summary: "moments start at zero", phrasings: ["initialized to zero", "zero initialization"])
    #expect(outcome("m and v are initialised to 0 at the start", point) == .covered)
    #expect(outcome("the EMAs begin at 0", point) == .missing)
  }

  @Test func negationIsNotCoverage() {
    let point = KeyPoint(summary: "needs bias correction")
    #expect(outcome("Adam does not need bias correction", point) == .contradicted)
    #expect(outcome("Adam doesn't need bias correction", point) == .contradicted)
    #expect(
      outcome("you can train without bias correction", KeyPoint(summary: "bias correction"))
        == .contradicted)
    #expect(outcome("Adam needs bias correction", point) == .covered)
  }

  @Test func insteadOfNegatesNextWord() {
    let point = KeyPoint(summary: "weight decay is not added to the gradient")
    #expect(
      outcome("AdamW shrinks the weights instead of adding the decay to the gradient", point)
        == .covered)
    #expect(outcome("the weight decay is added to the gradient", point) == .contradicted)
  }

  @Test func negationStopsAtClauseBoundary() {
    let point = KeyPoint(summary: "needs bias correction")
    #expect(
      outcome("It does not need much tuning, but it needs bias correction", point) == .covered)
    #expect(outcome("It is not SGD. It needs bias correction", point) == .covered)
  }

  @Test func negatedPhrasingWantsNegatedAnswer() {
    let point = KeyPoint(summary: "SGD keeps no per-parameter state")
    #expect(outcome("plain SGD keeps no state for each parameter", point) == .covered)
    #expect(outcome("SGD keeps per-parameter state", point) == .contradicted)
  }

  @Test func proseKeyPointNeedsHalfItsWords() {
    let point = KeyPoint(
      summary: "Adam stores two moment estimates for every parameter", requiredFraction: 0.5)
    #expect(outcome("it keeps two moments per parameter", point) == .covered)
    #expect(outcome("it is fast", point) == .missing)
  }

  @Test func assessmentListsCoveredAndMissed() {
    let question = Question(
      id: "q", prompt: "Why bias correction?", topic: "Adam",
      keyPoints: [
        KeyPoint(summary: "moments start at zero"),
        KeyPoint(summary: "early estimates are biased toward zero"),
        KeyPoint(summary: "divide by one minus beta to the t", phrasings: ["1 - beta^t"]),
      ], modelAnswer: "…")
    let assessment = KeyPointMatcher.assess(
      "Because the moments start at zero, the early estimates are biased towards zero.",
      for: question)
    #expect(
      assessment.covered.map(\.summary) == [
        "moments start at zero", "early estimates are biased toward zero",
      ])
    #expect(assessment.missed.map(\.summary) == ["divide by one minus beta to the t"])
    #expect(assessment.suggestedRating == .hard)
  }

  @Test func britishSpellingMatches() {
    let point = KeyPoint(summary: "optimizer state is synchronized")
    #expect(outcome("the optimiser state is synchronised", point) == .covered)
  }

  @Test func greekAndSubscriptsSpellOut() {
    let point = KeyPoint(summary: "beta1 controls the first moment")
    #expect(outcome("β₁ controls the first moment", point) == .covered)
    #expect(outcome("beta 1 controls the first moment", point) == .covered)
  }
}
