import Store

extension CommandContext {
  /// Resolves the data folder: `--data DIR`, else `$XDG_DATA_HOME/optimlings`, else
  /// `~/.local/share/optimlings`.
  public func dataFolder() throws(CommandError) -> String {
    do {
      return try DataFolder.resolve(override: globals.dataDirectory, environment: environment)
    } catch {
      throw CommandError(.failure, error.description)
    }
  }

  /// Opens the learner's progress store in the data folder on first use and keeps it open.
  ///
  /// When the file found there was unusable and moved aside, this prints where it went.
  public func progressStore() throws(CommandError) -> ProgressStore {
    let folder = try dataFolder()
    if let openedStore, openedStore.folder == folder {
      return openedStore.store
    }
    do {
      let store = try ProgressStore(folder: folder)
      if let recovery = store.recovery {
        console.printError("note: \(recovery.message)")
      }
      openedStore = (folder, store)
      return store
    } catch {
      throw CommandError(.failure, "cannot open the progress database in \(folder): \(error)")
    }
  }
}
