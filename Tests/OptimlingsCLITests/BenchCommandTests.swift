import Exercises
import Foundation
import Testing

@testable import OptimlingsCLI

/// `bench` end to end with a real swiftc, at a small size; no timing is checked.
@Suite(.serialized) struct BenchCommandTests {
  /// The exercise's reference AdamW, a correct learner file in the template's shape.
  static var learnerAdamW: String {
    get throws { try ExerciseCatalog.exercise(id: "adamw")!.source(.solution) }
  }

  struct Run {
    var status: OptimlingsCLI.ExitStatus
    var output: String
    var errors: String
  }

  func bench(_ words: [String], data: URL? = nil) -> Run {
    let output = LockedText()
    let errors = LockedText()
    let console = Console(
      width: 400, usesColor: false, isTTY: false, write: { output.append($0) },
      writeError: { errors.append($0) }, readLine: { nil })
    let context = CommandContext(
      console: console, globals: GlobalOptions(dataDirectory: data?.path),
      environment: ProcessInfo.processInfo.environment)
    let status = Workbook.run(["bench"] + words, context: context)
    return Run(status: status, output: output.text, errors: errors.text)
  }

  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "bench-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func smallSizeReportIsWellFormed() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "adamw.swift")
    try Self.learnerAdamW.write(to: file, atomically: true, encoding: .utf8)

    let run = bench([
      "adamw", "--file", file.path, "--size", "5000", "--repeats", "2", "--threads", "2",
    ])

    #expect(run.status == .success, "errors: \(run.errors)")
    let lines = run.output.split(separator: "\n").map(String.init)
    let header = lines.first { $0.contains("ms/step") }
    #expect(header?.contains("steps/s") == true)
    #expect(header?.contains("GB/s") == true)
    let rows = lines.filter { $0.hasPrefix("    5,000 │") || $0.hasPrefix("     5,000 │") }
    #expect(rows.count == 4, "one learner row, two reference rows, one limit row")
    let learnerRow = rows.first { $0.contains("your AdamW (float64)") }
    #expect(learnerRow?.contains("│       1 │") == true, "the learner's step runs on one thread")
    #expect(rows.filter { $0.contains("reference (Float32)") }.count == 2)
    #expect(rows.contains { $0.contains("bandwidth limit") })
    for row in rows {
      let cells = row.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
      #expect(cells.count == 6)
      for number in cells.suffix(3) {
        #expect(Double(number) != nil, "not a number: '\(number)' in \(row)")
      }
    }
    #expect(run.output.contains("At 5,000 parameters your step takes"))
    #expect(run.output.contains("Optimizer state for 5,000 float64 parameters"))
    #expect(run.output.contains("Adam keeps two values per parameter"))
  }

  @Test func unfinishedStepReported() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "adam.swift")
    let template = """
      import ExerciseSupport

      struct Adam {
        init(parameterCount: Int) {}
        mutating func step(parameters: inout [Double], gradients: [Double]) {
          notImplemented()
        }
      }

      """
    try template.write(to: file, atomically: true, encoding: .utf8)

    let run = bench(["adam", "--file", file.path, "--size", "100"])

    #expect(run.status == .failure)
    #expect(run.errors.contains("your Adam step is not implemented yet"))
  }

  @Test func unknownExerciseRejected() {
    let run = bench(["momentum", "--file", "/nonexistent.swift"])
    #expect(run.status == .usage)
    #expect(run.errors.contains("bench times adam or adamw, not 'momentum'"))
  }

  @Test func invalidSizeRejected() {
    let run = bench(["adamw", "--size", "0"])
    #expect(run.status == .usage)
    #expect(run.errors.contains("invalid --size '0'"))
  }

  @Test func freshWorkspaceTemplateNotImplemented() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = bench(["adam", "--size", "100"], data: folder)

    #expect(run.status == .failure)
    #expect(run.errors.contains("your Adam step is not implemented yet"))
    #expect(
      FileManager.default.fileExists(
        atPath: folder.appending(path: "workspace/Sources/adam/adam.swift").path))
  }

  @Test func missingFileNamed() {
    let run = bench(["adamw", "--file", "/nonexistent/adamw.swift", "--size", "100"])
    #expect(run.status == .failure)
    #expect(run.errors.contains("no file at /nonexistent/adamw.swift"))
  }

  @Test func compileErrorReported() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "adamw.swift")
    try "struct AdamW { init(parameterCount: Int) {} }\n".write(
      to: file, atomically: true, encoding: .utf8)

    let run = bench(["adamw", "--file", file.path, "--size", "100"])

    #expect(run.status == .failure)
    #expect(run.errors.contains("your AdamW did not compile"))
    #expect(run.errors.contains("step"))
  }
}
