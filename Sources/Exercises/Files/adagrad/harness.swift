import ExerciseSupport

for testCase in ExerciseCases.cases(for: "adagrad") {
  TrajectoryWriter.beginCase(testCase)
  var optimizer = Adagrad(
    parameterCount: testCase.initial.count, lr: testCase.number("lr"),
    lrDecay: testCase.number("lr_decay"), weightDecay: testCase.number("weight_decay"),
    initialAccumulatorValue: testCase.number("initial_accumulator_value"),
    eps: testCase.number("eps"))
  testCase.drive { parameters, gradients, step in
    optimizer.step(parameters: &parameters, gradients: gradients)
    TrajectoryWriter.record(step: step, ("parameters", parameters), ("sum", optimizer.sum))
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
