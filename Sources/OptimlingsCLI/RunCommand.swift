import Cells
import Foundation
import Lessons
import Plots
import Store
import Terminal

enum RunCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "run",
    summary: "Run a lesson's cells (every cell, or cell N) and show their plots.",
    usage: "[LESSON_OR_PATH [CELL]] [--svg FILE] [--fresh]",
    flags: ["--fresh"], valueOptions: ["--svg"], completion: .lesson
  ) { arguments, context in
    let positionals = arguments.positionals
    guard positionals.count <= 2 else {
      throw CommandError.usage(
        "'run' takes a lesson and at most one cell number, got: \(positionals.joined(separator: " "))"
      )
    }

    let lesson: Lesson
    var cells: [RunnableCell]
    if let reference = positionals.first {
      lesson = try OpenCommand.resolve(reference, context: context)
      cells = lesson.runnableCells
      guard !cells.isEmpty else {
        throw CommandError(.failure, "lesson '\(lesson.id)' has no runnable cells")
      }
      if positionals.count == 2 {
        guard let number = Int(positionals[1]), cells.indices.contains(number - 1) else {
          let available = cells.count == 1 ? "only cell 1" : "cells 1 to \(cells.count)"
          throw CommandError.usage(
            "invalid cell '\(positionals[1])': lesson '\(lesson.id)' has \(available)")
        }
        cells = [cells[number - 1]]
      }
    } else {
      (lesson, cells) = try cellsAtCurrentStep(context: context)
    }

    try requireTrust(lesson: lesson, context: context)
    let environment = try cellEnvironment(context: context, fresh: arguments.has("--fresh"))
    let svgPath = arguments.value("--svg")
    var figureCount = 0

    for (index, cell) in cells.enumerated() {
      if index > 0 { context.console.print() }
      context.console.print(heading(cell, lesson: lesson, unicode: context.console.isUTF8))
      let cancellation = context.cancellation
      let run: CellRun
      do {
        run = try CellExecutor.run(
          cell, environment: environment, isCancelled: { cancellation.isCancelled })
      } catch let error as CellError where error == .cancelled {
        throw CommandError(.failure, "cell \(cell.number) cancelled; nothing was cached")
      } catch {
        throw CommandError(.failure, "cell \(cell.number) of \(locate(lesson)) failed: \(error)")
      }
      show(run.output, console: context.console)
      if run.wasCached {
        context.console.print("(cached result; add --fresh to run it again)")
      }
      if let svgPath {
        for figure in run.output.figures {
          figureCount += 1
          let path = numberedPath(svgPath, number: figureCount)
          do {
            try SVGPlot.document(figure.figure()).write(
              toFile: path, atomically: true, encoding: .utf8)
          } catch {
            throw CommandError(
              .failure, "could not write \(path): \(error.localizedDescription)")
          }
          context.console.print("Wrote \(path)")
        }
      }
    }
    return .success
  }

  /// Finds the cells of the REPL's current step.
  static func cellsAtCurrentStep(context: CommandContext) throws -> (Lesson, [RunnableCell]) {
    guard let lessonID = context.session.lessonID else {
      throw CommandError.usage(
        "no lesson is open; give one (`run LESSON [CELL]`) or open one first with `open LESSON`")
    }
    let lesson = try OpenCommand.resolve(lessonID, context: context)
    let step = context.session.step
    let all = lesson.runnableCells
    let here = all.filter { $0.step == step }
    guard !here.isEmpty else {
      let elsewhere = Set(all.map(\.step)).sorted().map(String.init)
      let hint =
        elsewhere.isEmpty
        ? "this lesson has no runnable cells"
        : "cells are at step \(elsewhere.joined(separator: ", ")); run one with `run \(lesson.id) CELL`"
      throw CommandError(.failure, "step \(step) of '\(lesson.id)' has no runnable cell; \(hint)")
    }
    return (lesson, here)
  }

  /// Rejects cells of lessons that did not come from Optimlings' own lessons folder unless
  /// `--trust` was given, because a cell runs code on the learner's machine.
  static func requireTrust(lesson: Lesson, context: CommandContext) throws {
    guard !context.globals.trust else { return }
    if context.globals.lessonsDirectory != nil {
      throw CommandError(
        .failure,
        "not running cells of lessons loaded with --lessons: a cell runs code on this machine. "
          + "Read the cells first (`open \(lesson.id)`), then add --trust to run them")
    }
    let ownFolder = URL(fileURLWithPath: LessonsFolder.path(for: context.globals))
      .standardizedFileURL.resolvingSymlinksInPath().path
    let lessonPath = lesson.path.map {
      URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
    }
    guard let lessonPath, lessonPath.hasPrefix(ownFolder + "/") else {
      throw CommandError(
        .failure,
        "not running cells of \(lesson.path ?? lesson.id): it is outside Optimlings' lessons "
          + "folder and a cell runs code on this machine. Read the cells first, then add "
          + "--trust to run them")
    }
  }

  static func cellEnvironment(context: CommandContext, fresh: Bool) throws -> CellEnvironment {
    let data: String
    do {
      data = try DataFolder.resolve(
        override: context.globals.dataDirectory, environment: context.environment)
    } catch {
      throw CommandError(.failure, "\(error); pass --data DIR")
    }
    let dataDirectory = URL(fileURLWithPath: data)
    let cache = CellCache(directory: dataDirectory.appendingPathComponent("cache/cells"))
    let console = context.console
    return CellEnvironment(
      cache: fresh ? nil : cache, dataDirectory: dataDirectory,
      progress: { console.printError($0) })
  }

  static func show(_ output: CellOutput, console: Console) {
    let rows = console.height.map { min(20, max(8, $0 - 14)) } ?? 16
    let style = TerminalPlotStyle(
      width: max(40, console.width), plotRows: rows, usesColor: console.usesColor,
      usesUnicode: console.isUTF8)
    for figure in output.figures {
      console.write(TerminalPlot.render(figure.figure(), style: style))
    }
    let renderer = LessonRenderer(
      options: RenderOptions(width: console.width, usesColor: console.usesColor, hyperlinks: false))
    for table in output.tables {
      console.print()
      console.write(renderer.renderTable(header: table.header, rows: table.rows))
    }
    if !output.lines.isEmpty {
      if !output.figures.isEmpty || !output.tables.isEmpty { console.print() }
      for line in output.lines { console.print(line) }
    }
  }

  static func heading(_ cell: RunnableCell, lesson: Lesson, unicode: Bool) -> String {
    let kind = cell.kind == .experiment ? "experiment" : "swift cell"
    let rule = unicode ? "──" : "--"
    let separator = unicode ? " · " : ", "
    return "\(rule) cell \(cell.number) of \(lesson.id)\(separator)\(kind)\(separator)step "
      + "\(cell.step), line \(cell.block.line)"
  }

  static func locate(_ lesson: Lesson) -> String {
    lesson.path.map { "\(lesson.id) (\($0))" } ?? lesson.id
  }

  /// Names the SVG file of figure `number`: `FILE` for the first, then `FILE` with `-2`, `-3`…
  /// before its extension.
  static func numberedPath(_ path: String, number: Int) -> String {
    guard number > 1 else { return path }
    let text = path as NSString
    let pathExtension = text.pathExtension
    guard !pathExtension.isEmpty else { return "\(path)-\(number)" }
    return "\(text.deletingPathExtension)-\(number).\(pathExtension)"
  }
}
