import Exercises
import Foundation
import Store

/// The state the exercise commands share: data folder, workspace, checker and progress store.
struct ExerciseEnvironment {
  let dataDirectory: URL
  let cacheDirectory: URL
  let workspace: Workspace

  init(context: CommandContext) throws(CommandError) {
    dataDirectory = try Self.dataDirectory(
      globals: context.globals, environment: context.environment)
    cacheDirectory = Self.cacheDirectory(environment: context.environment)
    workspace = Workspace(dataDirectory: dataDirectory)
  }

  /// Returns `$XDG_CACHE_HOME/optimlings`, else `~/.cache/optimlings`: the folder of built
  /// support modules and verdicts, which is shared by every data folder and safe to delete.
  static func cacheDirectory(environment: [String: String]) -> URL {
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      return URL(fileURLWithPath: xdg).appending(path: "optimlings")
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return URL(fileURLWithPath: home).appending(path: ".cache/optimlings")
  }

  /// Returns `--data DIR`, else `$XDG_DATA_HOME/optimlings`, else `~/.local/share/optimlings`.
  static func dataDirectory(globals: GlobalOptions, environment: [String: String])
    throws(CommandError) -> URL
  {
    do {
      let path = try DataFolder.resolve(
        override: globals.dataDirectory, environment: environment)
      return URL(fileURLWithPath: path)
    } catch {
      throw CommandError(.failure, "\(error); pass --data DIR to choose a folder")
    }
  }

  /// Opens the progress store in the data folder.
  func store() throws(CommandError) -> ProgressStore {
    do {
      return try ProgressStore(folder: dataDirectory.path)
    } catch {
      throw CommandError(.failure, "could not open the progress store: \(error)")
    }
  }

  func checker() throws(CommandError) -> ExerciseChecker {
    do {
      return try ExerciseChecker(cacheDirectory: cacheDirectory)
    } catch {
      throw CommandError(.failure, error.message)
    }
  }

  /// Returns the exercise named by the first positional, else the REPL's current one, else the first
  /// that has not passed yet.
  func exercise(_ arguments: ParsedArguments, context: CommandContext) throws(CommandError)
    -> Exercise
  {
    if let name = arguments.positionals.first {
      return try Self.exercise(named: name)
    }
    if let current = context.session.exerciseID,
      let exercise = ExerciseCatalog.exercise(id: current)
    {
      return exercise
    }
    let store = try self.store()
    let next = ExerciseCatalog.all.first { !((try? store.hasPassed(exercise: $0.id)) ?? false) }
    return next ?? ExerciseCatalog.all[0]
  }

  static func exercise(named name: String) throws(CommandError) -> Exercise {
    if let exercise = ExerciseCatalog.exercise(id: name) { return exercise }
    var message = "unknown exercise '\(name)'"
    let closest = ExerciseCatalog.ids.min {
      EditDistance.between(name, $0) < EditDistance.between(name, $1)
    }
    if let closest, EditDistance.between(name, closest) <= 3 {
      message += "; did you mean '\(closest)'?"
    }
    message += " The exercises are: \(ExerciseCatalog.ids.joined(separator: ", "))."
    throw .usage(message)
  }

  /// Prepares the workspace and returns the learner's file for `exercise`.
  func learnerFile(_ exercise: Exercise) throws(CommandError) -> URL {
    do {
      try workspace.prepare()
    } catch {
      throw CommandError(.failure, error.message)
    }
    return workspace.file(for: exercise)
  }
}
