/// Inline content of a paragraph, heading, table cell or link, converted from Markdown.
public indirect enum Inline: Equatable, Sendable {
  case text(String)
  case emphasis([Inline])
  case strong([Inline])
  case strikethrough([Inline])
  case code(String)
  case link(destination: String, title: String, content: [Inline])
  case image(source: String, title: String, alt: String)
  /// TeX written between `$…$`, kept as written; the renderer converts it.
  case math(String)
  case footnoteReference(String)
  /// Raw inline HTML, shown as text.
  case html(String)
  case softBreak
  case lineBreak
}

/// A block of a lesson: the unit that steps are made of.
public indirect enum Block: Equatable, Sendable {
  case heading(level: Int, content: [Inline])
  case paragraph([Inline])
  case code(CodeBlock)
  case quote([Block])
  case list(ListBlock)
  case table(Table)
  case thematicBreak
  /// Raw HTML, shown as text.
  case html(String)
  /// TeX written between `$$…$$` on lines of its own.
  case displayMath(String)
  case footnoteDefinition(label: String, blocks: [Block])
}

/// A fenced or indented code block.
public struct CodeBlock: Equatable, Sendable {
  /// The whole info string after the opening fence, such as `swift` or `worked-example`.
  public var info: String
  /// The code, ending without a trailing newline.
  public var text: String
  /// The 1-based line of the opening fence in the lesson file.
  public var line: Int

  public init(info: String, text: String, line: Int = 0) {
    self.info = info
    self.text = text
    self.line = line
  }

  /// What the block is for, from its info string.
  public enum Kind: Equatable, Sendable {
    case code(language: String?)
    case workedExample
    case experiment
    case swiftCell
  }

  public var kind: Kind {
    let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    switch words.first?.lowercased() {
    case nil: return .code(language: nil)
    case "worked-example": return .workedExample
    case "experiment": return .experiment
    case "swift" where words.count > 1 && words[1].lowercased() == "cell": return .swiftCell
    case let language?: return .code(language: language)
    }
  }
}

/// A bullet or ordered list.
public struct ListBlock: Equatable, Sendable {
  public var isOrdered: Bool
  /// The number of the first item of an ordered list.
  public var start: Int
  /// True when items are not separated by blank lines.
  public var isTight: Bool
  public var items: [ListItem]

  public init(isOrdered: Bool, start: Int = 1, isTight: Bool = true, items: [ListItem]) {
    self.isOrdered = isOrdered
    self.start = start
    self.isTight = isTight
    self.items = items
  }
}

public struct ListItem: Equatable, Sendable {
  /// nil for an ordinary item; true or false for a task-list item `[x]` or `[ ]`.
  public var task: Bool?
  public var blocks: [Block]

  public init(task: Bool? = nil, blocks: [Block]) {
    self.task = task
    self.blocks = blocks
  }
}

/// A GitHub table: one header row and any number of body rows of inline cells.
public struct Table: Equatable, Sendable {
  public enum Alignment: Equatable, Sendable {
    case none, left, center, right
  }

  public var alignments: [Alignment]
  public var header: [[Inline]]
  public var rows: [[[Inline]]]

  public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
    self.alignments = alignments
    self.header = header
    self.rows = rows
  }
}

/// One screenful-sized unit of a lesson that the learner steps through.
public struct Step: Equatable, Sendable {
  /// The step's `##` heading, else the lesson title.
  public var title: String
  public var blocks: [Block]

  public init(title: String, blocks: [Block]) {
    self.title = title
    self.blocks = blocks
  }
}

/// A lesson file parsed into steps.
public struct Lesson: Equatable, Sendable {
  public var id: String
  public var title: String
  /// Front matter `order`; lessons without one sort after those with one.
  public var order: Int?
  /// Exercise ids this lesson pairs with, from front matter `exercises`.
  public var exercises: [String]
  /// Lesson ids to read first, from front matter `prerequisites`.
  public var prerequisites: [String]
  /// Every front matter field as written, including ones this engine does not use.
  public var frontMatter: [String: String]
  public var steps: [Step]
  /// The file the lesson came from, or nil for lessons parsed from a string.
  public var path: String?
  /// Problems that did not stop the lesson from loading, such as an invalid `order`.
  public var warnings: [String]

  public init(
    id: String, title: String, order: Int? = nil, exercises: [String] = [],
    prerequisites: [String] = [], frontMatter: [String: String] = [:], steps: [Step],
    path: String? = nil, warnings: [String] = []
  ) {
    self.id = id
    self.title = title
    self.order = order
    self.exercises = exercises
    self.prerequisites = prerequisites
    self.frontMatter = frontMatter
    self.steps = steps
    self.path = path
    self.warnings = warnings
  }

  /// Every code block of the lesson in order, with the step (1-based) it belongs to.
  public var codeBlocks: [(step: Int, block: CodeBlock)] {
    var found: [(Int, CodeBlock)] = []
    for (index, step) in steps.enumerated() {
      // A stack of blocks still to visit, last element first, so document order is kept
      // without recursion.
      var pending = Array(step.blocks.reversed())
      while let block = pending.popLast() {
        switch block {
        case .code(let code): found.append((index + 1, code))
        case .quote(let children), .footnoteDefinition(_, let children):
          pending += children.reversed()
        case .list(let list): pending += list.items.flatMap(\.blocks).reversed()
        default: break
        }
      }
    }
    return found
  }
}

extension Inline {
  /// The text a reader sees, without any styling: used for titles and width estimates.
  public var plainText: String { Inline.plainText(of: [self]) }

  public static func plainText(of inlines: [Inline]) -> String {
    var result = ""
    var pending = inlines[...]
    var stack: [ArraySlice<Inline>] = []
    while true {
      guard let inline = pending.popFirst() else {
        guard let outer = stack.popLast() else { break }
        pending = outer
        continue
      }
      switch inline {
      case .text(let text), .code(let text), .html(let text): result += text
      case .math(let tex): result += tex
      case .emphasis(let children), .strong(let children), .strikethrough(let children),
        .link(_, _, let children):
        stack.append(pending)
        pending = children[...]
      case .image(_, _, let alt): result += alt
      case .footnoteReference(let label): result += "[\(label)]"
      case .softBreak, .lineBreak: result += " "
      }
    }
    return result
  }
}
