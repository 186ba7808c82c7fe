#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder that contains the learner's progress, REPL history and workspace.
public enum DataFolder {
  /// Resolves the data folder: `override` (from `--data DIR`) when given, else
  /// `$XDG_DATA_HOME/optimlings`, else `$HOME/.local/share/optimlings`.
  ///
  /// An empty or relative `XDG_DATA_HOME` is ignored, as the XDG Base Directory
  /// specification requires. Reads nothing but its arguments.
  ///
  /// - Throws: ``StoreError/folder(path:reason:)`` when neither variable gives a folder.
  public static func resolve(override: String?, environment: [String: String])
    throws(StoreError) -> String
  {
    if let override, !override.isEmpty {
      return override
    }
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      return join(xdg, "optimlings")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return join(home, ".local/share/optimlings")
    }
    throw .folder(
      path: "~/.local/share/optimlings", reason: "neither XDG_DATA_HOME nor HOME is set")
  }

  /// Creates `path` and any missing parents; new folders get mode 0700 because progress and
  /// history are private to the learner.
  public static func create(_ path: String) throws(StoreError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
        let reason = String(cString: strerror(errno))
        throw .folder(path: path, reason: "cannot create \(prefix): \(reason)")
      }
      prefix += "/"
    }
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
      throw .folder(path: path, reason: "it exists but is not a folder")
    }
  }

  static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
