import Foundation
import Testing

@testable import OptimizerKit

/// Saving a run as JSON and resuming it must give exactly the uninterrupted run.
@Suite struct CheckpointTests {
  /// A run's optimizer and scheduler, as a checkpoint stores them.
  struct Checkpoint: Codable {
    var optimizer: ReferenceOptimizer
    var scheduler: LearningRateScheduler?
    var parameters: [Double]
  }

  static func advance(_ checkpoint: inout Checkpoint, gradients: [Double], maxNorm: Double?)
    throws
  {
    checkpoint.scheduler?.apply(to: &checkpoint.optimizer)
    var gradients = gradients
    if let maxNorm {
      try GradientClipping.clipByGlobalNorm(&gradients, maxNorm: maxNorm)
    }
    try checkpoint.optimizer.step(parameters: &checkpoint.parameters, gradients: gradients)
    checkpoint.scheduler?.step()
  }

  @Test(arguments: TorchFixtures.optimizerCases)
  func resumedRunIsBitIdentical(_ fixture: OptimizerCase) throws {
    let optimizer = try fixture.makeOptimizer()
    let scheduler = try fixture.schedule.map {
      try LearningRateScheduler($0.schedule(), baseLearningRate: optimizer.learningRate)
    }
    let start = Checkpoint(optimizer: optimizer, scheduler: scheduler, parameters: fixture.initial)
    let split = fixture.gradients.count / 2

    var uninterrupted = start
    for gradients in fixture.gradients {
      try Self.advance(&uninterrupted, gradients: gradients, maxNorm: fixture.clipMaxNorm)
    }

    var first = start
    for gradients in fixture.gradients[..<split] {
      try Self.advance(&first, gradients: gradients, maxNorm: fixture.clipMaxNorm)
    }
    let saved = try JSONEncoder().encode(first)
    var resumed = try JSONDecoder().decode(Checkpoint.self, from: saved)
    for gradients in fixture.gradients[split...] {
      try Self.advance(&resumed, gradients: gradients, maxNorm: fixture.clipMaxNorm)
    }

    #expect(resumed.parameters == uninterrupted.parameters)
    #expect(resumed.optimizer.step == uninterrupted.optimizer.step)
    #expect(resumed.optimizer.learningRate == uninterrupted.optimizer.learningRate)
    #expect(resumed.scheduler == uninterrupted.scheduler)
    let resumedState = resumed.optimizer.stateQuantities()
    let uninterruptedState = uninterrupted.optimizer.stateQuantities()
    #expect(resumedState == uninterruptedState)
  }

  @Test func decodingRejectsMismatchedState() throws {
    var adam = try Adam(.init(amsgrad: true), parameterCount: 2)
    var theta = [1.0, 2.0]
    try adam.step(parameters: &theta, gradients: [0.5, -0.5])
    var json = try #require(String(data: JSONEncoder().encode(adam), encoding: .utf8))
    json = json.replacingOccurrences(of: "\"maxExpAvgSq\":[", with: "\"maxExpAvgSq\":[7,")

    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Adam.self, from: Data(json.utf8))
    }
  }

  @Test func decodingRejectsInvalidHyperparameters() throws {
    let sgd = try SGD(.init(lr: 0.1))
    var json = try #require(String(data: JSONEncoder().encode(sgd), encoding: .utf8))
    json = json.replacingOccurrences(of: "\"lr\":0.1", with: "\"lr\":-0.1")

    #expect(throws: OptimizerError(field: "lr", message: "must be 0 or more, got -0.1")) {
      try JSONDecoder().decode(SGD.self, from: Data(json.utf8))
    }
  }

  @Test func referenceOptimizerKeepsItsKind() throws {
    let adamW = try ReferenceOptimizer.make(
      torchName: "AdamW", hyperparameters: ["lr": .number(0.01)], parameterCount: 3)
    let decoded = try JSONDecoder().decode(
      ReferenceOptimizer.self, from: JSONEncoder().encode(adamW))

    #expect(decoded.torchName == "AdamW")
    #expect(decoded.learningRate == 0.01)
  }
}
