import Foundation
import Lessons

/// Finds and loads the lessons folder for `list`, `open` and the REPL.
public enum LessonsFolder {
  /// The folder to load: `--lessons DIR` when given, else `lessons/` in the current
  /// directory, else the `lessons/` folder of the package the executable was built in (found
  /// by walking up from the executable to a folder holding `Package.swift`), so
  /// `.build/debug/optimlings` works from any directory.
  public static func path(for globals: GlobalOptions) -> String {
    if let explicit = globals.lessonsDirectory { return explicit }
    let local = "lessons"
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return local
    }
    return packageLessonsFolder() ?? local
  }

  /// Loads the library and writes one line per problem file to the error stream.
  ///
  /// - Throws: ``CommandError`` (exit 1) when the folder itself is missing or unreadable.
  public static func load(context: CommandContext) throws -> LessonLibrary {
    let directory = path(for: context.globals)
    let library: LessonLibrary
    do {
      library = try LessonLibrary.load(directory: directory)
    } catch {
      let hint =
        context.globals.lessonsDirectory == nil
        ? "; run from the folder that holds lessons/ or pass --lessons DIR"
        : "; check the path given to --lessons"
      throw CommandError(.failure, "cannot load lessons: \(error)\(hint)")
    }
    for diagnostic in library.diagnostics {
      context.console.printError("warning: \(diagnostic)")
    }
    return library
  }

  private static func packageLessonsFolder() -> String? {
    guard let executable = Bundle.main.executablePath else { return nil }
    var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<5 {
      let package = folder.appendingPathComponent("Package.swift").path
      let lessons = folder.appendingPathComponent("lessons").path
      if FileManager.default.fileExists(atPath: package),
        FileManager.default.fileExists(atPath: lessons)
      {
        return lessons
      }
      folder.deleteLastPathComponent()
    }
    return nil
  }
}
