import Foundation
import Store
import Testing

@testable import Drill
@testable import OptimlingsCLI

/// A console fed from a script of input lines, recording what the command writes.
final class ScriptedConsole: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String]
  private var output = ""
  private var errors = ""

  private let width: Int

  init(input: [String], width: Int = 100) {
    lines = input
    self.width = width
  }

  var console: Console {
    Console(
      width: width, usesColor: false, isTTY: false, isUTF8: true,
      write: { text in self.locked { self.output += text } },
      writeError: { text in self.locked { self.errors += text } },
      readLine: { self.locked { self.lines.isEmpty ? nil : self.lines.removeFirst() } })
  }

  var text: String { locked { output } }
  var errorText: String { locked { errors } }
  var remainingInput: [String] { locked { lines } }

  private func locked<T>(_ body: () -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body()
  }
}

/// A clock that moves only when told, so answer times and due dates are exact.
final class ManualClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date
  /// Seconds added after every reading, to simulate time spent answering.
  let tick: TimeInterval

  init(_ start: Date, tick: TimeInterval = 0) {
    current = start
    self.tick = tick
  }

  func now() -> Date {
    lock.lock()
    defer { lock.unlock() }
    let value = current
    current += tick
    return value
  }

  func advance(days: Double) {
    lock.lock()
    current += days * 86_400
    lock.unlock()
  }
}

@Suite struct DrillCommandTests {
  static let deck = """
    ---
    deck: mini
    ---

    # Basics

    ## Why does Adam correct the bias of its moments?
    id: bias

    ### Key points
    - **Moments start at zero**: initialized to zero
    - **Early estimates are biased toward zero**: biased toward zero

    ### Model answer
    Both averages start at zero, so early estimates are too small until divided by 1 − βᵗ.

    ## What does gradient clipping protect against?
    id: clipping
    topic: Debugging

    ### Key points
    - **Exploding gradients**: exploding gradients; gradient spikes

    ### Model answer
    Rare huge gradients that would wreck the weights in one step.

    ## Adam with lr = 0.01 sees a first gradient of −3. What is θ₁ − θ₀?
    id: first-step
    topic: Numbers

    ```numeric
    optimizer: Adam
    lr: 0.01
    initial: 1
    gradients: -3
    ```

    ### Model answer
    About lr against the sign of the gradient.
    """

  let folder: URL
  let deckPath: String

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("drill-command-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    deckPath = folder.appendingPathComponent("mini.md").path
    try Self.deck.write(toFile: deckPath, atomically: true, encoding: .utf8)
  }

  private func run(
    _ words: [String], input: [String], clock: ManualClock, data: String? = nil,
    seed: UInt64 = 1, width: Int = 100
  ) -> (status: OptimlingsCLI.ExitStatus, console: ScriptedConsole) {
    let scripted = ScriptedConsole(input: input, width: width)
    let spec = DrillCommand.makeSpec(
      DrillCommand.Dependencies(now: { clock.now() }, mockSeed: { seed }))
    let table = CommandTable(commands: [spec])
    let dataFolder = data ?? folder.appendingPathComponent("data").path
    let context = CommandContext(
      console: scripted.console, globals: GlobalOptions(dataDirectory: dataFolder))
    let status = Workbook.run(words, context: context, table: table)
    return (status, scripted)
  }

  @Test func pipedDrillGivesFeedbackAndSchedules() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let clock = ManualClock(Date(timeIntervalSince1970: 1_700_000_000))
    let input = [
      "The moments are initialised to zero,", "so they start biased.", "", "good",
      "It does not protect against exploding gradients.", "", "1",
      "θ₁ − θ₀ = 0.01", "", "",
    ]
    let (status, console) = run(["drill", "--deck", deckPath], input: input, clock: clock)

    #expect(status == .success, "\(console.errorText)")
    let text = console.text
    #expect(text.contains("Drill: 3 questions (0 due, 3 new)."))
    #expect(text.contains("Covered 1 of 2 key points (50%)."))
    #expect(text.contains("✓ Moments start at zero"))
    #expect(text.contains("✗ Early estimates are biased toward zero"))
    #expect(text.contains("✗ Exploding gradients (your answer says the opposite)"))
    #expect(text.contains("✓ Correct: θ₁ − θ₀ = 0.009999999967 (you gave 0.01)"))
    #expect(text.contains("Model answer:\n  Both averages start at zero"))
    #expect(text.contains("Rated good. Next review in 3 days"))
    #expect(text.contains("Rated again. Next review in 1 day"))
    // The empty rating line takes the suggestion, good for a correct number.
    // The prompt is wrapped to the console width, so it may break inside the brackets.
    #expect(text.replacingOccurrences(of: "\n", with: " ").contains("[Enter = 3 good]"))
    #expect(text.contains("Reviewed 3 of 3: 1 again, 0 hard, 2 good, 0 easy."))
    #expect(console.remainingInput.isEmpty)
  }

  @Test func schedulesSurviveRestart() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let clock = ManualClock(Date(timeIntervalSince1970: 1_700_000_000))
    let first = run(
      ["drill", "--deck", deckPath, "--count", "2"],
      input: ["zero", "", "again", "clipping", "", "easy"], clock: clock)
    #expect(first.status == .success, "\(first.console.errorText)")

    // A new process: nothing but the SQLite file carries over.
    let store = try ProgressStore(folder: folder.appendingPathComponent("data").path)
    let drillStore = DrillStore(store: store)
    let cards = try drillStore.cards()
    #expect(cards.map(\.card) == ["mini/bias", "mini/clipping"])
    #expect(cards.map(\.scheduledDays) == [1, 16])
    let reviews = try drillStore.reviews()
    #expect(reviews.map(\.rating) == [1, 4])

    // Next day: the card rated again is due and comes before the new numeric card; the
    // easy card is not due.
    clock.advance(days: 1)
    let second = run(
      ["drill", "--deck", deckPath], input: ["", "", "", "", "", ""], clock: clock)
    #expect(second.status == .success, "\(second.console.errorText)")
    #expect(second.console.text.contains("Drill: 2 questions (1 due, 1 new)."))
    let order = ["[1/2] Basics", "[2/2] Numbers"].map {
      second.console.text.range(of: $0)?.lowerBound
    }
    let dueCard = try #require(order[0], "the due card was not shown")
    let newCard = try #require(order[1], "the new card was not shown")
    #expect(dueCard < newCard, "the due card comes before the new one")
    #expect(try drillStore.reviews().count == 4)
  }

  @Test func statsReportsCounts() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let clock = ManualClock(Date(timeIntervalSince1970: 1_700_000_000))
    _ = run(
      ["drill", "--deck", deckPath, "--count", "1"],
      input: ["the moments are initialized to zero", "", "3"], clock: clock)
    let (status, console) = run(
      ["drill", "stats", "--deck", deckPath, "--json"], input: [], clock: clock)
    #expect(status == .success)
    let stats = try JSONDecoder.iso8601.decode(DrillStats.self, from: Data(console.text.utf8))
    #expect(stats.cards == 3)
    #expect(stats.new == 2)
    #expect(stats.reviewed == 1)
    #expect(stats.totalReviews == 1)
    #expect(stats.topics.first?.averageLastScore == 0.5)
  }

  @Test func mockInterviewTimesAnswersAndRanksTopics() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    // Each clock reading advances 50 s: shown, answered, so 50 s per answer.
    let clock = ManualClock(Date(timeIntervalSince1970: 1_700_000_000), tick: 50)
    let input = ["exploding gradients", "", "biased toward zero", "", "I don't know", ""]
    let (status, console) = run(
      ["drill", "--deck", deckPath, "--mock", "3", "--json"], input: input, clock: clock)

    #expect(status == .success, "\(console.errorText)")
    #expect(console.errorText.contains("time budget 2:00"))
    #expect(console.errorText.contains("Time: 0:50 of 2:00."))
    #expect(console.errorText.contains("Weakest topics:"))
    let summary = try JSONSerialization.jsonObject(with: Data(console.text.utf8)) as? [String: Any]
    #expect(summary?["mode"] as? String == "mock")
    let questions = summary?["questions"] as? [[String: Any]] ?? []
    #expect(questions.count == 3)
    #expect(questions.allSatisfy { $0["answerSeconds"] as? Double == 50 })
    let weakest = summary?["weakestTopics"] as? [[String: Any]] ?? []
    #expect(weakest.count == 3)
    #expect(
      (weakest.first?["averageScore"] as? Double ?? 1)
        <= (weakest.last?["averageScore"] as? Double ?? 0))
    // A mock interview leaves schedules alone.
    let store = try ProgressStore(folder: folder.appendingPathComponent("data").path)
    #expect(try DrillStore(store: store).cards().isEmpty)
  }

  @Test func mockInterviewFitsEightyColumns() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let clock = ManualClock(Date(timeIntervalSince1970: 1_700_000_000), tick: 50)
    let input = ["exploding gradients", "", "biased toward zero", "", "I don't know", ""]
    let (status, console) = run(
      ["drill", "--deck", deckPath, "--mock", "3"], input: input, clock: clock, width: 80)

    #expect(status == .success, "\(console.errorText)")
    #expect(console.text.contains("Mock interview summary"))
    for line in console.text.split(separator: "\n") where line.count > 80 {
      Issue.record("\(line.count) columns: \(line)")
    }
  }

  @Test func listPrintsOneQuestionPerLine() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let clock = ManualClock(Date(timeIntervalSince1970: 0))
    let (status, console) = run(["drill", "--deck", deckPath, "--list"], input: [], clock: clock)
    #expect(status == .success)
    let lines = console.text.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0] == "mini/bias\tBasics\tWhy does Adam correct the bias of its moments?")

    let builtIn = run(["drill", "--list"], input: [], clock: clock)
    #expect(builtIn.console.text.split(separator: "\n").count >= 40)
  }

  @Test func badInputGetsClearErrors() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let clock = ManualClock(Date(timeIntervalSince1970: 0))
    let count = run(["drill", "--count", "zero"], input: [], clock: clock)
    #expect(count.status == .usage)
    #expect(count.console.errorText.contains("invalid --count 'zero'"))

    let missing = run(["drill", "--deck", "/nonexistent/deck.md"], input: [], clock: clock)
    #expect(missing.status == .failure)
    #expect(missing.console.errorText.contains("deck not found"))

    let extra = run(["drill", "statz"], input: [], clock: clock)
    #expect(extra.status == .usage)

    let rating = run(
      ["drill", "--deck", deckPath, "--count", "1"], input: ["zero", "", "great", "2"],
      clock: clock)
    #expect(rating.status == .success)
    #expect(rating.console.text.contains("'great' is not a rating"))
    #expect(rating.console.text.contains("Rated hard."))
  }
}

extension JSONDecoder {
  static var iso8601: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }
}
