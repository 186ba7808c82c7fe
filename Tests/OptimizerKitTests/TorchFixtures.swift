import Foundation
import Testing

@testable import OptimizerKit

/// The JSON files that `tools/generate_fixtures.py` writes from torch, read relative to this
/// source file so the tests need no bundle resources.
enum TorchFixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent("torch")

  struct File<Case: Decodable & Sendable>: Decodable, Sendable {
    let torchVersion: String
    let dtype: String
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
      case torchVersion = "torch_version"
      case dtype, cases
    }
  }

  static func load<Case: Decodable & Sendable>(_ name: String, as type: Case.Type) throws -> File<
    Case
  > {
    let data = try Data(contentsOf: directory.appendingPathComponent(name))
    return try JSONDecoder().decode(File<Case>.self, from: data)
  }

  /// Loads the cases of `name`, or none when the file is missing or malformed; `fixturesLoad`
  /// reports that failure, so an empty argument list cannot pass unnoticed.
  static func cases<Case: Decodable & Sendable>(_ name: String, as type: Case.Type) -> [Case] {
    (try? load(name, as: type).cases) ?? []
  }

  static let optimizerCases = cases("optimizers.json", as: OptimizerCase.self)
  static let scheduleCases = cases("schedules.json", as: ScheduleCase.self)
  static let clippingCases = cases("clipping.json", as: ClippingCase.self)
}

/// One hyperparameter value as the fixtures spell it: a number, a flag or a two-number array.
struct FixtureValue: Decodable, Sendable {
  let value: HyperparameterValue

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let flag = try? container.decode(Bool.self) {
      value = .flag(flag)
    } else if let number = try? container.decode(Double.self) {
      value = .number(number)
    } else {
      let pair = try container.decode([Double].self)
      guard pair.count == 2 else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "expected two numbers, got \(pair.count)")
      }
      value = .pair(pair[0], pair[1])
    }
  }
}

/// A schedule as the fixtures spell it, with torch's argument names.
struct FixtureSchedule: Decodable, Sendable {
  let kind: String
  let stepSize: Int?
  let gamma: Double?
  let startFactor: Double?
  let endFactor: Double?
  let totalIters: Int?
  let tMax: Int?
  let etaMin: Double?
  let warmupSteps: Int?
  let decaySteps: Int?

  enum CodingKeys: String, CodingKey {
    case kind, gamma
    case stepSize = "step_size"
    case startFactor = "start_factor"
    case endFactor = "end_factor"
    case totalIters = "total_iters"
    case tMax = "T_max"
    case etaMin = "eta_min"
    case warmupSteps = "warmup_steps"
    case decaySteps = "decay_steps"
  }

  struct Unknown: Error, CustomStringConvertible {
    let description: String
  }

  func schedule() throws -> LearningRateSchedule {
    switch kind {
    case "constant": return .constant
    case "step": return .step(stepSize: stepSize ?? 0, gamma: gamma ?? 0)
    case "exponential": return .exponential(gamma: gamma ?? 0)
    case "linear":
      return .linear(
        startFactor: startFactor ?? 0, endFactor: endFactor ?? 0, totalIters: totalIters ?? 0)
    case "cosine": return .cosineAnnealing(tMax: tMax ?? 0, etaMin: etaMin ?? 0)
    case "warmup_cosine":
      return .warmupCosine(
        warmupSteps: warmupSteps ?? 0, decaySteps: decaySteps ?? 0,
        startFactor: startFactor ?? 0, etaMin: etaMin ?? 0)
    default: throw Unknown(description: "unknown schedule kind '\(kind)' in a fixture")
    }
  }
}

struct OptimizerCase: Decodable, Sendable, CustomTestStringConvertible {
  struct Step: Decodable, Sendable {
    let lr: Double
    let totalNorm: Double?
    let parameters: [Double]
    let state: [String: [Double]]

    enum CodingKeys: String, CodingKey {
      case lr, parameters, state
      case totalNorm = "total_norm"
    }
  }

  let name: String
  let optimizer: String
  let hyperparameters: [String: FixtureValue]
  let initial: [Double]
  let gradients: [[Double]]
  let schedule: FixtureSchedule?
  let clipMaxNorm: Double?
  let steps: [Step]

  enum CodingKeys: String, CodingKey {
    case name, optimizer, hyperparameters, initial, gradients, schedule, steps
    case clipMaxNorm = "clip_max_norm"
  }

  var testDescription: String { name }

  func makeOptimizer() throws -> ReferenceOptimizer {
    try ReferenceOptimizer.make(
      torchName: optimizer, hyperparameters: hyperparameters.mapValues(\.value),
      parameterCount: initial.count)
  }
}

struct ScheduleCase: Decodable, Sendable, CustomTestStringConvertible {
  let name: String
  let schedule: FixtureSchedule
  let baseLr: Double
  let lrs: [Double]

  enum CodingKeys: String, CodingKey {
    case name, schedule, lrs
    case baseLr = "base_lr"
  }

  var testDescription: String { name }
}

struct ClippingCase: Decodable, Sendable, CustomTestStringConvertible {
  let name: String
  let maxNorm: Double
  let gradients: [[Double]]
  let totalNorm: Double
  let clipped: [[Double]]

  enum CodingKeys: String, CodingKey {
    case name, gradients, clipped
    case maxNorm = "max_norm"
    case totalNorm = "total_norm"
  }

  var testDescription: String { name }
}

/// Agreement with torch: relative error at most 1e-12, or, near zero, absolute error at most
/// 1e-15 times the quantity's scale when that scale is below 1.
///
/// The scale is the largest magnitude the quantity reaches in the fixture. Shrinking the
/// absolute floor with it keeps fixtures with gradients of 1e-9, where v is about 1e-18, from
/// passing whatever values they hold.
enum Tolerance {
  static let relative = 1e-12
  static let absolute = 1e-15

  static func agrees(_ actual: Double, _ expected: Double, scale: Double = 1) -> Bool {
    if actual == expected { return true }
    let error = abs(actual - expected)
    return error <= relative * abs(expected) || error <= absolute * min(scale, 1)
  }

  /// Returns the largest magnitude in `vectors`.
  static func scale(of vectors: [[Double]]) -> Double {
    vectors.joined().map(abs).max() ?? 0
  }

  /// Records one issue per disagreeing component, naming the quantity and the step.
  static func expectAgreement(
    _ actual: [Double], _ expected: [Double], _ what: @autoclosure () -> String,
    scale: Double = 1, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard actual.count == expected.count else {
      Issue.record(
        "\(what()): \(actual.count) values, torch has \(expected.count)",
        sourceLocation: sourceLocation)
      return
    }
    for i in actual.indices where !agrees(actual[i], expected[i], scale: scale) {
      Issue.record(
        "\(what())[\(i)] = \(actual[i]), torch has \(expected[i])", sourceLocation: sourceLocation)
    }
  }
}
