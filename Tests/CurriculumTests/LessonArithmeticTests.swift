import Lessons
import OptimizerKit
import Terminal
import Testing

/// Numbers in lessons that are not optimizer steps, such as schedule values and memory sizes,
/// recomputed from their formulas so that no figure in the curriculum goes unchecked.
@Suite struct LessonArithmeticTests {
  static let gigabyte = 1e9

  /// Returns the tables of `lesson`, in order.
  static func tables(in lesson: Lesson) -> [Table] {
    lesson.steps.flatMap(\.blocks).compactMap { block in
      if case .table(let table) = block { return table }
      return nil
    }
  }

  /// Renders the lesson as a reader sees it, without styling, at 200 columns so that figures
  /// are not split across lines.
  static func plainText(of lesson: Lesson) -> String {
    let renderer = LessonRenderer(options: .plain(width: 200))
    return lesson.steps.map { renderer.render(step: $0) }.joined()
  }

  /// Expects `written` to state `value` to its last written digit, and the lesson to show it.
  static func expectFigure(
    _ written: String, equals value: Double, unit: String, in text: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let claimed = Double(written) ?? .nan
    #expect(
      abs(claimed - value) <= WorkedExample.tolerance(of: written),
      "\(written) \(unit) should be \(value)", sourceLocation: sourceLocation)
    #expect(
      text.contains("\(written) \(unit)"), "the lesson should state \(written) \(unit)",
      sourceLocation: sourceLocation)
  }

  @Test func warmupCosineTableMatchesScheduler() throws {
    let lesson = try CurriculumTests.lesson("schedules")
    let table = try #require(
      Self.tables(in: lesson).first {
        Inline.plainText(of: $0.header.first ?? []) == "e"
      }, "the schedules lesson has a table headed 'e'")
    let row = try #require(table.rows.first, "the table has a row of learning rates")
    let written = row.dropFirst().map { Inline.plainText(of: $0) }

    // η₀ = 0.001, s = 0.25, W = 4, T = 4, η_min = 0, shown in units of 10⁻³.
    var scheduler = try LearningRateScheduler(
      .warmupCosine(warmupSteps: 4, decaySteps: 4, startFactor: 0.25, etaMin: 0),
      baseLearningRate: 0.001)
    #expect(written.count == 9)
    for (epoch, text) in written.enumerated() {
      let claimed = try #require(Double(text), "'\(text)' is not a number")
      let actual = scheduler.learningRate * 1e3
      #expect(
        abs(actual - claimed) <= WorkedExample.tolerance(of: text) * (1 + 1e-9),
        "e = \(epoch): claimed \(text), scheduler gives \(actual)")
      scheduler.step()
    }
  }

  @Test func memoryFiguresMatchBytesPerParameter() throws {
    let text = Self.plainText(of: try CurriculumTests.lesson("memory"))
    let adamFP32 = 4.0 + 4 + 4 + 4
    let mixedPrecisionAdam = 2.0 + 2 + 4 + 4 + 4
    #expect(adamFP32 == 16)
    #expect(mixedPrecisionAdam == 16)
    Self.expectFigure("112", equals: 7e9 * adamFP32 / Self.gigabyte, unit: "GB", in: text)
    Self.expectFigure(
      "24", equals: 1.5e9 * mixedPrecisionAdam / Self.gigabyte, unit: "GB", in: text)
    Self.expectFigure(
      "120", equals: 7.5e9 * mixedPrecisionAdam / Self.gigabyte, unit: "GB", in: text)
    Self.expectFigure(
      "1120", equals: 70e9 * mixedPrecisionAdam / Self.gigabyte, unit: "GB", in: text)
  }

  @Test func zeroMemoryTableMatchesFormulas() throws {
    let text = Self.plainText(of: try CurriculumTests.lesson("distributed"))
    let parameters = 7.5e9
    let workers = 64.0
    let (weights, gradients, optimizer) = (2.0, 2.0, 12.0)
    let dataParallel = (weights + gradients + optimizer) * parameters
    let stage1 = (weights + gradients) * parameters + optimizer * parameters / workers
    let stage2 = weights * parameters + (gradients + optimizer) * parameters / workers
    let stage3 = (weights + gradients + optimizer) * parameters / workers
    Self.expectFigure("120", equals: dataParallel / Self.gigabyte, unit: "GB", in: text)
    Self.expectFigure("31.4", equals: stage1 / Self.gigabyte, unit: "GB", in: text)
    Self.expectFigure("16.6", equals: stage2 / Self.gigabyte, unit: "GB", in: text)
    Self.expectFigure("1.9", equals: stage3 / Self.gigabyte, unit: "GB", in: text)
  }
}
