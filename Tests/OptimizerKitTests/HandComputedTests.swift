import Testing

@testable import OptimizerKit

/// Small cases worked out by hand, independent of the torch fixtures.
@Suite struct HandComputedTests {
  @Test func sgdFirstMomentumBufferIgnoresDampening() throws {
    var sgd = try SGD(.init(lr: 0.1, momentum: 0.9, dampening: 0.5))
    var theta = [1.0]

    try sgd.step(parameters: &theta, gradients: [2.0])
    #expect(sgd.state.momentumBuffer == [2.0])
    #expect(theta == [1.0 - 0.1 * 2.0])

    try sgd.step(parameters: &theta, gradients: [2.0])
    // b = 0.9·2 + (1 − 0.5)·2 = 2.8
    #expect(sgd.state.momentumBuffer == [2.8])
  }

  @Test func nesterovRejectsDampening() {
    #expect(
      throws: OptimizerError(
        field: "nesterov",
        message: "requires momentum > 0 and dampening = 0, got momentum=0.9, dampening=0.1")
    ) {
      try SGD(.init(momentum: 0.9, dampening: 0.1, nesterov: true))
    }
  }

  @Test func adamFirstStepIsLearningRate() throws {
    // With m̂₁ = g and v̂₁ = g², the first step is lr·g/(|g| + ε) ≈ lr·sign(g).
    var adam = try Adam(.init(lr: 0.01), parameterCount: 1)
    var theta = [0.0]
    try adam.step(parameters: &theta, gradients: [-3.0])

    #expect(abs(theta[0] - 0.01 * 3 / (3 + 1e-8)) < 1e-15)
  }

  @Test func biasCorrectedAverageOfConstant() throws {
    var average = try BiasCorrectedEMA(beta: 0.9, count: 1)
    for _ in 0..<5 {
      let corrected = try average.update([4.0])
      #expect(abs(corrected[0] - 4.0) < 1e-14)
    }
  }
}
