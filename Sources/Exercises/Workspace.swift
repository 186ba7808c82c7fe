import Foundation

/// The learner's exercise files: a SwiftPM package so SourceKit-LSP completes in any editor.
///
/// Layout: `Package.swift`, one target per exercise at `Sources/<id>/<id>.swift`, and copies
/// of the `ExerciseSupport` and `OptimizerKit` targets the templates import. Each exercise is its own module, so a type
/// or helper in one file never clashes with another file's.
public struct Workspace: Sendable {
  public let directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  /// `<data>/workspace`.
  public init(dataDirectory: URL) {
    self.init(directory: dataDirectory.appending(path: "workspace"))
  }

  public func file(for exercise: Exercise) -> URL {
    directory.appending(path: "Sources/\(exercise.id)/\(exercise.fileName)")
  }

  public var backupDirectory: URL { directory.appending(path: "backups") }

  /// Writes the package manifest and support sources, and the template of every exercise
  /// whose file does not exist yet. Existing learner files are never touched.
  public func prepare() throws(CheckerError) {
    try createDirectory(directory)
    try write(Self.manifest, to: directory.appending(path: "Package.swift"))
    // The workspace has OptimizerKit as a target of its own, so ExerciseSupport gets only
    // its own files here.
    let support = SupportModule(name: "ExerciseSupport", sourceDirectory: "ExerciseSupport")
    for module in [SupportModule.optimizerKit, support] {
      try copySources(of: module)
    }
    for exercise in ExerciseCatalog.all {
      let file = file(for: exercise)
      if FileManager.default.fileExists(atPath: file.path) { continue }
      try createDirectory(file.deletingLastPathComponent())
      try write(try exercise.source(.template), to: file)
    }
  }

  /// Mirrors a support module's sources into `Sources/<name>`, removing files it no longer has.
  private func copySources(of module: SupportModule) throws(CheckerError) {
    let target = directory.appending(path: "Sources/\(module.name)")
    try createDirectory(target)
    for source in module.sources {
      guard let text = try? String(contentsOf: source, encoding: .utf8) else {
        throw CheckerError("could not read \(source.path)")
      }
      try write(text, to: target.appending(path: source.lastPathComponent))
    }
    let current = Set(module.sources.map(\.lastPathComponent))
    let present = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
    for name in present where name.hasSuffix(".swift") && !current.contains(name) {
      try? FileManager.default.removeItem(at: target.appending(path: name))
    }
  }

  /// Copies the learner's file into `backups/` and writes the template in its place.
  ///
  /// - Returns: the backup's location, or nil when there was no file to keep.
  @discardableResult
  public func reset(_ exercise: Exercise, now: Date = Date()) throws(CheckerError) -> URL? {
    try prepare()
    let file = file(for: exercise)
    let template = try exercise.source(.template)
    var backup: URL?
    if let current = try? String(contentsOf: file, encoding: .utf8), current != template {
      try createDirectory(backupDirectory)
      let stamp = Int(now.timeIntervalSince1970 * 1000)
      let target = backupDirectory.appending(path: "\(exercise.id)-\(stamp).swift")
      try write(current, to: target)
      backup = target
    }
    try write(template, to: file)
    return backup
  }

  private func write(_ text: String, to url: URL) throws(CheckerError) {
    if let existing = try? String(contentsOf: url, encoding: .utf8), existing == text { return }
    do {
      try text.write(to: url, atomically: true, encoding: .utf8)
    } catch {
      throw CheckerError("could not write \(url.path): \(error.localizedDescription)")
    }
  }

  static var manifest: String {
    let names = ExerciseCatalog.ids.map { "\"\($0)\"" }.joined(separator: ", ")
    return """
      // swift-tools-version: 5.9
      // Written by Optimlings so editors can complete and type-check your exercise files.
      // `optimlings check NAME` compiles each file on its own; this package is for your editor.
      import PackageDescription

      let exercises = [\(names)]

      let package = Package(
        name: "OptimlingsWorkspace",
        targets: [
          .target(name: "OptimizerKit"),
          .target(name: "ExerciseSupport", dependencies: ["OptimizerKit"]),
        ]
          + exercises.map { .target(name: $0, dependencies: ["ExerciseSupport"]) }
      )

      """
  }
}
