import Lessons

/// A runnable code block of a lesson: an `experiment` cell or a `swift cell`.
public struct RunnableCell: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case experiment
    case swift
  }

  public var kind: Kind
  /// The 1-based number among the lesson's runnable cells, as `run LESSON CELL` takes it.
  public var number: Int
  /// The 1-based step the cell belongs to.
  public var step: Int
  public var block: CodeBlock
  /// For a Swift cell, the exercise ids after `swift cell` in the info string, whose
  /// workspace files the cell is compiled with.
  public var exerciseIDs: [String]
  /// The lesson file, for compiler errors that name its lines; nil for a lesson parsed from
  /// text.
  public var path: String?

  /// The file line of the cell's first text line, one after the opening fence.
  public var firstLine: Int { block.line + 1 }
}

extension Lesson {
  /// The lesson's runnable cells in reading order.
  public var runnableCells: [RunnableCell] {
    var cells: [RunnableCell] = []
    for (step, block) in codeBlocks {
      let kind: RunnableCell.Kind
      switch block.kind {
      case .experiment: kind = .experiment
      case .swiftCell: kind = .swift
      default: continue
      }
      let words = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      let ids = kind == .swift ? Array(words.dropFirst(2)) : []
      cells.append(
        RunnableCell(
          kind: kind, number: cells.count + 1, step: step, block: block, exerciseIDs: ids,
          path: path))
    }
    return cells
  }
}
