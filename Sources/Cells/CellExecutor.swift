import Foundation

/// The cache, data folder and progress output a cell run uses.
public struct CellEnvironment: Sendable {
  /// The output cache; nil runs every cell afresh and stores nothing.
  public var cache: CellCache?
  /// Identifies the code that computes outputs, as part of every cache key.
  public var codeIdentity: String
  /// The data folder, whose workspace and support-module cache Swift cells use; nil when
  /// Swift cells cannot run.
  public var dataDirectory: URL?
  /// Receives a line before slow preparation, such as building a support module.
  public var progress: @Sendable (String) -> Void

  public init(
    cache: CellCache?, dataDirectory: URL?, codeIdentity: String = CellCache.executableIdentity(),
    progress: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.cache = cache
    self.dataDirectory = dataDirectory
    self.codeIdentity = codeIdentity
    self.progress = progress
  }
}

/// A cell's output and whether it came from the cache.
public struct CellRun: Sendable {
  public var cell: RunnableCell
  public var output: CellOutput
  public var wasCached: Bool
}

/// Runs runnable cells of either kind, through the cache.
public enum CellExecutor {
  /// Runs `cell`, or returns its cached output when nothing it depends on has changed.
  ///
  /// - Throws: ``CellError`` with lesson file lines for a cell that cannot be parsed, an
  ///   error from the run, or ``CellError/cancelled``.
  public static func run(
    _ cell: RunnableCell, environment: CellEnvironment,
    isCancelled: @escaping @Sendable () -> Bool = { false }
  ) throws(CellError) -> CellRun {
    switch cell.kind {
    case .experiment:
      let parsed = try ExperimentCell.parse(cell.block.text, firstLine: cell.firstLine)
      let key = CellCache.key(["experiment", cell.block.text, environment.codeIdentity])
      if let cached = environment.cache?.load(key) {
        return CellRun(cell: cell, output: cached, wasCached: true)
      }
      let result: ExperimentResult
      do {
        result = try ExperimentRunner.run(parsed, isCancelled: isCancelled)
      } catch let error where error != .cancelled {
        // Run errors name the key but not the line; the cell's fence line locates them.
        var located = error
        if located.line == nil { located.line = cell.block.line }
        throw located
      }
      try environment.cache?.store(result.output, key: key)
      return CellRun(cell: cell, output: result.output, wasCached: false)
    case .swift:
      guard let dataDirectory = environment.dataDirectory else {
        throw CellError(
          line: cell.block.line,
          message: "a Swift cell needs a data folder for its build; pass --data DIR")
      }
      let runner = try SwiftCellRunner(dataDirectory: dataDirectory)
      let key = CellCache.key(
        ["swift", cell.block.text, cell.block.info, cell.path ?? "", environment.codeIdentity]
          + (try runner.cacheParts(for: cell)))
      if let cached = environment.cache?.load(key) {
        return CellRun(cell: cell, output: cached, wasCached: true)
      }
      let output = try runner.run(
        cell, lessonPath: cell.path, key: key, progress: environment.progress,
        isCancelled: isCancelled)
      try environment.cache?.store(output, key: key)
      return CellRun(cell: cell, output: output, wasCached: false)
    }
  }
}
