import Foundation
import Testing

@testable import OptimizerKit

@Suite struct ScheduleAndClippingTests {
  @Test func stepScheduleDecaysAtMultiples() throws {
    let scheduler = try LearningRateScheduler(.step(stepSize: 2, gamma: 0.5), baseLearningRate: 1)

    #expect(scheduler.learningRates(count: 6) == [1, 1, 0.5, 0.5, 0.25, 0.25])
  }

  @Test func cosineReachesMinimumThenRises() throws {
    let scheduler = try LearningRateScheduler(
      .cosineAnnealing(tMax: 4, etaMin: 0), baseLearningRate: 1)
    let rates = scheduler.learningRates(count: 9)

    #expect(abs(rates[2] - 0.5) < 1e-15)
    #expect(abs(rates[4]) < 1e-15)
    // torch's schedule is periodic with period 2·T_max rather than flat after T_max.
    #expect(abs(rates[6] - 0.5) < 1e-15)
    #expect(abs(rates[8] - 1) < 1e-15)
  }

  @Test func warmupCosinePeaksAfterWarmup() throws {
    let scheduler = try LearningRateScheduler(
      .warmupCosine(warmupSteps: 4, decaySteps: 10, startFactor: 0.25, etaMin: 0.1),
      baseLearningRate: 2)
    let rates = scheduler.learningRates(count: 15)

    for (epoch, rate) in rates.prefix(4).enumerated() {
      #expect(abs(rate - 2 * (0.25 + 0.75 * Double(epoch) / 4)) < 1e-14)
    }
    #expect(rates[4] == 2)
    #expect(abs(rates[9] - 1.05) < 1e-14)
    #expect(abs(rates[14] - 0.1) < 1e-14)
  }

  @Test func schedulerResumesFromJSON() throws {
    var scheduler = try LearningRateScheduler(
      .cosineAnnealing(tMax: 7, etaMin: 0.01), baseLearningRate: 0.3)
    for _ in 0..<5 { scheduler.step() }
    let resumed = try JSONDecoder().decode(
      LearningRateScheduler.self, from: JSONEncoder().encode(scheduler))

    #expect(resumed == scheduler)
    #expect(resumed.learningRates(count: 30) == scheduler.learningRates(count: 30))
  }

  @Test func invalidScheduleNamesTorchArgument() {
    #expect(throws: OptimizerError(field: "T_max", message: "must be 1 or more, got 0")) {
      try LearningRateScheduler(.cosineAnnealing(tMax: 0, etaMin: 0), baseLearningRate: 1)
    }
    #expect(throws: OptimizerError(field: "start_factor", message: "must be in (0, 1], got 0.0")) {
      try LearningRateScheduler(
        .warmupCosine(warmupSteps: 3, decaySteps: 3, startFactor: 0, etaMin: 0),
        baseLearningRate: 1)
    }
  }

  @Test func schedulerDrivesOptimizer() throws {
    var sgd = try SGD(.init(lr: 1))
    let scheduler = try LearningRateScheduler(.exponential(gamma: 0.5), baseLearningRate: 1)
    var running = scheduler
    var theta = [0.0]
    for _ in 0..<3 {
      running.apply(to: &sgd)
      try sgd.step(parameters: &theta, gradients: [1])
      running.step()
    }

    #expect(theta == [-1.75])
  }

  @Test func clippingScalesDownOnly() throws {
    var large = [[3.0, 4.0]]
    let largeNorm = try GradientClipping.clipByGlobalNorm(&large, maxNorm: 1)
    var small = [0.3, 0.4]
    let smallNorm = try GradientClipping.clipByGlobalNorm(&small, maxNorm: 1)

    #expect(largeNorm == 5)
    #expect(abs(large[0][0] - 3 / (5 + 1e-6)) < 1e-16)
    #expect(abs(smallNorm - 0.5) < 1e-16)
    #expect(small == [0.3, 0.4])
  }

  @Test func clippingIsGlobalAcrossVectors() throws {
    var gradients = [[3.0], [4.0]]
    let norm = try GradientClipping.clipByGlobalNorm(&gradients, maxNorm: 2.5)

    #expect(norm == 5)
    #expect(abs(gradients[0][0] / gradients[1][0] - 0.75) < 1e-15)
  }

  @Test func clippingRejectsNegativeMaxNorm() {
    var gradients = [1.0]
    #expect(
      throws: OptimizerError(
        field: "max_norm", message: "must be a finite number, 0 or more, got -1.0")
    ) {
      try GradientClipping.clipByGlobalNorm(&gradients, maxNorm: -1)
    }
  }
}
