import Drill
import Foundation

/// `drill`: interview questions with feedback on free-form answers and spaced repetition.
enum DrillCommand {
  static let spec: CommandSpec = makeSpec()

  /// The clock, store and random seed the command uses, replaceable in tests.
  struct Dependencies: Sendable {
    /// The current time, read when a question is shown, answered and rated.
    var now: @Sendable () -> Date = { Date() }
    /// Opens the schedule and review log; the progress database by default.
    var openStore: @Sendable (CommandContext) throws -> any ReviewStore = {
      try SQLiteReviewStore.open(context: $0)
    }
    /// Seeds the order of mock interview questions.
    var mockSeed: @Sendable () -> UInt64 = { UInt64.random(in: 0...UInt64.max) }
  }

  static func makeSpec(_ dependencies: Dependencies = Dependencies()) -> CommandSpec {
    CommandSpec(
      name: "drill",
      summary: "Practice interview questions: answer, get feedback, rate your recall.",
      usage:
        "[stats] [--count N] [--mock N] [--deck PATH] [--list] [--json]",
      flags: ["--list", "--json"], valueOptions: ["--count", "--mock", "--deck"],
      completion: .words(["stats"])
    ) { arguments, context in
      try run(arguments, context: context, dependencies: dependencies)
    }
  }

  static let defaultCount = 10

  static func run(_ arguments: ParsedArguments, context: CommandContext, dependencies: Dependencies)
    throws -> ExitStatus
  {
    let options = try Options(arguments)
    let decks = try loadDecks(options.deckPath)
    let cards = DrillPlanner.cards(from: decks)

    if options.list {
      return list(cards, json: options.json, console: context.console)
    }

    let store = try dependencies.openStore(context)
    if options.stats {
      return try DrillStatsReport.print(
        cards: cards, store: store, now: dependencies.now(), json: options.json,
        console: context.console)
    }

    let session = DrillSession(
      console: context.console, json: options.json, store: store, now: dependencies.now,
      cancellation: context.cancellation)
    if let mockCount = options.mockCount {
      var generator = SeededGenerator(seed: dependencies.mockSeed())
      let selection = DrillPlanner.mockSelection(cards, count: mockCount, using: &generator)
      return try session.runMock(selection)
    }
    let schedules = try store.schedules()
    let queue = DrillPlanner.reviewQueue(
      cards, schedules: schedules, now: dependencies.now(), limit: options.count)
    return try session.runReview(queue, schedules: schedules)
  }

  struct Options {
    var stats = false
    var list = false
    var json = false
    var count = DrillCommand.defaultCount
    var mockCount: Int?
    var deckPath: String?

    init(_ arguments: ParsedArguments) throws {
      for word in arguments.positionals {
        guard word == "stats", !stats else {
          throw CommandError.usage(
            "unexpected argument '\(word)'; `drill` takes the subcommand `stats` or options only")
        }
        stats = true
      }
      list = arguments.has("--list")
      json = arguments.has("--json")
      deckPath = arguments.value("--deck")
      if let text = arguments.value("--count") {
        count = try Self.positive(text, option: "--count")
      }
      if let text = arguments.value("--mock") {
        mockCount = try Self.positive(text, option: "--mock")
      }
      if mockCount != nil && arguments.value("--count") != nil {
        throw CommandError.usage("--mock N sets the number of questions; leave out --count")
      }
      if list && (stats || mockCount != nil) {
        throw CommandError.usage(
          "--list prints the questions and exits; use it without stats or --mock")
      }
      if stats && (mockCount != nil || arguments.value("--count") != nil) {
        throw CommandError.usage("`drill stats` takes only --deck and --json")
      }
    }

    static func positive(_ text: String, option: String) throws -> Int {
      guard let value = Int(text), value >= 1 else {
        throw CommandError.usage("invalid \(option) '\(text)'; give a whole number of 1 or more")
      }
      return value
    }
  }

  static func loadDecks(_ path: String?) throws -> [Deck] {
    do {
      if let path { return try DeckLoader.load(path: path) }
      return [try DeckLoader.builtIn()]
    } catch {
      throw CommandError(.failure, "cannot load the deck: \(error)")
    }
  }

  static func list(_ cards: [DrillCard], json: Bool, console: Console) -> ExitStatus {
    if json {
      let entries = cards.map {
        ListedQuestion(
          id: $0.id, topic: $0.question.topic, difficulty: $0.question.difficulty.rawValue,
          prompt: $0.question.prompt, isNumeric: $0.question.numeric != nil)
      }
      console.print(DrillJSON.encode(entries))
      return .success
    }
    for card in cards {
      let firstLine = card.question.prompt.split(separator: "\n").first.map(String.init) ?? ""
      console.print("\(card.id)\t\(card.question.topic)\t\(firstLine)")
    }
    return .success
  }

  struct ListedQuestion: Encodable {
    var id: String
    var topic: String
    var difficulty: String
    var prompt: String
    var isNumeric: Bool
  }
}

enum DrillJSON {
  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}
