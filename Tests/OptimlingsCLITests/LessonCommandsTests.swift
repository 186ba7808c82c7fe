import Foundation
import Testing

@testable import OptimlingsCLI

/// `list` and `open` run through `Workbook.run` on a folder of lessons the test writes.
@Suite struct LessonCommandsTests {
  /// Lines the fake terminal returns from `readLine`, in order; nil once used up.
  final class ScriptedInput: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]
    private(set) var reads = 0

    init(_ lines: [String]) { self.lines = lines }

    func next() -> String? {
      lock.lock()
      defer { lock.unlock() }
      reads += 1
      return lines.isEmpty ? nil : lines.removeFirst()
    }
  }

  struct Run {
    var status: OptimlingsCLI.ExitStatus
    var output: String
    var errors: String
    var session: Session
  }

  let folder: String

  init() throws {
    folder = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "optimlings-cli-lessons-\(UUID().uuidString)")
    let files = [
      "02-gradient-descent.md": """
      ---
      id: gradient-descent
      title: Gradient descent
      order: 20
      exercises: [gradient-descent]
      ---
      # Gradient descent

      Move against the gradient.

      ## The update

      $\\theta_{t+1} = \\theta_t - \\eta g_t$

      ## Check yourself

      1. What happens when $\\eta$ is too large?
      2. Why follow the negative gradient?
      """,
      "08-adam.md": """
      ---
      id: adam
      title: Adam
      order: 80
      exercises: [adam, adamw]
      ---
      ## Moments

      Adam tracks m and v.
      """,
      "notes/scratch.md": "just a loose note with no heading\n",
      "notes/broken.md": "\0\0binary",
    ]
    for (name, text) in files {
      let path = (folder as NSString).appendingPathComponent(name)
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
  }

  func run(
    _ words: [String], isTTY: Bool = false, height: Int? = nil, input: ScriptedInput = .init([])
  ) -> Run {
    let output = LockedText()
    let errors = LockedText()
    let console = Console(
      width: 80, height: height, usesColor: false, isTTY: isTTY,
      write: { output.append($0) }, writeError: { errors.append($0) },
      readLine: { input.next() })
    let context = CommandContext(console: console)
    let status = Workbook.run(words + ["--lessons", folder], context: context)
    return Run(
      status: status, output: output.text, errors: errors.text, session: context.session)
  }

  @Test func listShowsStepsAndExercises() {
    let result = run(["list"])

    #expect(result.status == OptimlingsCLI.ExitStatus.success)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("Lesson"))
    #expect(lines[2].hasPrefix("gradient-descent │ Gradient descent │     3 │ gradient-descent"))
    #expect(lines[3].hasPrefix("adam             │ Adam             │     1 │ adam, adamw"))
    #expect(lines[4].hasPrefix("scratch          │ Scratch          │     1 │ -"))
    #expect(result.errors.contains("broken.md: not a text file (contains NUL bytes)"))
  }

  @Test func openPrintsEveryStepWhenPiped() {
    let result = run(["open", "gradient-descent"])

    #expect(result.status == OptimlingsCLI.ExitStatus.success)
    #expect(result.output.contains("── Gradient descent · step 1 of 3 ──"))
    #expect(result.output.contains("── Gradient descent · step 2 of 3: The update ──"))
    #expect(result.output.contains("── Gradient descent · step 3 of 3: Check yourself ──"))
    #expect(result.output.contains("θₜ₊₁ = θₜ - η gₜ"))
    #expect(!result.output.contains("\u{1B}"))
  }

  @Test func openSingleStep() {
    let result = run(["open", "gradient-descent", "--step", "2"])

    #expect(result.status == OptimlingsCLI.ExitStatus.success)
    #expect(result.output.contains("step 2 of 3: The update"))
    #expect(!result.output.contains("Check yourself"))
  }

  @Test func openByPath() {
    let path = (folder as NSString).appendingPathComponent("08-adam.md")
    let result = run(["open", path])
    #expect(result.status == OptimlingsCLI.ExitStatus.success)
    #expect(result.output.contains("Adam tracks m and v."))
  }

  @Test func folderPathPointsToLessonsOption() {
    let notes = (folder as NSString).appendingPathComponent("notes")
    let result = run(["open", notes])

    #expect(result.status == OptimlingsCLI.ExitStatus.usage)
    #expect(result.errors.contains("is a folder, not a lesson"))
    #expect(result.errors.contains("--lessons \(notes) list"))
  }

  @Test func unknownLessonListsIDs() {
    let result = run(["open", "adamm"])

    #expect(result.status == OptimlingsCLI.ExitStatus.usage)
    #expect(result.errors.contains("unknown lesson 'adamm' (did you mean 'adam'?)."))
    #expect(result.errors.contains("gradient-descent, adam, scratch."))
  }

  @Test func stepOutOfRangeListsSteps() {
    let result = run(["open", "gradient-descent", "--step", "9"])

    #expect(result.status == OptimlingsCLI.ExitStatus.usage)
    #expect(result.errors.contains("step 9 is out of range"))
    #expect(result.errors.contains("1 Gradient descent, 2 The update, 3 Check yourself"))
  }

  @Test func invalidStepValue() {
    let result = run(["open", "adam", "--step", "two"])
    #expect(result.status == OptimlingsCLI.ExitStatus.usage)
    #expect(result.errors.contains("invalid --step 'two'"))
  }

  @Test func missingFolderFails() {
    let output = LockedText()
    let errors = LockedText()
    let console = Console(
      width: 60, usesColor: false, isTTY: false, write: { output.append($0) },
      writeError: { errors.append($0) }, readLine: { nil })
    let status = Workbook.run(
      ["list", "--lessons", "/nonexistent/optimlings"], context: CommandContext(console: console))

    #expect(status == OptimlingsCLI.ExitStatus.failure)
    #expect(errors.text.contains("/nonexistent/optimlings: folder not found"))
  }

  @Test func terminalShowsOneStepPaged() throws {
    let long = (1...30).map { "Paragraph \($0) about learning rates." }.joined(separator: "\n\n")
    let path = (folder as NSString).appendingPathComponent("long.md")
    try "# Long\n\n\(long)\n\n## Next\n\nsecond step\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let input = ScriptedInput(["", "q"])

    let result = run(["open", "long"], isTTY: true, height: 10, input: input)

    #expect(result.status == OptimlingsCLI.ExitStatus.success)
    #expect(input.reads == 2)
    #expect(result.output.contains("-- more (Enter), q to stop --"))
    #expect(result.output.contains("Paragraph 5 about"))
    #expect(!result.output.contains("Paragraph 30 about"))
    #expect(!result.output.contains("second step"))
  }

  @Test func terminalStepEndsWithNextHint() {
    let result = run(["open", "gradient-descent"], isTTY: true, height: 50)

    #expect(result.status == OptimlingsCLI.ExitStatus.success)
    #expect(!result.output.contains("-- more"))
    #expect(result.output.contains("Step 1 of 3. Next: `open gradient-descent --step 2`"))
    #expect(result.session.lessonID == "gradient-descent")
    #expect(result.session.step == 1)
  }
}
