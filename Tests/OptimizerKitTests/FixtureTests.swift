import Foundation
import Testing

@testable import OptimizerKit

/// Every step of every torch trajectory in `Tests/Fixtures/torch`, one test case per fixture.
@Suite struct FixtureTests {
  @Test func fixturesLoad() throws {
    let optimizers = try TorchFixtures.load("optimizers.json", as: OptimizerCase.self)
    let schedules = try TorchFixtures.load("schedules.json", as: ScheduleCase.self)
    let clipping = try TorchFixtures.load("clipping.json", as: ClippingCase.self)

    #expect(optimizers.cases.count >= 100)
    #expect(schedules.cases.count >= 20)
    #expect(clipping.cases.count >= 5)
    #expect(optimizers.dtype == "float64")
    #expect(optimizers.torchVersion.hasPrefix("2."))
  }

  @Test(arguments: TorchFixtures.optimizerCases)
  func optimizerMatchesTorch(_ fixture: OptimizerCase) throws {
    var optimizer = try fixture.makeOptimizer()
    var scheduler = try fixture.schedule.map {
      try LearningRateScheduler($0.schedule(), baseLearningRate: optimizer.learningRate)
    }
    var theta = fixture.initial
    #expect(fixture.steps.count == fixture.gradients.count)
    let parameterScale = Tolerance.scale(of: fixture.steps.map(\.parameters))
    var stateScales: [String: Double] = [:]
    for name in Set(fixture.steps.flatMap(\.state.keys)) {
      stateScales[name] = Tolerance.scale(of: fixture.steps.compactMap { $0.state[name] })
    }

    for (index, expected) in zip(fixture.steps.indices, fixture.steps) {
      let t = index + 1
      scheduler?.apply(to: &optimizer)
      Tolerance.expectAgreement([optimizer.learningRate], [expected.lr], "lr at step \(t)")

      var gradients = fixture.gradients[index]
      if let maxNorm = fixture.clipMaxNorm {
        let totalNorm = try GradientClipping.clipByGlobalNorm(&gradients, maxNorm: maxNorm)
        Tolerance.expectAgreement(
          [totalNorm], [expected.totalNorm ?? .nan], "total norm at step \(t)")
      }

      try optimizer.step(parameters: &theta, gradients: gradients)
      scheduler?.step()

      #expect(optimizer.step == t)
      Tolerance.expectAgreement(
        theta, expected.parameters, "θ at step \(t)", scale: parameterScale)
      let quantities = optimizer.stateQuantities()
      #expect(quantities.map(\.name).sorted() == expected.state.keys.sorted(), "step \(t)")
      for quantity in quantities {
        guard let torchValues = expected.state[quantity.name] else { continue }
        Tolerance.expectAgreement(
          quantity.values, torchValues, "\(quantity.name) at step \(t)",
          scale: stateScales[quantity.name] ?? 1)
      }
    }
  }

  @Test(arguments: TorchFixtures.scheduleCases)
  func scheduleMatchesTorch(_ fixture: ScheduleCase) throws {
    let scheduler = try LearningRateScheduler(
      fixture.schedule.schedule(), baseLearningRate: fixture.baseLr)
    let rates = scheduler.learningRates(count: fixture.lrs.count)

    Tolerance.expectAgreement(
      rates, fixture.lrs, "lr by epoch", scale: Tolerance.scale(of: [fixture.lrs]))
  }

  @Test(arguments: TorchFixtures.clippingCases)
  func clippingMatchesTorch(_ fixture: ClippingCase) throws {
    var gradients = fixture.gradients
    let totalNorm = try GradientClipping.clipByGlobalNorm(&gradients, maxNorm: fixture.maxNorm)

    Tolerance.expectAgreement([totalNorm], [fixture.totalNorm], "total norm")
    #expect(gradients.count == fixture.clipped.count)
    for (index, (actual, expected)) in zip(gradients, fixture.clipped).enumerated() {
      Tolerance.expectAgreement(actual, expected, "clipped gradient \(index)")
    }
  }
}
