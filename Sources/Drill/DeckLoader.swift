import Foundation

/// Finds and reads decks from files, folders and the built-in resource.
public enum DeckLoader {
  /// Parses one deck's text, choosing the format from its content: the Optimlings format when
  /// it has a `### Key points` section or a `numeric` block, the notes' format otherwise.
  public static func parse(_ text: String, deckID: String, file: String) throws(DeckError) -> Deck {
    if DeckParser.recognizes(text) {
      return try DeckParser.parse(text, defaultDeckID: deckID, file: file)
    }
    let deck = NotesDeckParser.parse(text, deckID: deckID, file: file)
    guard !deck.questions.isEmpty else {
      throw DeckError(
        location: file,
        message:
          "no questions found; write them as '## question' sections with '### Key points' (see docs/deck-format.md) or as list items with bold quoted questions"
      )
    }
    return deck
  }

  /// Reads a deck file, or every `.md` file under a folder in path order.
  public static func load(path: String) throws(DeckError) -> [Deck] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DeckError(location: path, message: "deck not found; pass a .md file or a folder")
    }
    guard isDirectory.boolValue else { return [try loadFile(path)] }

    let root = URL(fileURLWithPath: path)
    guard let enumerator = FileManager.default.enumerator(atPath: path) else {
      throw DeckError(location: path, message: "cannot list the folder")
    }
    let files = enumerator.compactMap { $0 as? String }
      .filter { $0.lowercased().hasSuffix(".md") }
      .sorted()
    guard !files.isEmpty else {
      throw DeckError(location: path, message: "the folder has no .md deck files")
    }
    var decks: [Deck] = []
    var firstFile: [String: String] = [:]
    for file in files {
      let path = root.appendingPathComponent(file).path
      let deck = try loadFile(path)
      // Card ids are `deck id/question id`, so two files with one deck id would share cards.
      if let previous = firstFile[deck.id] {
        throw DeckError(
          location: path,
          message:
            "deck id '\(deck.id)' is also used by \(previous); give one file a different 'deck:' in its front matter or rename it"
        )
      }
      firstFile[deck.id] = path
      decks.append(deck)
    }
    return decks
  }

  static func loadFile(_ path: String) throws(DeckError) -> Deck {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw DeckError(location: path, message: "cannot read the file as UTF-8 text")
    }
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return try parse(text, deckID: name.slug(), file: path)
  }

  /// Loads the deck that ships with Optimlings.
  public static func builtIn() throws(DeckError) -> Deck {
    guard
      let url = Bundle.module.url(
        forResource: "interview", withExtension: "md", subdirectory: "Decks")
    else {
      throw DeckError(
        location: "interview.md",
        message: "the built-in deck is missing from the installation; reinstall or use --deck")
    }
    return try loadFile(url.path)
  }
}
