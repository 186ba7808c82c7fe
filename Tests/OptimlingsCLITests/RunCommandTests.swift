import Foundation
import Testing

@testable import OptimlingsCLI

@Suite struct RunCommandTests {
  static let lesson = """
    ---
    id: notes
    title: Notes
    ---
    # Notes

    ```experiment
    objective: quadratic
    steps: 20
    compare: SGD lr=0.1; Adam lr=0.1
    ```

    ## Paths

    ```experiment
    objective: rosenbrock
    steps: 2000
    compare: SGD lr=0.001 momentum=0.9
    plot: trajectory
    ```

    ## Broken

    ```experiment
    objective: quadratic
    compare: Adam beta1=0.9
    ```
    """

  /// A folder with `lessons/notes.md` and an empty data folder, removed when the test ends.
  final class Fixture {
    let root: URL
    var lessons: String { root.appendingPathComponent("lessons").path }
    var data: String { root.appendingPathComponent("data").path }

    init() throws {
      root = FileManager.default.temporaryDirectory
        .appendingPathComponent("run-command-\(UUID().uuidString)")
      try FileManager.default.createDirectory(
        atPath: root.appendingPathComponent("lessons").path, withIntermediateDirectories: true)
      try RunCommandTests.lesson.write(
        toFile: root.appendingPathComponent("lessons/notes.md").path, atomically: true,
        encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Runs `words` and returns the status, standard output and standard error.
    func run(
      _ words: [String], session: Session = Session(), isInteractive: Bool = false,
      cancelled: Bool = false
    ) -> (OptimlingsCLI.ExitStatus, String, String) {
      let output = LockedText()
      let errors = LockedText()
      let console = Console(
        width: 70, height: nil, usesColor: false, isTTY: false, isUTF8: true,
        write: { output.append($0) }, writeError: { errors.append($0) }, readLine: { nil })
      let context = CommandContext(
        console: console, environment: [:], isInteractive: isInteractive, session: session)
      if cancelled { context.cancellation.cancel() }
      let status = Workbook.run(words + ["--data", data], context: context)
      return (status, output.text, errors.text)
    }
  }

  @Test func untrustedLessonsFolderRunsNothing() throws {
    let fixture = try Fixture()
    let (status, output, errors) = fixture.run(["run", "--lessons", fixture.lessons, "notes"])
    #expect(status == .failure)
    #expect(!output.contains("cell 1"))
    #expect(errors.contains("add --trust to run them"))
    #expect(!FileManager.default.fileExists(atPath: fixture.data + "/cache/cells"))
  }

  @Test func untrustedPathRunsNothing() throws {
    let fixture = try Fixture()
    let (status, output, errors) = fixture.run(["run", fixture.lessons + "/notes.md", "1"])
    #expect(status == .failure)
    #expect(output.isEmpty)
    #expect(errors.contains("outside Optimlings' lessons folder"))
  }

  @Test func trustedCellRunsAndCaches() throws {
    let fixture = try Fixture()
    let words = ["run", "--lessons", fixture.lessons, "--trust", "notes", "1"]
    let (status, output, errors) = fixture.run(words)
    #expect(status == .success, "\(errors)")
    #expect(output.contains("── cell 1 of notes · experiment · step 1, line 7"))
    #expect(output.contains("loss (log scale)"))
    #expect(output.contains("* SGD lr=0.1  final loss"))
    #expect(output.contains("final loss"))
    #expect(output.contains("final θ"))
    #expect(!output.contains("cached result"))
    #expect(!output.contains("\u{1B}["))

    let cached = try FileManager.default.contentsOfDirectory(atPath: fixture.data + "/cache/cells")
    #expect(cached.count == 1)
    let (_, second, _) = fixture.run(words)
    #expect(second.contains("(cached result; add --fresh to run it again)"))
    let (_, fresh, _) = fixture.run(words + ["--fresh"])
    #expect(!fresh.contains("cached result"))
  }

  @Test func svgFileWritten() throws {
    let fixture = try Fixture()
    let svg = fixture.root.appendingPathComponent("paths.svg").path
    let (status, output, _) = fixture.run([
      "run", "--lessons", fixture.lessons, "--trust", "notes", "2", "--svg", svg,
    ])
    #expect(status == .success)
    #expect(output.contains("Wrote \(svg)"))
    let text = try String(contentsOfFile: svg, encoding: .utf8)
    #expect(text.hasPrefix("<?xml"))
    #expect(text.contains("SGD lr=0.001 momentum=0.9"))
  }

  @Test func brokenCellNamesLine() throws {
    let fixture = try Fixture()
    let (status, _, errors) = fixture.run([
      "run", "--lessons", fixture.lessons, "--trust", "notes", "3",
    ])
    #expect(status == .failure)
    #expect(errors.contains("line 26, 'compare'"))
    #expect(errors.contains("Adam has no hyperparameter 'beta1'"))
  }

  @Test func cellNumberOutOfRangeRejected() throws {
    let fixture = try Fixture()
    let (status, _, errors) = fixture.run([
      "run", "--lessons", fixture.lessons, "--trust", "notes", "4",
    ])
    #expect(status == .usage)
    #expect(errors.contains("invalid cell '4': lesson 'notes' has cells 1 to 3"))
  }

  @Test func singleCellLessonNamesOnlyCell() throws {
    let fixture = try Fixture()
    let single = """
      ---
      id: single
      title: Single
      ---
      # Single

      ```experiment
      objective: quadratic
      steps: 5
      compare: SGD lr=0.1
      ```
      """
    try single.write(toFile: fixture.lessons + "/single.md", atomically: true, encoding: .utf8)
    let (status, _, errors) = fixture.run([
      "run", "--lessons", fixture.lessons, "--trust", "single", "2",
    ])
    #expect(status == .usage)
    #expect(errors.contains("invalid cell '2': lesson 'single' has only cell 1"))
  }

  @Test func replRunsCellsOfCurrentStep() throws {
    let fixture = try Fixture()
    let (status, output, _) = fixture.run(
      ["run", "--lessons", fixture.lessons, "--trust"],
      session: Session(lessonID: "notes", step: 2), isInteractive: true)
    #expect(status == .success)
    #expect(output.contains("cell 2 of notes"))
    #expect(!output.contains("cell 1 of notes"))
  }

  @Test func stepWithoutCellsSaysWhere() throws {
    let fixture = try Fixture()
    let lessonText =
      "# Plain\n\nNo cells.\n\n## Two\n\n```experiment\nobjective: beale\ncompare: Adam\n```\n"
    try lessonText.write(toFile: fixture.lessons + "/plain.md", atomically: true, encoding: .utf8)
    let (status, _, errors) = fixture.run(
      ["run", "--lessons", fixture.lessons, "--trust"],
      session: Session(lessonID: "plain", step: 1), isInteractive: true)
    #expect(status == .failure)
    #expect(errors.contains("step 1 of 'plain' has no runnable cell; cells are at step 2"))
  }

  @Test func runWithoutLessonExplainsUsage() throws {
    let fixture = try Fixture()
    let (status, _, errors) = fixture.run(["run"])
    #expect(status == .usage)
    #expect(errors.contains("no lesson is open"))
  }

  @Test func cancelledCellCachesNothing() throws {
    let fixture = try Fixture()
    let (status, _, errors) = fixture.run(
      ["run", "--lessons", fixture.lessons, "--trust", "notes", "2"], cancelled: true)
    #expect(status == .failure)
    #expect(errors.contains("cell 2 cancelled"))
    let cached =
      (try? FileManager.default.contentsOfDirectory(atPath: fixture.data + "/cache/cells")) ?? []
    #expect(cached.isEmpty)
  }
}
