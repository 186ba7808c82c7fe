import Lessons
import OptimizerKit
import Testing

/// The early lessons' worked examples list gradients of a mean squared error on small data
/// sets. These tests recompute each gradient from the data at the parameters the run has
/// reached, so the examples are right about the model as well as about the optimizer.
@Suite struct RegressionExampleTests {
  /// Points (x, y) for the model ŷ = w·x + b.
  typealias Data = [(x: Double, y: Double)]

  static let twoPoints: Data = [(-1, -1), (1, 3)]
  static let fourPoints: Data = [(-1, -1.5), (-1, -0.5), (1, 2.5), (1, 3.5)]

  /// Returns the loss 1/(2n)·Σ(ŷ − y)² and its gradient (dw, db) over `data`.
  static func lossAndGradient(w: Double, b: Double, data: Data) -> (Double, [Double]) {
    let n = Double(data.count)
    var loss = 0.0
    var dw = 0.0
    var db = 0.0
    for point in data {
      let error = w * point.x + b - point.y
      loss += error * error / (2 * n)
      dw += error * point.x / n
      db += error / n
    }
    return (loss, [dw, db])
  }

  /// Returns the worked examples of a lesson, parsed, in order.
  static func workedExamples(in id: String) throws -> [WorkedExample] {
    try CurriculumTests.lesson(id).codeBlocks
      .filter { $0.block.kind == .workedExample }
      .map { try WorkedExample.parse($0.block.text, firstLine: $0.block.line + 1) }
  }

  /// Expects each gradient written in a lesson to equal the computed one within 1e-12.
  static func expectClose(
    _ written: [[Double]], _ actual: [[Double]], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(written.count == actual.count, sourceLocation: sourceLocation)
    for (claimed, computed) in zip(written, actual) {
      #expect(claimed.count == computed.count, sourceLocation: sourceLocation)
      for (a, b) in zip(claimed, computed) {
        #expect(
          abs(a - b) <= 1e-12, "\(claimed) against \(computed)", sourceLocation: sourceLocation)
      }
    }
  }

  /// Runs plain SGD from `start`, computing each step's gradient on the examples that
  /// `batches` names, and returns those gradients and the final loss over all of `data`.
  static func gradients(
    lr: Double, data: Data, batches: [[Int]], start: [Double] = [0, 0]
  ) -> (gradients: [[Double]], losses: [Double]) {
    var theta = start
    var gradients: [[Double]] = []
    for batch in batches {
      let (_, gradient) = lossAndGradient(w: theta[0], b: theta[1], data: batch.map { data[$0] })
      gradients.append(gradient)
      theta = zip(theta, gradient).map { $0 - lr * $1 }
    }
    return (gradients, [lossAndGradient(w: theta[0], b: theta[1], data: data).0])
  }

  @Test func gradientDescentRunUsesTrueGradients() throws {
    let examples = try Self.workedExamples(in: "gradient-descent")
    let run = Self.gradients(lr: 0.1, data: Self.twoPoints, batches: [[0, 1], [0, 1], [0, 1]])
    Self.expectClose(try #require(examples.first).gradients, run.gradients)
  }

  @Test func firstLessonStepUsesTrueGradient() throws {
    let examples = try Self.workedExamples(in: "optimization")
    let run = Self.gradients(lr: 0.1, data: Self.twoPoints, batches: [[0, 1]])
    Self.expectClose(try #require(examples.first).gradients, run.gradients)
    #expect(Self.lossAndGradient(w: 0, b: 0, data: Self.twoPoints).0 == 2.5)
    #expect(abs(run.losses[0] - 2.025) <= 1e-12)
  }

  @Test func learningRateRunsUseTrueGradients() throws {
    // These examples follow w alone, because dw = w − 2 does not depend on b for these points.
    let examples = try Self.workedExamples(in: "learning-rate")
    try #require(examples.count == 2)
    for example in examples {
      let lr = try #require(example.hyperparameters.first { $0.name == "lr" })
      guard case .number(let rate) = lr.value else {
        Issue.record("lr is not a number")
        continue
      }
      let run = Self.gradients(
        lr: rate, data: Self.twoPoints, batches: Array(repeating: [0, 1], count: 3))
      Self.expectClose(example.gradients, run.gradients.map { [$0[0]] })
    }
  }

  @Test func batchSizeRunsUseTrueGradients() throws {
    let examples = try Self.workedExamples(in: "batch-sizes")
    try #require(examples.count == 2)
    let stochastic = Self.gradients(
      lr: 0.1, data: Self.fourPoints, batches: [[0], [2], [1], [3]])
    let miniBatch = Self.gradients(lr: 0.1, data: Self.fourPoints, batches: [[0, 2], [1, 3]])
    let batch = Self.gradients(lr: 0.1, data: Self.fourPoints, batches: [[0, 1, 2, 3]])
    Self.expectClose(examples[0].gradients, stochastic.gradients)
    Self.expectClose(examples[1].gradients, miniBatch.gradients)

    // The losses after one epoch, as the lesson states them.
    let text = LessonArithmeticTests.plainText(of: try CurriculumTests.lesson("batch-sizes"))
    let initial = Self.lossAndGradient(w: 0, b: 0, data: Self.fourPoints).0
    for (written, value) in [
      ("2.625", initial), ("2.15", batch.losses[0]), ("1.7612", miniBatch.losses[0]),
      ("1.1364", stochastic.losses[0]),
    ] {
      #expect(abs((Double(written) ?? .nan) - value) <= WorkedExample.tolerance(of: written))
      #expect(text.contains(written), "the lesson should state \(written)")
    }
  }
}
