import ExerciseSupport

for testCase in ExerciseCases.cases(for: "amsgrad") {
  TrajectoryWriter.beginCase(testCase)
  var optimizer = AMSGrad(
    parameterCount: testCase.initial.count, lr: testCase.number("lr"),
    beta1: testCase.number("beta1"), beta2: testCase.number("beta2"), eps: testCase.number("eps"),
    weightDecay: testCase.number("weight_decay"))
  testCase.drive { parameters, gradients, step in
    optimizer.step(parameters: &parameters, gradients: gradients)
    TrajectoryWriter.record(
      step: step, ("parameters", parameters), ("m", optimizer.m), ("v", optimizer.v),
      ("v_max", optimizer.vMax))
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
