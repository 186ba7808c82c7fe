import Testing

@testable import OptimizerKit

@Suite struct FactoryTests {
  @Test func adamAMSGradWithL2MatchesTorch() throws {
    // torch 2.15: Adam([θ], lr=0.1, amsgrad=True, weight_decay=0.1), float64, three steps.
    var optimizer = try ReferenceOptimizer.make(
      torchName: "adam",
      hyperparameters: ["lr": .number(0.1), "amsgrad": .flag(true), "weight_decay": .number(0.1)],
      parameterCount: 2)
    var theta = [1.0, -2.0]
    for gradients in [[1, 0.1], [0.1, -3], [-0.5, 1e-9]] {
      try optimizer.step(parameters: &theta, gradients: gradients)
    }

    #expect(optimizer.torchName == "Adam")
    #expect(abs(theta[0] - 0.786749256959617) <= 1e-12 * 0.786749256959617)
    #expect(abs(theta[1] - -1.7608591218703482) <= 1e-12 * 1.7608591218703482)
  }

  @Test func unknownHyperparameterNamesAccepted() {
    #expect(
      throws: OptimizerError(
        field: "beta1",
        message:
          "Adam has no hyperparameter 'beta1'; it accepts lr, betas, eps, weight_decay, amsgrad, maximize"
      )
    ) {
      try ReferenceOptimizer.make(
        torchName: "Adam", hyperparameters: ["beta1": .number(0.9)], parameterCount: 1)
    }
  }

  @Test func adamWDefaultsToDecoupledDecay() throws {
    let optimizer = try ReferenceOptimizer.make(
      torchName: "ADAMW", hyperparameters: [:], parameterCount: 1)
    guard case .adam(let adam) = optimizer else {
      Issue.record("expected Adam, got \(optimizer.torchName)")
      return
    }
    #expect(adam.hyperparameters.weightDecay == 0.01)
    #expect(adam.hyperparameters.weightDecayMode == .decoupled)
  }
}
