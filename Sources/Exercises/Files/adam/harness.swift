import ExerciseSupport

for testCase in ExerciseCases.cases(for: "adam") {
  TrajectoryWriter.beginCase(testCase)
  var optimizer = Adam(
    parameterCount: testCase.initial.count, lr: testCase.number("lr"),
    beta1: testCase.number("beta1"), beta2: testCase.number("beta2"), eps: testCase.number("eps"),
    weightDecay: testCase.number("weight_decay"))
  testCase.drive { parameters, gradients, step in
    optimizer.step(parameters: &parameters, gradients: gradients)
    TrajectoryWriter.record(
      step: step, ("parameters", parameters), ("m", optimizer.m), ("v", optimizer.v))
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
