import CCmarkGFM

/// Converts GitHub-flavoured Markdown into ``Block`` values using libcmark-gfm.
///
/// No cmark pointer outlives ``parse(_:lineOffset:)``. Nesting deeper than
/// ``maximumDepth`` (block quotes in block quotes, emphasis in emphasis) is flattened into
/// plain text so that the conversion and every renderer recurse a bounded number of times.
public enum MarkdownDocument {
  /// Maximum nesting of blocks and inlines; deeper content is flattened to text.
  public static let maximumDepth = 32

  /// Parses `source` into blocks. `lineOffset` is added to source line numbers, for text that
  /// followed front matter.
  public static func parse(_ source: String, lineOffset: Int = 0) -> [Block] {
    var math = MathSpans()
    let prepared = math.extract(from: source)
    cmark_gfm_core_extensions_ensure_registered()

    let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
    guard let parser = cmark_parser_new(options) else { return [] }
    defer { cmark_parser_free(parser) }
    for name in ["table", "strikethrough", "autolink", "tasklist"] {
      if let extensionPointer = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, extensionPointer)
      }
    }
    prepared.utf8CString.withUnsafeBufferPointer { buffer in
      cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
    }
    guard let document = cmark_parser_finish(parser) else { return [] }
    defer { cmark_node_free(document) }

    let converter = Converter(math: math, lineOffset: lineOffset)
    return converter.blocks(ofChildrenOf: document, depth: 0)
  }
}

private struct Converter {
  let math: MathSpans
  let lineOffset: Int

  func blocks(ofChildrenOf node: OpaquePointer, depth: Int) -> [Block] {
    var result: [Block] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      if let block = block(current, depth: depth) { result.append(block) }
      child = cmark_node_next(current)
    }
    return result
  }

  func block(_ node: OpaquePointer, depth: Int) -> Block? {
    if depth >= MarkdownDocument.maximumDepth {
      return .paragraph([.text(flattenedText(node))])
    }
    let type = cmark_node_get_type(node)
    switch type {
    case CMARK_NODE_PARAGRAPH:
      let content = inlines(ofChildrenOf: node, depth: depth + 1)
      if content.count == 1, case .math(let tex) = content[0], isDisplayParagraph(node) {
        return .displayMath(tex)
      }
      return .paragraph(content)
    case CMARK_NODE_HEADING:
      return .heading(
        level: Int(cmark_node_get_heading_level(node)),
        content: inlines(ofChildrenOf: node, depth: depth + 1))
    case CMARK_NODE_CODE_BLOCK:
      var text = math.restoringOriginals(string(cmark_node_get_literal(node)))
      if text.hasSuffix("\n") { text.removeLast() }
      let info = math.restoringOriginals(string(cmark_node_get_fence_info(node)))
      let line = Int(cmark_node_get_start_line(node)) + lineOffset
      return .code(CodeBlock(info: String(info.trimmingSpaces), text: text, line: line))
    case CMARK_NODE_BLOCK_QUOTE:
      return .quote(blocks(ofChildrenOf: node, depth: depth + 1))
    case CMARK_NODE_LIST:
      return .list(list(node, depth: depth))
    case CMARK_NODE_THEMATIC_BREAK:
      return .thematicBreak
    case CMARK_NODE_HTML_BLOCK:
      var text = math.restoringOriginals(string(cmark_node_get_literal(node)))
      while text.hasSuffix("\n") { text.removeLast() }
      return .html(text)
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return .footnoteDefinition(
        label: footnoteLabel(node),
        blocks: blocks(ofChildrenOf: node, depth: depth + 1))
    default:
      if typeName(node) == "table" { return .table(table(node, depth: depth)) }
      let text = flattenedText(node)
      return text.isEmpty ? nil : .paragraph([.text(text)])
    }
  }

  private func list(_ node: OpaquePointer, depth: Int) -> ListBlock {
    var items: [ListItem] = []
    var child = cmark_node_first_child(node)
    while let item = child {
      let task: Bool? =
        typeName(item) == "tasklist"
        ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil
      items.append(ListItem(task: task, blocks: blocks(ofChildrenOf: item, depth: depth + 1)))
      child = cmark_node_next(item)
    }
    return ListBlock(
      isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
      start: Int(cmark_node_get_list_start(node)),
      isTight: cmark_node_get_list_tight(node) != 0,
      items: items)
  }

  private func table(_ node: OpaquePointer, depth: Int) -> Table {
    let columns = Int(cmark_gfm_extensions_get_table_columns(node))
    var alignments: [Table.Alignment] = []
    if let raw = cmark_gfm_extensions_get_table_alignments(node) {
      for index in 0..<columns {
        switch raw[index] {
        case UInt8(ascii: "l"): alignments.append(.left)
        case UInt8(ascii: "c"): alignments.append(.center)
        case UInt8(ascii: "r"): alignments.append(.right)
        default: alignments.append(.none)
        }
      }
    }
    var header: [[Inline]] = []
    var rows: [[[Inline]]] = []
    var rowNode = cmark_node_first_child(node)
    while let row = rowNode {
      var cells: [[Inline]] = []
      var cellNode = cmark_node_first_child(row)
      while let cell = cellNode {
        cells.append(inlines(ofChildrenOf: cell, depth: depth + 2))
        cellNode = cmark_node_next(cell)
      }
      if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
        header = cells
      } else {
        rows.append(cells)
      }
      rowNode = cmark_node_next(row)
    }
    return Table(alignments: alignments, header: header, rows: rows)
  }

  func inlines(ofChildrenOf node: OpaquePointer, depth: Int) -> [Inline] {
    var result: [Inline] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      append(inline(current, depth: depth), to: &result)
      child = cmark_node_next(current)
    }
    return expandMath(result)
  }

  private func inline(_ node: OpaquePointer, depth: Int) -> Inline {
    if depth >= MarkdownDocument.maximumDepth {
      return .text(math.restoringOriginals(flattenedText(node)))
    }
    switch cmark_node_get_type(node) {
    case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE:
      return .code(math.restoringOriginals(string(cmark_node_get_literal(node))))
    case CMARK_NODE_HTML_INLINE:
      return .html(math.restoringOriginals(string(cmark_node_get_literal(node))))
    case CMARK_NODE_EMPH: return .emphasis(inlines(ofChildrenOf: node, depth: depth + 1))
    case CMARK_NODE_STRONG: return .strong(inlines(ofChildrenOf: node, depth: depth + 1))
    case CMARK_NODE_LINK:
      return .link(
        destination: math.restoringOriginals(string(cmark_node_get_url(node))),
        title: math.restoringOriginals(string(cmark_node_get_title(node))),
        content: inlines(ofChildrenOf: node, depth: depth + 1))
    case CMARK_NODE_IMAGE:
      return .image(
        source: math.restoringOriginals(string(cmark_node_get_url(node))),
        title: math.restoringOriginals(string(cmark_node_get_title(node))),
        alt: math.restoringOriginals(flattenedText(node)))
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      return .footnoteReference(string(cmark_node_get_literal(node)))
    default:
      if typeName(node) == "strikethrough" {
        return .strikethrough(inlines(ofChildrenOf: node, depth: depth + 1))
      }
      return .text(flattenedText(node))
    }
  }

  /// Appends `inline`, merging neighbouring text so placeholders split by cmark come together.
  private func append(_ inline: Inline, to result: inout [Inline]) {
    if case .text(let text) = inline, case .text(let previous)? = result.last {
      result[result.count - 1] = .text(previous + text)
    } else {
      result.append(inline)
    }
  }

  private func expandMath(_ inlines: [Inline]) -> [Inline] {
    var expanded: [Inline] = []
    for inline in inlines {
      guard case .text(let text) = inline, MathSpans.containsPlaceholder(text) else {
        expanded.append(inline)
        continue
      }
      for piece in math.pieces(of: text) {
        switch piece {
        case .text(let text) where !text.isEmpty: expanded.append(.text(text))
        case .text: break
        case .span(let index): expanded.append(.math(math.spans[index].tex))
        }
      }
    }
    return expanded
  }

  private func isDisplayParagraph(_ node: OpaquePointer) -> Bool {
    guard let child = cmark_node_first_child(node),
      cmark_node_get_type(child) == CMARK_NODE_TEXT
    else { return false }
    let text = string(cmark_node_get_literal(child))
    guard case .span(let index)? = math.pieces(of: text).first else { return false }
    return math.spans[index].isDisplay
  }

  /// Collects all literal text under `node`, using with cmark's iterator instead of recursion.
  func flattenedText(_ node: OpaquePointer) -> String {
    guard let iterator = cmark_iter_new(node) else { return "" }
    defer { cmark_iter_free(iterator) }
    var text = ""
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else {
        if event == CMARK_EVENT_EXIT, let current = cmark_iter_get_node(iterator),
          cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH
        {
          text += " "
        }
        continue
      }
      switch cmark_node_get_type(current) {
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
      default:
        if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
      }
    }
    return math.restoringOriginals(String(text.trimmingSpaces))
  }

  /// Returns the number of a footnote definition. cmark numbers references 1, 2, … in order of first
  /// use, gives a reference that number as its literal, and orders definitions the same way,
  /// so the k-th definition is footnote k.
  private func footnoteLabel(_ node: OpaquePointer) -> String {
    var number = 1
    var previous = cmark_node_previous(node)
    while let sibling = previous {
      if cmark_node_get_type(sibling) == CMARK_NODE_FOOTNOTE_DEFINITION { number += 1 }
      previous = cmark_node_previous(sibling)
    }
    return String(number)
  }

  private func typeName(_ node: OpaquePointer) -> String {
    string(cmark_node_get_type_string(node))
  }

  private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }
}
