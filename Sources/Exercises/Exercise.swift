import Foundation

/// One exercise: what the learner implements, the lesson it pairs with and its hints.
public struct Exercise: Sendable, Equatable {
  /// The kebab-case id used by `check`, `hint`, `solution` and lesson front matter.
  public let id: String
  public let title: String
  /// The lesson that teaches what this exercise asks for.
  public let lessonID: String
  /// One sentence on what to implement.
  public let summary: String
  /// Hints from the most general to the most specific.
  public let hints: [String]
  /// The classic mistakes the checker can recognise in this exercise, by diagnosis id.
  public let mistakeIDs: [String]

  /// The learner's file name inside the workspace, such as `adam.swift`.
  public var fileName: String { "\(id).swift" }
}

extension Exercise {
  /// The template, reference solution and harness shipped with the checker.
  public func source(_ kind: ExerciseSourceKind) throws(CheckerError) -> String {
    let url = SourceTree.exerciseFiles.appending(path: id).appending(path: kind.fileName)
    do {
      return try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw CheckerError(
        "the \(kind.rawValue) of exercise '\(id)' was not found at \(url.path); "
          + "run Optimlings from its source checkout or set OPTIMLINGS_SOURCE_ROOT")
    }
  }
}

public enum ExerciseSourceKind: String, Sendable, CaseIterable {
  case template
  case solution
  case harness

  var fileName: String { "\(rawValue).swift" }
}

/// A failure of the checker itself, not of the learner's code, with what to do about it.
public struct CheckerError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}

/// Where the checker finds the sources it compiles: exercise files, the support module and
/// OptimizerKit.
///
/// They are read from the source checkout this binary was built from, found through the
/// compile-time path of this file. `OPTIMLINGS_SOURCE_ROOT` points elsewhere, for an
/// installed copy of the sources.
public enum SourceTree {
  public static var root: URL {
    if let override = ProcessInfo.processInfo.environment["OPTIMLINGS_SOURCE_ROOT"],
      !override.isEmpty
    {
      return URL(fileURLWithPath: override, isDirectory: true)
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  public static var exerciseFiles: URL { root.appending(path: "Sources/Exercises/Files") }

  public static func moduleSources(_ module: String) -> URL {
    root.appending(path: "Sources/\(module)")
  }
}
