import ExerciseSupport
import Exercises
import Foundation

/// Compiles and runs Swift cells with the checker's `SwiftProgram`: the cell, the CellSupport
/// sources and the learner's workspace files it names, against OptimizerKit and
/// ExerciseSupport.
public struct SwiftCellRunner: Sendable {
  public var program: SwiftProgram
  public var workspace: Workspace
  /// The build folder of each cell's `main.swift` and executable, removed after the run.
  public var buildDirectory: URL
  public var limits: ProcessLimits

  /// The CellSupport sources from `Sources/CellSupport`, compiled into every cell program.
  ///
  /// They are compiled with the cell rather than as a support module because a static library
  /// that depends on another (CellSupport on OptimizerKit) must come first on the GNU linker's
  /// command line, and `SwiftProgram` links support libraries dependencies first.
  public static var cellSupportSources: [URL] {
    let directory = SourceTree.moduleSources("CellSupport")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { $0.hasSuffix(".swift") }.sorted().map { directory.appending(path: $0) }
  }

  /// Wall time, memory and output limits for one cell program.
  public static let defaultLimits = ProcessLimits(
    wallTime: 60, memoryBytes: 1 << 30, outputBytes: 8 << 20)

  /// Creates a runner whose support modules are cached in `<data>/cache/modules`, as the
  /// checker's are, and whose workspace is `<data>/workspace`.
  ///
  /// - Throws: ``CellError`` when `swiftc` cannot be found.
  public init(dataDirectory: URL, limits: ProcessLimits = defaultLimits) throws(CellError) {
    do {
      program = try SwiftProgram(
        cacheDirectory: dataDirectory.appending(path: "cache/modules"),
        modules: [.optimizerKit, .exerciseSupport])
    } catch {
      throw CellError(message: error.message)
    }
    workspace = Workspace(dataDirectory: dataDirectory)
    buildDirectory = dataDirectory.appending(path: "cache/cells/build")
    self.limits = limits
  }

  /// Returns the learner's files for the exercises the cell names, creating the workspace from the
  /// templates when it does not exist yet.
  public func workspaceFiles(for cell: RunnableCell) throws(CellError) -> [URL] {
    var files: [URL] = []
    for id in cell.exerciseIDs {
      guard let exercise = ExerciseCatalog.exercise(id: id) else {
        throw CellError(
          line: cell.block.line,
          message:
            "unknown exercise '\(id)' after 'swift cell'; use one of "
            + ExerciseCatalog.ids.joined(separator: ", "))
      }
      files.append(workspace.file(for: exercise))
    }
    if !files.isEmpty {
      do {
        try workspace.prepare()
      } catch {
        throw CellError(message: error.message)
      }
    }
    return files
  }

  /// Lists what the cell's output depends on besides its text: the toolchain and the contents of
  /// the CellSupport and workspace files it is compiled with.
  public func cacheParts(for cell: RunnableCell) throws(CellError) -> [String] {
    var parts = [program.toolchain.identity]
    for file in try Self.cellSupportSources + workspaceFiles(for: cell) {
      parts.append(file.lastPathComponent)
      parts.append((try? String(contentsOf: file, encoding: .utf8)) ?? "")
    }
    return parts
  }

  /// Compiles and runs `cell` and reads its output.
  ///
  /// - Parameter lessonPath: the lesson file, so compiler errors name its lines.
  /// - Throws: ``CellError`` with compiler errors, a crash or limit of the program, an invalid
  ///   protocol line, or ``CellError/cancelled``.
  public func run(
    _ cell: RunnableCell, lessonPath: String?, key: String,
    progress: (String) -> Void = { _ in }, isCancelled: @escaping @Sendable () -> Bool
  ) throws(CellError) -> CellOutput {
    let sources = try workspaceFiles(for: cell)
    let support = Self.cellSupportSources
    guard !support.isEmpty else {
      throw CellError(
        message:
          "the CellSupport sources were not found under \(SourceTree.root.path); run "
          + "Optimlings from its source checkout or set OPTIMLINGS_SOURCE_ROOT")
    }
    let directory = buildDirectory.appending(path: "\(key)-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let main = directory.appending(path: "main.swift")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Self.mainSource(cell, lessonPath: lessonPath).write(
        to: main, atomically: true, encoding: .utf8)
    } catch {
      throw CellError(message: "could not write \(main.path): \(error.localizedDescription)")
    }

    let compiled: CompileResult
    do {
      compiled = try program.compile(
        sources: [main] + support + sources, output: directory.appending(path: "cell"),
        progress: progress, isCancelled: isCancelled)
    } catch {
      if isCancelled() { throw CellError.cancelled }
      throw CellError(message: error.message)
    }
    let executable: URL
    switch compiled {
    case .cancelled:
      throw CellError.cancelled
    case .failure(let diagnostics, let output):
      throw CellError(
        line: cell.block.line, message: Self.compileFailure(diagnostics, output: output))
    case .success(let built):
      executable = built
    }

    let outcome: ProcessOutcome
    do {
      outcome = try program.run(executable, limits: limits, isCancelled: isCancelled)
    } catch {
      throw CellError(message: error.message)
    }
    if outcome.cancelled { throw CellError.cancelled }
    if outcome.termination == .exited(HarnessProtocol.notImplementedStatus) {
      let ids = cell.exerciseIDs.joined(separator: ", ")
      throw CellError(
        line: cell.block.line,
        message:
          "this cell uses your \(ids), which still calls notImplemented(); finish it in "
          + "\(workspace.directory.path)/Sources, check it with `check \(cell.exerciseIDs.first ?? "")`, "
          + "and run the cell again")
    }
    try Self.requireSuccess(outcome, limits: limits, line: cell.block.line)
    var output = try SwiftCellOutput.parse(outcome.standardOutput)
    let warnings = outcome.standardError.split(separator: "\n").map(String.init)
    output.lines += warnings
    return output
  }

  /// Writes the program's `main.swift`: the imports, then the cell's text mapped to the lesson's
  /// lines with `#sourceLocation`, so compiler errors and crashes name lesson lines.
  static func mainSource(_ cell: RunnableCell, lessonPath: String?) -> String {
    var source = "import Foundation\nimport OptimizerKit\n"
    if let lessonPath {
      let escaped = lessonPath.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"")
      source += "#sourceLocation(file: \"\(escaped)\", line: \(cell.firstLine))\n"
      source += cell.block.text + "\n#sourceLocation()\n"
    } else {
      source += cell.block.text + "\n"
    }
    return source
  }

  static func compileFailure(_ diagnostics: [CompilerDiagnostic], output: String) -> String {
    let errors = diagnostics.filter { $0.severity == "error" }
    guard !errors.isEmpty else {
      let tail = output.split(separator: "\n").suffix(12).joined(separator: "\n")
      return "the cell did not compile:\n\(tail)"
    }
    var lines = ["the cell did not compile:"]
    for error in errors.prefix(8) {
      lines.append("\(error.file):\(error.line):\(error.column): error: \(error.message)")
      lines += error.excerpt.map { "    \($0)" }
    }
    if errors.count > 8 { lines.append("… and \(errors.count - 8) more errors") }
    return lines.joined(separator: "\n")
  }

  static func requireSuccess(_ outcome: ProcessOutcome, limits: ProcessLimits, line: Int)
    throws(CellError)
  {
    let tail = outcome.standardError.split(separator: "\n").suffix(15).joined(separator: "\n")
    let details = tail.isEmpty ? "" : ":\n\(tail)"
    if outcome.timedOut {
      throw CellError(
        line: line,
        message:
          "the cell did not finish within \(Int(limits.wallTime)) seconds; run fewer steps")
    }
    if outcome.outputLimitExceeded {
      throw CellError(
        line: line,
        message:
          "the cell printed more than \(limits.outputBytes >> 20) MiB; plot fewer points")
    }
    switch outcome.termination {
    case .exited(0): return
    case .exited(let status):
      throw CellError(
        line: line, message: "the cell's program exited with status \(status)\(details)")
    case .signaled(let signal):
      throw CellError(
        line: line, message: "the cell's program crashed (signal \(signal))\(details)")
    }
  }
}
