import Foundation

/// One line about a file that was skipped or loaded with a problem.
public struct LessonDiagnostic: Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}

/// The reason one file could not be loaded as a lesson.
public struct LessonLoadError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public var description: String { "\(path): \(reason)" }
}

/// Every lesson of a folder, in reading order, plus a line for each file that had a problem.
public struct LessonLibrary: Sendable {
  public var lessons: [Lesson]
  public var diagnostics: [LessonDiagnostic]
  /// The folder the lessons came from.
  public var directory: String

  /// File extensions read as lessons; other files, such as images, are not lessons.
  public static let extensions: Set<String> = ["md", "markdown"]
  /// Files larger than this are skipped with a diagnostic instead of parsed.
  public static let maximumFileSize = 64 * 1024 * 1024
  /// Folders nested deeper than this are not walked, which also stops symbolic-link loops.
  public static let maximumFolderDepth = 16

  public init(lessons: [Lesson], diagnostics: [LessonDiagnostic] = [], directory: String = "") {
    self.lessons = lessons
    self.diagnostics = diagnostics
    self.directory = directory
  }

  /// Loads every `.md` and `.markdown` file under `directory`, recursively.
  ///
  /// Hidden files and folders (names starting with `.`) are skipped. Lessons are ordered by
  /// front matter `order` (lessons without one last), then by path relative to `directory`.
  /// A repeated id gets a numeric suffix and a diagnostic.
  ///
  /// - Throws: ``LessonLoadError`` only when `directory` itself cannot be read.
  public static func load(directory: String) throws(LessonLoadError) -> LessonLibrary {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      throw LessonLoadError(path: directory, reason: "folder not found")
    }
    guard isDirectory.boolValue else {
      throw LessonLoadError(path: directory, reason: "not a folder")
    }
    var diagnostics: [LessonDiagnostic] = []
    var files: [String] = []
    guard
      collectFiles(
        in: directory, relative: "", depth: 0, into: &files, diagnostics: &diagnostics)
    else {
      throw LessonLoadError(path: directory, reason: "folder cannot be read (permission denied?)")
    }

    var loaded: [(relative: String, lesson: Lesson)] = []
    for relative in files {
      let path = (directory as NSString).appendingPathComponent(relative)
      do {
        let lesson = try loadFile(path)
        for warning in lesson.warnings {
          diagnostics.append(LessonDiagnostic(path: path, message: warning))
        }
        loaded.append((relative, lesson))
      } catch {
        diagnostics.append(LessonDiagnostic(path: error.path, message: error.reason))
      }
    }

    loaded.sort { left, right in
      switch (left.lesson.order, right.lesson.order) {
      case (let a?, let b?) where a != b: return a < b
      case (.some, nil): return true
      case (nil, .some): return false
      default: return left.relative.lowercased() < right.relative.lowercased()
      }
    }

    var lessons: [Lesson] = []
    var seen: [String: String] = [:]
    for (_, original) in loaded {
      var lesson = original
      if let firstPath = seen[lesson.id] {
        var suffix = 2
        while seen["\(lesson.id)-\(suffix)"] != nil { suffix += 1 }
        let unique = "\(lesson.id)-\(suffix)"
        diagnostics.append(
          LessonDiagnostic(
            path: lesson.path ?? "",
            message: "id '\(lesson.id)' is already used by \(firstPath); this lesson is '\(unique)'"
          ))
        lesson.id = unique
      }
      seen[lesson.id] = lesson.path ?? ""
      lessons.append(lesson)
    }
    return LessonLibrary(lessons: lessons, diagnostics: diagnostics, directory: directory)
  }

  /// Reads and parses one lesson file.
  ///
  /// Invalid UTF-8 is replaced with U+FFFD so the damage stays visible.
  /// - Throws: ``LessonLoadError`` when the file cannot be read, is too large, contains binary
  ///   data (a NUL byte), or has no content.
  public static func loadFile(_ path: String) throws(LessonLoadError) -> Lesson {
    var attributes: [FileAttributeKey: Any]
    var resolved = path
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: path)
      if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
        resolved = (path as NSString).resolvingSymlinksInPath
        attributes = try FileManager.default.attributesOfItem(atPath: resolved)
      }
    } catch {
      throw LessonLoadError(path: path, reason: "file not found")
    }
    switch attributes[.type] as? FileAttributeType {
    case .typeRegular?: break
    case .typeDirectory?:
      throw LessonLoadError(path: path, reason: "is a folder, not a lesson file")
    default:
      // Reading a pipe or device could block forever.
      throw LessonLoadError(path: path, reason: "not a regular file")
    }
    if let size = attributes[.size] as? Int, size > maximumFileSize {
      throw LessonLoadError(
        path: path,
        reason:
          "file is \(size / 1_048_576) MB, larger than the \(maximumFileSize / 1_048_576) MB limit")
    }
    guard let handle = FileHandle(forReadingAtPath: resolved) else {
      throw LessonLoadError(path: path, reason: "cannot be read (permission denied?)")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.readToEnd() ?? Data()
    } catch {
      throw LessonLoadError(path: path, reason: "cannot be read: \(error.localizedDescription)")
    }
    if data.prefix(8192).contains(0) {
      throw LessonLoadError(path: path, reason: "not a text file (contains NUL bytes)")
    }
    let text = String(decoding: data, as: UTF8.self)
    let lesson = LessonParser.parse(
      text, fileName: (path as NSString).lastPathComponent, path: path)
    guard !lesson.steps.isEmpty else {
      throw LessonLoadError(path: path, reason: "has no content to show")
    }
    return lesson
  }

  /// Appends paths of lesson files under `folder`, relative to the library folder.
  /// Returns false when `folder` cannot be listed.
  private static func collectFiles(
    in folder: String, relative: String, depth: Int, into files: inout [String],
    diagnostics: inout [LessonDiagnostic]
  ) -> Bool {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      return false
    }
    for name in names.sorted() where !name.hasPrefix(".") {
      let path = (folder as NSString).appendingPathComponent(name)
      let relativePath = relative.isEmpty ? name : "\(relative)/\(name)"
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        diagnostics.append(LessonDiagnostic(path: path, message: "broken symbolic link"))
        continue
      }
      if isDirectory.boolValue {
        guard depth + 1 < maximumFolderDepth else {
          diagnostics.append(
            LessonDiagnostic(
              path: path, message: "folder nested deeper than \(maximumFolderDepth) levels; skipped"
            ))
          continue
        }
        if !collectFiles(
          in: path, relative: relativePath, depth: depth + 1, into: &files,
          diagnostics: &diagnostics)
        {
          diagnostics.append(
            LessonDiagnostic(path: path, message: "folder cannot be read (permission denied?)"))
        }
      } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
        files.append(relativePath)
      }
    }
    return true
  }

  /// Finds the lesson with id `reference`, else the one whose title matches ignoring case.
  public func lesson(named reference: String) -> Lesson? {
    if let byID = lessons.first(where: { $0.id == reference }) { return byID }
    let lowered = reference.lowercased()
    return lessons.first {
      $0.id == LessonParser.slug(reference) || $0.title.lowercased() == lowered
    }
  }

  /// `ids: optimization, gradient-descent, …` for messages about a lesson that was not found.
  public var idListing: String {
    lessons.isEmpty ? "no lessons loaded" : lessons.map(\.id).joined(separator: ", ")
  }
}
