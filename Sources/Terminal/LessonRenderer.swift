import Foundation
import Lessons

/// Settings for rendered text: its width and whether escape codes may be used.
public struct RenderOptions: Equatable, Sendable {
  /// Columns available; text wraps to this, code blocks never do.
  public var width: Int
  /// Whether SGR colour and style codes may be written. When false, no escape code at all is.
  public var usesColor: Bool
  /// Whether links are written as OSC 8 hyperlinks; only takes effect when `usesColor` is on.
  /// Otherwise a link is shown as `text (url)`.
  public var hyperlinks: Bool

  public init(width: Int, usesColor: Bool, hyperlinks: Bool) {
    self.width = width
    self.usesColor = usesColor
    self.hyperlinks = hyperlinks
  }

  /// Plain text at `width` columns: no escape codes, links as `text (url)`.
  public static func plain(width: Int) -> RenderOptions {
    RenderOptions(width: width, usesColor: false, hyperlinks: false)
  }

  var writesHyperlinks: Bool { usesColor && hyperlinks }
}

/// Renders lesson blocks to terminal text.
public struct LessonRenderer: Sendable {
  public var options: RenderOptions

  /// Narrower than this, nested blocks stop indenting further so text still has room.
  static let minimumContentWidth = 12

  public init(options: RenderOptions) {
    self.options = options
  }

  /// Renders `blocks` separated by blank lines; the result ends with a newline.
  public func render(_ blocks: [Block]) -> String {
    Emitter.text(
      of: lines(of: blocks, width: options.width, listDepth: 0), usesColor: options.usesColor,
      hyperlinks: options.writesHyperlinks)
  }

  /// Renders one step's blocks.
  public func render(step: Step) -> String { render(step.blocks) }

  /// Returns a line naming a step, such as `── Adam · step 2 of 5: The update ──`, for separating
  /// steps when a whole lesson is printed and for the top of a paged step.
  public func stepBanner(lesson: Lesson, stepNumber: Int) -> String {
    let title =
      lesson.steps.indices.contains(stepNumber - 1)
      ? lesson.steps[stepNumber - 1].title : ""
    var label = "\(lesson.title) · step \(stepNumber) of \(lesson.steps.count)"
    if !title.isEmpty, title != lesson.title { label += ": \(title)" }
    // The label is cut so that `── `, a space and at least `──` of rule still fit the width.
    let labelWidth = max(1, options.width - 6)
    let text = "── \(DisplayWidth.truncated(Emitter.sanitized(label), toWidth: labelWidth)) "
    let fill = max(2, options.width - DisplayWidth.of(text))
    let line: StyledLine = [
      Segment(text + String(repeating: "─", count: fill), TextStyle(dim: true))
    ]
    return Emitter.text(of: [line], usesColor: options.usesColor, hyperlinks: false)
  }

  /// Renders inline content as wrapped lines, for callers that show one sentence or title.
  public func render(_ inlines: [Inline]) -> String {
    Emitter.text(
      of: Wrapper.wrap(segments(inlines, base: .plain), width: options.width),
      usesColor: options.usesColor, hyperlinks: options.writesHyperlinks)
  }

  /// Renders a table of plain strings, for commands that print tabular results.
  public func renderTable(
    header: [String], rows: [[String]], alignments: [Table.Alignment] = []
  ) -> String {
    let lines = TableLayout.lines(
      header: header.map { [Segment(Emitter.sanitized($0))] },
      rows: rows.map { $0.map { [Segment(Emitter.sanitized($0))] } },
      alignments: alignments, width: options.width, headerStyle: TextStyle(bold: true),
      ruleStyle: TextStyle(dim: true))
    return Emitter.text(of: lines, usesColor: options.usesColor, hyperlinks: false)
  }

  // MARK: - Blocks

  func lines(of blocks: [Block], width: Int, listDepth: Int, tight: Bool = false)
    -> [StyledLine]
  {
    var output: [StyledLine] = []
    for (index, block) in blocks.enumerated() {
      if index > 0, !tight { output.append([]) }
      output.append(contentsOf: lines(of: block, width: width, listDepth: listDepth))
    }
    return output
  }

  private func lines(of block: Block, width: Int, listDepth: Int) -> [StyledLine] {
    switch block {
    case .heading(let level, let content):
      return heading(level: level, content: content, width: width)
    case .paragraph(let content):
      return Wrapper.wrap(segments(content, base: .plain), width: width)
    case .code(let code):
      return codeBlock(code, width: width)
    case .quote(let children):
      let inner = max(Self.minimumContentWidth, width - 2)
      let bar = Segment("│ ", TextStyle(foreground: .green))
      return lines(of: children, width: inner, listDepth: listDepth).map { [bar] + $0 }
    case .list(let list):
      return listLines(list, width: width, depth: listDepth)
    case .table(let table):
      return TableLayout.lines(
        header: table.header.map { segments($0, base: .plain) },
        rows: table.rows.map { $0.map { segments($0, base: .plain) } },
        alignments: table.alignments, width: width,
        headerStyle: TextStyle(bold: true), ruleStyle: TextStyle(dim: true))
    case .thematicBreak:
      return [[Segment(String(repeating: "─", count: max(3, width)), TextStyle(dim: true))]]
    case .html(let html):
      return html.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
        Wrapper.wrap([Segment(Emitter.sanitized(String($0)), TextStyle(dim: true))], width: width)
      }
    case .displayMath(let tex):
      let text = Emitter.sanitized(TeX.unicode(tex))
      return Wrapper.wrap([Segment(text, TextStyle(italic: true))], width: max(1, width - 4)).map {
        [Segment("    ")] + $0
      }
    case .footnoteDefinition(let label, let children):
      let marker = "[^\(Emitter.sanitized(label))]: "
      let markerWidth = DisplayWidth.of(marker)
      let inner = max(Self.minimumContentWidth, width - markerWidth)
      let body = lines(of: children, width: inner, listDepth: listDepth, tight: true)
      return body.enumerated().map { index, line in
        let prefix =
          index == 0
          ? Segment(marker, TextStyle(dim: true))
          : Segment(String(repeating: " ", count: markerWidth))
        return [prefix] + line
      }
    }
  }

  private func heading(level: Int, content: [Inline], width: Int) -> [StyledLine] {
    switch level {
    case 1:
      let style = TextStyle(bold: true, foreground: .magenta)
      let text = Wrapper.wrap(segments(content, base: style), width: width)
      let ruleWidth = min(width, text.map(Wrapper.width(of:)).max() ?? 0)
      return text + [[Segment(String(repeating: "═", count: max(3, ruleWidth)), style)]]
    case 2:
      let style = TextStyle(bold: true, foreground: .cyan)
      let text = Wrapper.wrap(segments(content, base: style), width: width)
      let ruleWidth = min(width, text.map(Wrapper.width(of:)).max() ?? 0)
      return text + [[Segment(String(repeating: "─", count: max(3, ruleWidth)), style)]]
    default:
      // Levels 3 to 6 keep their number of `#` marks so each level stays distinct without
      // colour.
      let marks = String(repeating: "#", count: min(max(level, 3), 6)) + " "
      let style = TextStyle(bold: true, foreground: level == 3 ? .blue : nil)
      let markWidth = marks.count
      let text = Wrapper.wrap(
        segments(content, base: style), width: max(1, width - markWidth))
      return text.enumerated().map { index, line in
        let prefix =
          index == 0
          ? Segment(marks, TextStyle(dim: true))
          : Segment(String(repeating: " ", count: markWidth))
        return [prefix] + line
      }
    }
  }

  private func listLines(_ list: ListBlock, width: Int, depth: Int) -> [StyledLine] {
    let bullets = ["•", "◦", "▪", "▫"]
    let lastNumber = list.start + max(0, list.items.count - 1)
    let numberWidth = max(String(list.start).count, String(lastNumber).count)
    var output: [StyledLine] = []
    for (index, item) in list.items.enumerated() {
      var marker: String
      if list.isOrdered {
        let number = String(list.start + index)
        marker = String(repeating: " ", count: numberWidth - number.count) + number + "."
      } else {
        marker = bullets[depth % bullets.count]
      }
      if let task = item.task { marker += task ? " [x]" : " [ ]" }
      marker += " "
      let markerWidth = DisplayWidth.of(marker)
      let inner = max(Self.minimumContentWidth, width - markerWidth)
      var body = lines(of: item.blocks, width: inner, listDepth: depth + 1, tight: list.isTight)
      if body.isEmpty { body = [[]] }
      if index > 0, !list.isTight { output.append([]) }
      for (lineIndex, line) in body.enumerated() {
        let prefix =
          lineIndex == 0
          ? Segment(marker, TextStyle(foreground: .yellow))
          : Segment(String(repeating: " ", count: markerWidth))
        output.append([prefix] + line)
      }
    }
    return output
  }

  // MARK: - Code

  private func codeBlock(_ code: CodeBlock, width: Int) -> [StyledLine] {
    let frame = TextStyle(dim: true)
    var label: String
    var body: [StyledLine]
    let text = Emitter.sanitized(code.text.expandingTabs)
    switch code.kind {
    case .workedExample:
      if let rendered = workedExample(code, width: width) { return rendered }
      label = "worked-example (not valid, shown as written)"
      body = plainLines(text)
    case .experiment:
      label = "experiment · runnable: type `run` to execute it"
      body = plainLines(text)
    case .swiftCell:
      label = "swift cell · runnable: type `run` to execute it"
      body = options.usesColor ? SwiftHighlighter.highlight(text) : plainLines(text)
    case .code(let language):
      label = language.map(Emitter.sanitized) ?? "code"
      let isSwift = language?.lowercased() == "swift"
      body = isSwift && options.usesColor ? SwiftHighlighter.highlight(text) : plainLines(text)
    }
    var output: [StyledLine] = [
      [Segment("┌─ ", frame), Segment(label, TextStyle(italic: true, dim: true))]
    ]
    output += body.map { [Segment("│ ", frame)] + $0 }
    output.append([Segment("└─", frame)])
    return output
  }

  private func plainLines(_ text: String) -> [StyledLine] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { [Segment(String($0))] }
  }

  /// Lays out a worked example as a header line and a table of steps, or returns nil when
  /// the block does not parse.
  private func workedExample(_ code: CodeBlock, width: Int) -> [StyledLine]? {
    guard let example = try? WorkedExample.parse(code.text, firstLine: code.line + 1) else {
      return nil
    }
    var summary = "Worked example: \(example.optimizer)"
    let settings = example.hyperparameters.map { "\($0.name) = \($0.written)" }
    if !settings.isEmpty { summary += " (" + settings.joined(separator: ", ") + ")" }
    let start = "θ₀ = " + example.initial.map(Self.number).joined(separator: ", ")

    // The reference fills the cells the text leaves out. Without it (a block the reference
    // cannot run), the table shows only the claimed values.
    let reference = try? example.referenceSteps()
    var quantities: [String] = []
    for name in reference?.first?.names ?? []
    where example.claims.contains(where: { $0.quantity == name }) {
      quantities.append(name)
    }
    for claim in example.claims where !quantities.contains(claim.quantity) {
      quantities.append(claim.quantity)
    }

    func claim(step: Int, quantity: String) -> WorkedExample.Claim? {
      example.claims.last { $0.step == step && $0.quantity == quantity }
    }
    // Marks tell claimed values from computed ones, so a table of claims alone has none.
    let marksClaims = (reference ?? []).contains { step in
      quantities.contains { claim(step: step.step, quantity: $0) == nil && step.values[$0] != nil }
    }

    var rows: [[[Segment]]] = []
    for (index, gradient) in example.gradients.enumerated() {
      let step = index + 1
      var row: [[Segment]] = [
        [Segment(String(step))],
        [Segment(Emitter.sanitized(gradient.map(Self.number).joined(separator: ", ")))],
      ]
      for quantity in quantities {
        if let claim = claim(step: step, quantity: quantity) {
          let text = Emitter.sanitized(claim.written.joined(separator: ", "))
          if !marksClaims {
            row.append([Segment(text)])
          } else if options.usesColor {
            row.append([Segment(text, TextStyle(bold: true))])
          } else {
            // A leading mark keeps the digits of a right-aligned column lined up.
            row.append([Segment("*" + text)])
          }
        } else if let values = reference?[index].values[quantity] {
          row.append([Segment(values.map(Self.referenceNumber).joined(separator: ", "))])
        } else {
          row.append([])
        }
      }
      rows.append(row)
    }

    let header = ["t", "g"] + quantities.map(Self.symbol(for:))
    let table = TableLayout.lines(
      header: header.map { [Segment(Emitter.sanitized($0))] }, rows: rows,
      alignments: [Table.Alignment](repeating: .right, count: header.count),
      width: max(Self.minimumContentWidth, width - 2), headerStyle: TextStyle(bold: true),
      ruleStyle: TextStyle(dim: true))
    let frame = TextStyle(dim: true)
    var output: [StyledLine] = Wrapper.wrap(
      [Segment(Emitter.sanitized(summary), TextStyle(bold: true))], width: width)
    output += Wrapper.wrap([Segment(Emitter.sanitized(start))], width: width)
    output += table.map { [Segment("  ", frame)] + $0 }
    if marksClaims {
      let note =
        options.usesColor
        ? "Bold values are stated in the text; the reference optimizer computed the rest."
        : "* stated in the text; the reference optimizer computed the rest."
      output += Wrapper.wrap([Segment(note, TextStyle(dim: true))], width: width - 2).map {
        [Segment("  ", frame)] + $0
      }
    }
    return output
  }

  /// Returns the symbol a step table uses for a quantity: θ for parameters, m̂ for m_hat.
  static func symbol(for quantity: String) -> String {
    switch quantity {
    case "parameters": "θ"
    case "m_hat": "m̂"
    case "v_hat": "v̂"
    // AMSGrad's v_max is the maximum of the raw v, not of the bias-corrected v̂.
    case "v_max": "v_max"
    default: quantity
    }
  }

  /// Six significant digits, as `trace` prints by default.
  static func referenceNumber(_ value: Double) -> String {
    if value == 0 { return "0" }
    return String(format: "%.6g", value)
  }

  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  // MARK: - Inlines

  func segments(_ inlines: [Inline], base: TextStyle) -> [Segment] {
    var output: [Segment] = []
    for inline in inlines { append(inline, base: base, to: &output) }
    return output
  }

  private func append(_ inline: Inline, base: TextStyle, to output: inout [Segment]) {
    let color = options.usesColor
    switch inline {
    case .text(let text):
      output.append(Segment(Emitter.sanitized(text), base))
    case .emphasis(let children):
      var style = base
      style.italic = true
      wrapped(children, style: style, marker: color ? "" : "*", to: &output)
    case .strong(let children):
      var style = base
      style.bold = true
      wrapped(children, style: style, marker: color ? "" : "**", to: &output)
    case .strikethrough(let children):
      var style = base
      style.strikethrough = true
      wrapped(children, style: style, marker: color ? "" : "~~", to: &output)
    case .code(let code):
      var style = base
      style.foreground = .yellow
      let text = Emitter.sanitized(code)
      output.append(Segment(color ? text : "`\(text)`", style))
    case .link(let destination, _, let content):
      link(destination: destination, content: content, base: base, to: &output)
    case .image(let source, _, let alt):
      var style = base
      style.dim = true
      let description = alt.isEmpty ? "image" : "image: \(alt)"
      output.append(
        Segment(Emitter.sanitized("[\(description)] (\(source))"), style))
    case .math(let tex):
      var style = base
      style.italic = true
      output.append(Segment(Emitter.sanitized(TeX.unicode(tex)), style))
    case .footnoteReference(let label):
      var style = base
      style.dim = true
      output.append(Segment("[^\(Emitter.sanitized(label))]", style))
    case .html(let html):
      var style = base
      style.dim = true
      output.append(Segment(Emitter.sanitized(html), style))
    case .softBreak:
      output.append(Segment(" ", base))
    case .lineBreak:
      output.append(Segment("\n", base))
    }
  }

  private func wrapped(
    _ children: [Inline], style: TextStyle, marker: String, to output: inout [Segment]
  ) {
    if !marker.isEmpty { output.append(Segment(marker, style)) }
    for child in children { append(child, base: style, to: &output) }
    if !marker.isEmpty { output.append(Segment(marker, style)) }
  }

  private func link(
    destination: String, content: [Inline], base: TextStyle, to output: inout [Segment]
  ) {
    var style = base
    style.underline = true
    style.foreground = .blue
    let url = Emitter.sanitized(destination)
    if options.writesHyperlinks { style.link = url }
    var inner = segments(content, base: style)
    let visible = Inline.plainText(of: content)
    if inner.isEmpty { inner = [Segment(url, style)] }
    output.append(contentsOf: inner)
    let showsURL =
      !options.writesHyperlinks && !url.isEmpty && visible != destination
      && "mailto:" + visible != destination
    if showsURL {
      var urlStyle = base
      urlStyle.dim = true
      output.append(Segment(" (\(url))", urlStyle))
    }
  }
}

extension String {
  /// Tabs replaced by spaces up to the next multiple of 4 columns, so code lines up the same
  /// in every terminal.
  fileprivate var expandingTabs: String {
    guard contains("\t") else { return self }
    var output = ""
    var column = 0
    for character in self {
      if character == "\t" {
        let spaces = 4 - column % 4
        output += String(repeating: " ", count: spaces)
        column += spaces
      } else {
        output.append(character)
        column = character == "\n" ? 0 : column + DisplayWidth.of(character)
      }
    }
    return output
  }
}
