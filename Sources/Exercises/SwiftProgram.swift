import Foundation

/// A compiler diagnostic from `swiftc -diagnostic-style=llvm`.
public struct CompilerDiagnostic: Codable, Equatable, Sendable {
  public var file: String
  public var line: Int
  public var column: Int
  /// `error`, `warning` or `note`.
  public var severity: String
  public var message: String
  /// The source line and caret that follow the diagnostic, when swiftc printed them.
  public var excerpt: [String]
}

/// The result of compiling a program.
public enum CompileResult: Sendable {
  case success(executable: URL)
  case failure(diagnostics: [CompilerDiagnostic], output: String)
  case cancelled
}

/// Compiles Swift files against cached support modules and runs the result with limits.
///
/// The checker uses it for exercises; cells and benchmarks can use it for any program:
///
/// ```swift
/// let program = try SwiftProgram(cacheDirectory: cache, modules: [.optimizerKit])
/// let result = try program.compile(sources: [file], output: directory.appending(path: "cell"))
/// if case .success(let executable) = result {
///   let outcome = try program.run(executable, limits: ProcessLimits(wallTime: 5))
/// }
/// ```
public struct SwiftProgram: Sendable {
  public var toolchain: Toolchain
  public var library: SupportLibrary
  public var modules: [SupportModule]

  public init(
    cacheDirectory: URL, modules: [SupportModule], toolchain: Toolchain? = nil
  ) throws(CheckerError) {
    let located: Toolchain
    if let toolchain { located = toolchain } else { located = try Toolchain.locate() }
    self.toolchain = located
    self.library = SupportLibrary(cacheDirectory: cacheDirectory, toolchain: located)
    self.modules = modules
  }

  /// Returns the support modules, building them on first use.
  public func builtModules(
    progress: (String) -> Void = { _ in }, isCancelled: @Sendable () -> Bool = { false }
  ) throws(CheckerError) -> [BuiltModule] {
    var built: [BuiltModule] = []
    for module in modules {
      for product in try library.build(module, progress: progress, isCancelled: isCancelled)
      where !built.contains(product) {
        built.append(product)
      }
    }
    return built
  }

  /// Compiles `sources` into an executable at `output`. One of them must be `main.swift` or
  /// hold `@main`. Diagnostics keep the paths as given, so pass the learner's own path.
  public func compile(
    sources: [URL], output: URL, extraArguments: [String] = [],
    progress: (String) -> Void = { _ in }, isCancelled: @Sendable () -> Bool = { false }
  ) throws(CheckerError) -> CompileResult {
    let built = try builtModules(progress: progress, isCancelled: isCancelled)

    #if os(Linux)
      if extraArguments.isEmpty, sources.contains(where: { $0.lastPathComponent == "main.swift" }),
        let compiler = DirectCompiler(swiftc: toolchain.swiftc),
        let result = try compileDirectly(
          compiler, sources: sources, built: built, output: output, isCancelled: isCancelled)
      {
        return result
      }
    #endif

    // One frontend process for all files (-wmo) and lld where the toolchain ships it: both
    // cut the compile time a learner waits for after every save.
    var arguments = [
      "-Onone", "-wmo", "-diagnostic-style=llvm", "-no-color-diagnostics", "-module-name",
      "Checked", "-o", output.path,
    ]
    #if os(Linux)
      let lld = URL(fileURLWithPath: toolchain.swiftc).deletingLastPathComponent()
        .appending(path: "ld.lld")
      if FileManager.default.isExecutableFile(atPath: lld.path) { arguments.append("-use-ld=lld") }
    #endif
    for module in built { arguments += ["-I", module.directory.path] }
    arguments += extraArguments
    arguments += sources.map(\.path)
    arguments += built.map(\.library.path)

    let outcome = try ProcessRunner.run(
      executable: toolchain.swiftc, arguments: arguments,
      limits: ProcessLimits(wallTime: 120, memoryBytes: nil, outputBytes: 1 << 20),
      isCancelled: isCancelled)
    if outcome.cancelled { return .cancelled }
    if outcome.termination == .exited(0) && !outcome.timedOut {
      return .success(executable: output)
    }
    let text = outcome.standardError + outcome.standardOutput
    return .failure(diagnostics: Self.parseDiagnostics(text), output: text)
  }

  /// Compiles with the frontend and links with clang; nil when the link fails, so the
  /// caller retries through `swiftc`, which finds the libraries itself.
  private func compileDirectly(
    _ compiler: DirectCompiler, sources: [URL], built: [BuiltModule], output: URL,
    isCancelled: @Sendable () -> Bool
  ) throws(CheckerError) -> CompileResult? {
    let object = output.appendingPathExtension("o")
    defer { try? FileManager.default.removeItem(at: object) }
    let limits = ProcessLimits(wallTime: 120, memoryBytes: nil, outputBytes: 1 << 20)

    let compiled = try ProcessRunner.run(
      executable: compiler.frontend,
      arguments: compiler.frontendArguments(
        sources: sources, moduleDirectories: built.map(\.directory), object: object),
      limits: limits, isCancelled: isCancelled)
    if compiled.cancelled { return .cancelled }
    guard compiled.termination == .exited(0) && !compiled.timedOut else {
      let text = compiled.standardError + compiled.standardOutput
      return .failure(diagnostics: Self.parseDiagnostics(text), output: text)
    }

    let linked = try ProcessRunner.run(
      executable: compiler.clang,
      arguments: compiler.linkArguments(
        object: object, libraries: built.map(\.library), output: output),
      limits: limits, isCancelled: isCancelled)
    if linked.cancelled { return .cancelled }
    guard linked.termination == .exited(0) && !linked.timedOut else { return nil }
    return .success(executable: output)
  }

  /// Runs a compiled program with limits and without the Swift runtime's backtracer, whose
  /// report takes seconds and is not meant for learners.
  public func run(
    _ executable: URL, arguments: [String] = [], limits: ProcessLimits = ProcessLimits(),
    isCancelled: @Sendable () -> Bool = { false }
  ) throws(CheckerError) -> ProcessOutcome {
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    return try ProcessRunner.run(
      executable: executable.path, arguments: arguments, environment: environment,
      workingDirectory: executable.deletingLastPathComponent().path, limits: limits,
      isCancelled: isCancelled)
  }

  /// Parses `file:line:column: severity: message` lines and the excerpt lines after each.
  public static func parseDiagnostics(_ text: String) -> [CompilerDiagnostic] {
    var diagnostics: [CompilerDiagnostic] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if let diagnostic = parseHeader(String(line)) {
        diagnostics.append(diagnostic)
      } else if !diagnostics.isEmpty && diagnostics[diagnostics.count - 1].excerpt.count < 3
        && !line.isEmpty
      {
        diagnostics[diagnostics.count - 1].excerpt.append(String(line))
      }
    }
    return diagnostics
  }

  static func parseHeader(_ line: String) -> CompilerDiagnostic? {
    for severity in ["error", "warning", "note"] {
      guard let range = line.range(of: ": \(severity): ") else { continue }
      let location = line[..<range.lowerBound].split(separator: ":")
      guard location.count >= 3, let lineNumber = Int(location[location.count - 2]),
        let column = Int(location[location.count - 1])
      else { continue }
      return CompilerDiagnostic(
        file: location.dropLast(2).joined(separator: ":"), line: lineNumber, column: column,
        severity: severity, message: String(line[range.upperBound...]), excerpt: [])
    }
    return nil
  }
}
