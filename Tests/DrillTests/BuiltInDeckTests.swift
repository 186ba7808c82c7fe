import Testing

@testable import Drill

@Suite struct BuiltInDeckTests {
  @Test func loadsWithEnoughQuestions() throws {
    let deck = try DeckLoader.builtIn()
    #expect(deck.id == "interview")
    #expect(deck.questions.count >= 40)
    #expect(
      Set(deck.topics).isSuperset(of: [
        "Adam in practice", "Fundamentals", "Large-scale training", "Debugging and tuning",
        "Variants", "Numbers",
      ]))
    #expect(deck.questions.filter { $0.numeric != nil }.count >= 6)
  }

  /// A model answer that fails its own key points means the phrasings are too strict to be
  /// fair to a learner who says the same thing.
  @Test func modelAnswersCoverTheirKeyPoints() throws {
    let deck = try DeckLoader.builtIn()
    for question in deck.questions where question.numeric == nil {
      let assessment = KeyPointMatcher.assess(question.modelAnswer, for: question)
      #expect(
        assessment.missed.isEmpty,
        "\(question.id) misses \(assessment.missed.map(\.summary))")
    }
  }

  @Test func numericAnswersComeFromReferenceOptimizers() throws {
    let deck = try DeckLoader.builtIn()
    let byID = Dictionary(uniqueKeysWithValues: deck.questions.map { ($0.id, $0) })
    // Hand-computed values, stated in each question's model answer.
    let expected: [String: Double] = [
      "sgd-momentum-two-steps": -0.29, "adam-raw-first-moment": 0.2,
      "adam-v-hat-two-steps": 0.001009 / (1 - 0.999 * 0.999), "adagrad-sum": 25,
      "adamw-decay-only": 0.99, "amsgrad-v-max": 0.001,
    ]
    for (id, value) in expected {
      let spec = try #require(byID[id]?.numeric, "\(id)")
      let computed = try spec.expectedValues()
      #expect(computed.count == 1)
      #expect(abs(computed[0] - value) < 1e-12, "\(id): \(computed[0]) vs \(value)")
    }
    let rmsprop = try #require(byID["rmsprop-first-step"]?.numeric).expectedValues()[0]
    #expect(abs(rmsprop - -0.01 / (0.1 + 1e-8)) < 1e-15)
  }

  @Test func questionIDsAreUnique() throws {
    let deck = try DeckLoader.builtIn()
    #expect(Set(deck.questions.map(\.id)).count == deck.questions.count)
  }
}
