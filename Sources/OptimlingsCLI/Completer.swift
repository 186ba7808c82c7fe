/// One entry of a folder listing, for completing file paths.
public struct DirectoryEntry: Sendable, Equatable {
  public var name: String
  public var isDirectory: Bool

  public init(name: String, isDirectory: Bool) {
    self.name = name
    self.isDirectory = isDirectory
  }
}

/// The words Tab completes from: lesson and exercise ids, optimizer names and folders.
public struct CompletionSources: Sendable {
  public var lessonIDs: @Sendable () -> [String]
  public var exerciseIDs: @Sendable () -> [String]
  public var optimizerNames: [String]
  /// Lists a folder, or returns nil when it cannot be read.
  public var listDirectory: @Sendable (String) -> [DirectoryEntry]?
  /// The home folder that a leading `~/` stands for.
  public var homeDirectory: String?

  public init(
    lessonIDs: @escaping @Sendable () -> [String] = { [] },
    exerciseIDs: @escaping @Sendable () -> [String] = { [] },
    optimizerNames: [String] = [],
    listDirectory: @escaping @Sendable (String) -> [DirectoryEntry]? = { _ in nil },
    homeDirectory: String? = nil
  ) {
    self.lessonIDs = lessonIDs
    self.exerciseIDs = exerciseIDs
    self.optimizerNames = optimizerNames
    self.listDirectory = listDirectory
    self.homeDirectory = homeDirectory
  }
}

/// The result of pressing Tab: what replaces the word before the cursor, and the choices.
public struct Completion: Sendable, Equatable {
  /// The partial word before the cursor that ``replacement`` replaces.
  public var word: String
  /// The text to put in place of ``word``; nil when Tab cannot extend it.
  public var replacement: String?
  /// Every match, shown as a list when there is more than one.
  public var candidates: [String]

  public init(word: String, replacement: String?, candidates: [String]) {
    self.word = word
    self.replacement = replacement
    self.candidates = candidates
  }
}

/// Tab completion for REPL lines, driven by each command's ``CompletionKind``.
public struct Completer: Sendable {
  public let table: CommandTable
  public let sources: CompletionSources

  public init(table: CommandTable, sources: CompletionSources) {
    self.table = table
    self.sources = sources
  }

  /// Completes the last word of `line`, the text between the start of the line and the
  /// cursor.
  ///
  /// A unique match is followed by a space, or by `/` for a folder. Several matches are
  /// replaced by their longest common prefix.
  public func complete(_ line: String) -> Completion {
    let endsWithBlank = line.last == " " || line.last == "\t"
    var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    let word = endsWithBlank ? "" : (words.popLast() ?? "")

    let (commandName, previous) = commandAndPrevious(words)
    if let previous, GlobalOptions.valueOptions.contains(previous) {
      return completePath(word)
    }
    guard let commandName else {
      if word.hasPrefix("--") { return choose(word, from: globalOptions) }
      return choose(word, from: table.allNames)
    }
    guard let command = table.command(named: commandName) else {
      return Completion(word: word, replacement: nil, candidates: [])
    }
    if let previous, command.valueOptions.contains(previous) {
      return completePath(word)
    }
    if word.hasPrefix("--") {
      return choose(word, from: command.flags + command.valueOptions + globalOptions)
    }

    switch command.completion {
    case .none: return Completion(word: word, replacement: nil, candidates: [])
    case .command: return choose(word, from: table.allNames)
    case .lesson: return choose(word, from: sources.lessonIDs())
    case .exercise: return choose(word, from: sources.exerciseIDs())
    case .optimizer: return choose(word, from: sources.optimizerNames, ignoringCase: true)
    case .path: return completePath(word)
    case .words(let list): return choose(word, from: list)
    }
  }

  private var globalOptions: [String] { GlobalOptions.valueOptions + GlobalOptions.flags }

  /// Finds the command name (the first word that is not a global option or its value) and
  /// the word just before the one being completed.
  private func commandAndPrevious(_ words: [String]) -> (String?, String?) {
    var index = 0
    while index < words.count {
      let word = words[index]
      if GlobalOptions.valueOptions.contains(word) {
        index += 2
      } else if GlobalOptions.flags.contains(word) || word.hasPrefix("--") {
        index += 1
      } else {
        return (word, words.last)
      }
    }
    return (nil, words.last)
  }

  private func choose(_ word: String, from names: [String], ignoringCase: Bool = false)
    -> Completion
  {
    let matches = Array(
      Set(
        names.filter { name in
          ignoringCase ? name.lowercased().hasPrefix(word.lowercased()) : name.hasPrefix(word)
        })
    ).sorted()
    return Completion(
      word: word, replacement: Self.extend(word, matches.map { ($0, false) }), candidates: matches)
  }

  private func completePath(_ word: String) -> Completion {
    let slash = word.lastIndex(of: "/")
    let typedFolder = slash.map { String(word[...$0]) } ?? ""
    let base = slash.map { String(word[word.index(after: $0)...]) } ?? word

    var folder = typedFolder.isEmpty ? "." : typedFolder
    if let home = sources.homeDirectory, folder == "~/" || folder.hasPrefix("~/") {
      folder = home + "/" + folder.dropFirst(2)
    }
    let entries = (sources.listDirectory(folder) ?? [])
      .filter { $0.name.hasPrefix(base) && (base.hasPrefix(".") || !$0.name.hasPrefix(".")) }
      .sorted { $0.name < $1.name }

    let full = entries.map { (typedFolder + $0.name, $0.isDirectory) }
    let candidates = entries.map { $0.isDirectory ? $0.name + "/" : $0.name }
    return Completion(word: word, replacement: Self.extend(word, full), candidates: candidates)
  }

  /// Returns the replacement for `word` given its matches: a unique match plus its terminator, else
  /// the longest common prefix when it is longer than `word`.
  private static func extend(_ word: String, _ matches: [(String, Bool)]) -> String? {
    guard let first = matches.first else { return nil }
    if matches.count == 1 {
      return first.0 + (first.1 ? "/" : " ")
    }
    var prefix = first.0
    for (match, _) in matches.dropFirst() {
      while !match.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix.count > word.count ? prefix : nil
  }
}
