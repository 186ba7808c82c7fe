import Foundation
import PerformanceLab
import Store

/// Compiles the learner's file with the `bench` harness, optimized, and runs it.
protocol LearnerRunner {
  /// Compiles and runs the timing program, returning its standard output, or nil when
  /// `isCancelled` turned true.
  ///
  /// - Throws: ``CommandError`` when the file does not compile or the program fails.
  func run(
    typeName: String, file: URL, arguments: [String], isCancelled: @escaping @Sendable () -> Bool
  ) throws(CommandError) -> String?
}

/// Compiles with `swiftc -O` in a temporary folder and runs the program with Foundation's
/// `Process`, output going to files so a chatty compiler cannot fill a pipe.
///
/// TODO: move onto the checker's compile-and-run API (process groups, limits, support
/// modules) once it is available here; learner files that `import ExerciseSupport` need it.
struct SwiftcLearnerRunner: LearnerRunner {
  var environment = ProcessInfo.processInfo.environment

  func run(
    typeName: String, file: URL, arguments: [String], isCancelled: @escaping @Sendable () -> Bool
  ) throws(CommandError) -> String? {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "optimlings-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let main = folder.appending(path: "main.swift")
    let executable = folder.appending(path: "bench")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try LearnerHarness.mainSource(typeName: typeName).write(
        to: main, atomically: true, encoding: .utf8)
    } catch {
      throw CommandError(.failure, "could not write the timing program to \(folder.path): \(error)")
    }

    let sources = try Self.prepareSources(file: file, in: folder)
    let compile = try execute(
      swiftc(),
      ["-O", "-module-name", "Bench", main.path] + sources.map(\.path) + ["-o", executable.path],
      in: folder, isCancelled: isCancelled)
    guard let compile else { return nil }
    guard compile.status == 0 else {
      throw CommandError(
        .failure,
        "your \(typeName) did not compile with the timing program:\n"
          + compile.output.replacingOccurrences(
            of: folder.appending(path: file.lastPathComponent).path, with: file.path
          ).trimmingCharacters(in: .whitespacesAndNewlines)
          + "\nRun `check` on the exercise to see the errors against its tests.")
    }

    let timed = try execute(executable.path, arguments, in: folder, isCancelled: isCancelled)
    guard let timed else { return nil }
    if timed.status == Self.notImplementedStatus {
      throw CommandError(
        .failure,
        "your \(typeName) step is not implemented yet; finish it and pass `check` first")
    }
    guard timed.status == 0 else {
      throw CommandError(
        .failure,
        "your \(typeName) stopped with status \(timed.status) while being timed; "
          + "make it pass `check` first. Its output was:\n"
          + timed.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return timed.standardOutput
  }

  static let notImplementedStatus: Int32 = 86

  /// Lists the files to compile beside the harness. A learner file that imports the exercises'
  /// support module gets a copy without that import, plus a stand-in for its
  /// `notImplemented()`, the one support function the optimizer templates call.
  static func prepareSources(file: URL, in folder: URL) throws(CommandError) -> [URL] {
    guard let text = try? String(contentsOf: file, encoding: .utf8) else {
      throw CommandError(.failure, "could not read \(file.path)")
    }
    let lines = text.components(separatedBy: "\n")
    guard
      lines.contains(where: { $0.trimmingCharacters(in: .whitespaces) == "import ExerciseSupport" })
    else { return [file] }
    // Blank the import in place so line numbers in diagnostics stay the learner's.
    let copied = lines.map {
      $0.trimmingCharacters(in: .whitespaces) == "import ExerciseSupport" ? "" : $0
    }
    let copy = folder.appending(path: file.lastPathComponent)
    let support = folder.appending(path: "BenchSupport.swift")
    let supportText = """
      import Foundation

      func notImplemented(
        _ what: String = #function, file: StaticString = #fileID, line: UInt = #line
      ) -> Never {
        FileHandle.standardError.write(Data("not implemented: \\(what) at \\(file):\\(line)\\n".utf8))
        exit(\(notImplementedStatus))
      }

      """
    do {
      try copied.joined(separator: "\n").write(to: copy, atomically: true, encoding: .utf8)
      try supportText.write(to: support, atomically: true, encoding: .utf8)
    } catch {
      throw CommandError(.failure, "could not prepare \(file.path) for timing: \(error)")
    }
    return [copy, support]
  }

  private func swiftc() throws(CommandError) -> String {
    if let explicit = environment["OPTIMLINGS_SWIFTC"], !explicit.isEmpty { return explicit }
    for directory in (environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let candidate = "\(directory)/swiftc"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw CommandError(
      .failure,
      "swiftc was not found on PATH; install the Swift toolchain or set OPTIMLINGS_SWIFTC")
  }

  private struct Finished {
    var status: Int32
    var standardOutput: String
    /// Standard output and standard error together, for messages.
    var output: String
  }

  /// Runs `path` and waits, polling `isCancelled`; nil when cancelled (the process is
  /// terminated).
  private func execute(
    _ path: String, _ arguments: [String], in folder: URL,
    isCancelled: @Sendable () -> Bool
  ) throws(CommandError) -> Finished? {
    let outputFile = folder.appending(path: "stdout-\(UUID().uuidString)")
    let errorFile = folder.appending(path: "stderr-\(UUID().uuidString)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var childEnvironment = environment
    childEnvironment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = childEnvironment
    do {
      _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
      _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
      process.standardOutput = try FileHandle(forWritingTo: outputFile)
      process.standardError = try FileHandle(forWritingTo: errorFile)
      process.standardInput = FileHandle.nullDevice
      try process.run()
    } catch {
      throw CommandError(.failure, "could not start \(path): \(error.localizedDescription)")
    }
    while process.isRunning {
      if isCancelled() {
        process.terminate()
        process.waitUntilExit()
        return nil
      }
      usleep(20_000)
    }
    let standardOutput = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    let standardError = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    return Finished(
      status: process.terminationStatus, standardOutput: standardOutput,
      output: standardError + standardOutput)
  }
}

/// Locations of the learner's exercise files.
enum LearnerFiles {
  /// `<data>/workspace/Sources/<id>/<id>.swift`, the workspace layout `check` uses.
  static func workspaceFile(exercise: String, context: CommandContext) throws(CommandError) -> URL {
    let data: String
    do {
      data = try DataFolder.resolve(
        override: context.globals.dataDirectory, environment: context.environment)
    } catch {
      throw CommandError(.failure, "\(error); pass --data DIR or --file PATH")
    }
    return URL(fileURLWithPath: data).appending(
      path: "workspace/Sources/\(exercise)/\(exercise).swift")
  }
}
