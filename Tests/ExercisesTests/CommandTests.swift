import Exercises
import Foundation
import OptimlingsCLI
import Store
import Testing

/// Runs one command line against a fresh data folder and the shared test cache.
final class CommandRun: @unchecked Sendable {
  let data: URL
  private let lock = NSLock()
  private var output = ""
  private var errors = ""
  private var input: [String]
  private let width: Int

  init(input: [String] = [], width: Int = 100) {
    data = TestCache.folder()
    self.input = input
    self.width = width
  }

  func run(_ words: [String], interactive: Bool = false) -> (
    OptimlingsCLI.ExitStatus, String, String
  ) {
    lock.lock()
    output = ""
    errors = ""
    lock.unlock()
    let console = Console(
      width: width, usesColor: false, isTTY: interactive,
      write: { [self] text in lock.withLock { output += text } },
      writeError: { [self] text in lock.withLock { errors += text } },
      readLine: { [self] in lock.withLock { input.isEmpty ? nil : input.removeFirst() } })
    let environment = [
      "XDG_CACHE_HOME": TestCache.directory.appending(path: "xdg-cache").path,
      "HOME": data.path,
    ]
    let context = CommandContext(
      console: console, environment: environment, isInteractive: interactive)
    let status = Workbook.run(words + ["--data", data.path], context: context)
    return lock.withLock { (status, output, errors) }
  }

  func file(_ id: String) -> URL {
    data.appending(path: "workspace/Sources/\(id)/\(id).swift")
  }
}

@Suite("Exercise commands")
struct CommandTests {
  @Test("check --json on the template")
  func checkJSONTemplate() throws {
    let run = CommandRun()
    let (status, output, _) = run.run(["check", "bias-correction", "--json"])
    #expect(status == OptimlingsCLI.ExitStatus.failure)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    #expect(object["exercise"] as? String == "bias-correction")
    #expect(object["passed"] as? Bool == false)
    #expect(object["diagnosis"] is NSNull)
    #expect(object["firstDivergence"] is NSNull)
    #expect((object["message"] as? String)?.contains("not implemented yet") == true)
  }

  @Test("check --json names the diagnosis")
  func checkJSONDiagnosis() throws {
    let run = CommandRun()
    _ = run.run(["reset", "bias-correction"])
    let exercise = try #require(ExerciseCatalog.exercise(id: "bias-correction"))
    let planted = try exercise.source(.solution).replacingOccurrences(
      of: "return average.map { $0 / correction }", with: "return average")
    let file = run.data.appending(path: "mine.swift")
    try planted.write(to: file, atomically: true, encoding: .utf8)
    let (status, output, _) = run.run(["check", "bias-correction", "--file", file.path, "--json"])
    #expect(status == OptimlingsCLI.ExitStatus.failure)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    #expect(object["diagnosis"] as? String == "missing-bias-correction")
    let divergence = try #require(object["firstDivergence"] as? [String: Any])
    #expect(divergence["step"] as? Int == 1)
    #expect(divergence["quantity"] as? String == "m_hat")
    #expect(divergence["expected"] is Double)
    #expect(divergence["actual"] is Double)
  }

  @Test("passing check exits 0 and names the next step")
  func checkPasses() throws {
    let run = CommandRun()
    _ = run.run(["reset", "lr-schedule"])
    let exercise = try #require(ExerciseCatalog.exercise(id: "lr-schedule"))
    try exercise.source(.solution).write(
      to: run.file("lr-schedule"), atomically: true, encoding: .utf8)
    let (status, output, _) = run.run(["check", "lr-schedule"])
    #expect(status == OptimlingsCLI.ExitStatus.success)
    #expect(output.contains("passes"))
    #expect(output.contains("check clipping"))
  }

  @Test("usage errors exit 2")
  func usageErrors() {
    let run = CommandRun()
    #expect(run.run(["check", "adamm"]).0 == OptimlingsCLI.ExitStatus.usage)
    #expect(run.run(["check", "adamm"]).2.contains("did you mean 'adam'"))
    #expect(run.run(["check", "--file", "x.swift"]).0 == OptimlingsCLI.ExitStatus.usage)
    #expect(run.run(["check", "adam", "--all"]).0 == OptimlingsCLI.ExitStatus.usage)
    let missing = run.run(["check", "adam", "--file", "/nonexistent/adam.swift"])
    #expect(missing.0 == OptimlingsCLI.ExitStatus.usage)
    #expect(missing.2.contains("/nonexistent/adam.swift was not found; check the path"))
    #expect(!missing.2.contains("reset"))
    #expect(run.run(["reset"]).0 == OptimlingsCLI.ExitStatus.usage)
  }

  @Test("hints come in order and are counted")
  func hintsInOrder() throws {
    let run = CommandRun()
    let exercise = try #require(ExerciseCatalog.exercise(id: "adam"))
    for (index, hint) in exercise.hints.enumerated() {
      let (status, output, _) = run.run(["hint", "adam"])
      #expect(status == OptimlingsCLI.ExitStatus.success)
      #expect(output.contains("Hint \(index + 1) of \(exercise.hints.count)"))
      #expect(output.replacingOccurrences(of: "\n", with: " ").contains(hint))
    }
    let (_, last, _) = run.run(["hint", "adam"])
    #expect(last.contains("All \(exercise.hints.count) hints"))
    let store = try ProgressStore(folder: run.data.path)
    #expect(try store.hintsUsed(exercise: "adam") == exercise.hints.count)
  }

  @Test("hints wrap to the console width")
  func hintsWrap() {
    let run = CommandRun(width: 80)
    for exercise in ExerciseCatalog.all {
      for _ in 0...exercise.hints.count {
        let (status, output, _) = run.run(["hint", exercise.id])
        #expect(status == OptimlingsCLI.ExitStatus.success)
        for line in output.split(separator: "\n") where line.count > 80 {
          Issue.record("hint \(exercise.id): \(line.count) columns: \(line)")
        }
      }
    }
  }

  @Test("failed check fits the console width")
  func failedCheckWraps() throws {
    let run = CommandRun(width: 80)
    let exercise = try #require(ExerciseCatalog.exercise(id: "bias-correction"))
    let planted = try exercise.source(.solution).replacingOccurrences(
      of: "return average.map { $0 / correction }", with: "return average")
    let file = run.data.appending(path: "mine.swift")
    try planted.write(to: file, atomically: true, encoding: .utf8)
    let (status, output, _) = run.run(["check", "bias-correction", "--file", file.path])
    #expect(status == OptimlingsCLI.ExitStatus.failure)
    #expect(output.contains("Likely mistake"))
    #expect(output.contains("expected m_hat"))
    for line in output.split(separator: "\n") where line.count > 80 {
      Issue.record("\(line.count) columns: \(line)")
    }
  }

  @Test("solution needs a pass or confirmation")
  func solutionGate() throws {
    let refused = CommandRun()
    let (status, _, errors) = refused.run(["solution", "adam"])
    #expect(status == OptimlingsCLI.ExitStatus.failure)
    #expect(errors.contains("--force"))

    let declined = CommandRun(input: ["no"])
    #expect(
      declined.run(["solution", "adam"], interactive: true).0 == OptimlingsCLI.ExitStatus.failure)

    let confirmed = CommandRun(input: ["yes"])
    let (confirmedStatus, output, _) = confirmed.run(["solution", "adam"], interactive: true)
    #expect(confirmedStatus == OptimlingsCLI.ExitStatus.success)
    #expect(output.contains("struct Adam"))

    #expect(
      CommandRun().run(["solution", "adam", "--force"]).0 == OptimlingsCLI.ExitStatus.success)
  }

  @Test("reset keeps a backup and workspace keeps edits")
  func resetKeepsBackup() throws {
    let run = CommandRun()
    _ = run.run(["reset", "adam"])
    let file = run.file("adam")
    let edited = "// my work\n" + (try String(contentsOf: file, encoding: .utf8))
    try edited.write(to: file, atomically: true, encoding: .utf8)

    // A check prepares the workspace again and must not touch the edited file.
    _ = run.run(["check", "adam"])
    #expect(try String(contentsOf: file, encoding: .utf8) == edited)

    let (status, output, _) = run.run(["reset", "adam"])
    #expect(status == OptimlingsCLI.ExitStatus.success)
    #expect(output.contains("saved as"))
    let backups = try FileManager.default.contentsOfDirectory(
      atPath: run.data.appending(path: "workspace/backups").path)
    #expect(backups.count == 1)
    let backup = run.data.appending(path: "workspace/backups/\(backups[0])")
    #expect(try String(contentsOf: backup, encoding: .utf8) == edited)
    let template = try #require(ExerciseCatalog.exercise(id: "adam")).source(.template)
    #expect(try String(contentsOf: file, encoding: .utf8) == template)
  }

  @Test("workspace is a package with every exercise")
  func workspaceLayout() throws {
    let run = CommandRun()
    _ = run.run(["reset", "adam"])
    let manifest = try String(
      contentsOf: run.data.appending(path: "workspace/Package.swift"), encoding: .utf8)
    for id in ExerciseCatalog.ids {
      #expect(manifest.contains("\"\(id)\""))
      #expect(FileManager.default.fileExists(atPath: run.file(id).path))
    }
    #expect(
      FileManager.default.fileExists(
        atPath: run.data.appending(path: "workspace/Sources/ExerciseSupport/Trajectory.swift").path)
    )
  }
}
