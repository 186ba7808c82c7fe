/// Builds a ``Lesson`` from the text of one Markdown file.
public enum LessonParser {
  /// Parses `source` into a lesson.
  ///
  /// - Parameters:
  ///   - fileName: the file's name, for the id and title when front matter and headings give
  ///     none; its extension is dropped.
  ///   - path: stored on the lesson for messages.
  public static func parse(_ source: String, fileName: String, path: String? = nil) -> Lesson {
    var text = source
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let frontMatter = FrontMatter.split(text)
    let blocks = MarkdownDocument.parse(frontMatter.body, lineOffset: frontMatter.lineCount)
    var warnings: [String] = []
    let fields = frontMatter.fields

    let baseName = stem(of: fileName)
    var id = slug(baseName)
    if let written = fields["id"].map(FrontMatter.unquoted) {
      let cleaned = slug(written)
      if cleaned.isEmpty {
        warnings.append("front matter id '\(written)' has no letters or digits; using '\(id)'")
      } else {
        if cleaned != written {
          warnings.append("front matter id '\(written)' is not kebab-case; using '\(cleaned)'")
        }
        id = cleaned
      }
    }
    if id.isEmpty { id = "lesson" }

    var order: Int?
    if let written = fields["order"] {
      if let value = Int(FrontMatter.unquoted(written)) {
        order = value
      } else {
        warnings.append("front matter order '\(written)' is not a whole number; sorted by name")
      }
    }

    let heading = firstHeading(in: blocks)
    let title =
      fields["title"].map(FrontMatter.unquoted).flatMap { $0.isEmpty ? nil : $0 }
      ?? heading ?? humanized(baseName)

    return Lesson(
      id: id, title: title, order: order,
      exercises: fields["exercises"].map(FrontMatter.list) ?? [],
      prerequisites: fields["prerequisites"].map(FrontMatter.list) ?? [],
      frontMatter: fields, steps: steps(of: blocks, lessonTitle: title), path: path,
      warnings: warnings)
  }

  /// Splits blocks into steps at every level-2 heading and every thematic break.
  ///
  /// A level-2 heading opens its step and stays in it. Text before the first split point is
  /// the first step. A run of blocks that holds only headings, such as the `#` title above
  /// the first `##`, joins the step after it instead of becoming a step of its own.
  public static func steps(of blocks: [Block], lessonTitle: String) -> [Step] {
    // cmark gathers footnote definitions at the end of the document. Each one goes back to
    // the step that first refers to it, so a step shows its own notes.
    var definitions: [(label: String, block: Block)] = []
    var body: [Block] = []
    for block in blocks {
      if case .footnoteDefinition(let label, _) = block {
        definitions.append((label, block))
      } else {
        body.append(block)
      }
    }
    var steps = splitSteps(body, lessonTitle: lessonTitle)
    if steps.isEmpty, !definitions.isEmpty {
      steps.append(Step(title: lessonTitle, blocks: []))
    }
    for (label, definition) in definitions {
      let target =
        steps.firstIndex { footnoteLabels(in: $0.blocks).contains(label) } ?? steps.count - 1
      steps[target].blocks.append(definition)
    }
    return steps
  }

  private static func splitSteps(_ blocks: [Block], lessonTitle: String) -> [Step] {
    var steps: [Step] = []
    var current: [Block] = []
    var currentTitle: String?

    func close() {
      let hasContent = current.contains { block in
        if case .heading = block { return false }
        return true
      }
      guard hasContent else { return }
      steps.append(Step(title: currentTitle ?? lessonTitle, blocks: current))
      current = []
      currentTitle = nil
    }

    for block in blocks {
      switch block {
      case .heading(2, let content):
        close()
        current.append(block)
        let title = Inline.plainText(of: content).trimmingSpaces
        currentTitle = title.isEmpty ? nil : String(title)
      case .thematicBreak:
        close()
      default:
        current.append(block)
      }
    }
    close()
    if steps.isEmpty, !current.isEmpty {
      steps.append(Step(title: currentTitle ?? lessonTitle, blocks: current))
    }
    return steps
  }

  /// Labels of footnote references anywhere in `blocks`, found without recursion.
  static func footnoteLabels(in blocks: [Block]) -> Set<String> {
    var labels: Set<String> = []
    var pendingBlocks = blocks
    var pendingInlines: [Inline] = []
    while let block = pendingBlocks.popLast() {
      switch block {
      case .heading(_, let content), .paragraph(let content): pendingInlines += content
      case .quote(let children), .footnoteDefinition(_, let children): pendingBlocks += children
      case .list(let list): pendingBlocks += list.items.flatMap(\.blocks)
      case .table(let table):
        pendingInlines += (table.header + table.rows.flatMap { $0 }).flatMap { $0 }
      default: break
      }
      while let inline = pendingInlines.popLast() {
        switch inline {
        case .footnoteReference(let label): labels.insert(label)
        case .emphasis(let children), .strong(let children), .strikethrough(let children),
          .link(_, _, let children):
          pendingInlines += children
        default: break
        }
      }
    }
    return labels
  }

  /// `name` lowercased with every run of other characters turned into one `-`.
  public static func slug(_ name: String) -> String {
    var result = ""
    var pendingDash = false
    for character in name.lowercased() {
      if character.isLetter || character.isNumber {
        if pendingDash, !result.isEmpty { result.append("-") }
        pendingDash = false
        result.append(character)
      } else {
        pendingDash = true
      }
    }
    return result
  }

  static func stem(of fileName: String) -> String {
    let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  private static func humanized(_ stem: String) -> String {
    let words = stem.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
    let title = words.joined(separator: " ")
    return title.isEmpty ? stem : title.prefix(1).uppercased() + title.dropFirst()
  }

  private static func firstHeading(in blocks: [Block]) -> String? {
    for block in blocks {
      if case .heading(_, let content) = block {
        let text = Inline.plainText(of: content).trimmingSpaces
        if !text.isEmpty { return String(text) }
      }
    }
    return nil
  }
}
