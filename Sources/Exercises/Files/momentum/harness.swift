import ExerciseSupport

for testCase in ExerciseCases.cases(for: "momentum") {
  TrajectoryWriter.beginCase(testCase)
  var optimizer = SGDMomentum(
    lr: testCase.number("lr"), momentum: testCase.number("momentum"),
    dampening: testCase.number("dampening"), weightDecay: testCase.number("weight_decay"),
    nesterov: testCase.flag("nesterov"), maximize: testCase.flag("maximize"))
  testCase.drive { parameters, gradients, step in
    optimizer.step(parameters: &parameters, gradients: gradients)
    TrajectoryWriter.record(
      step: step, ("parameters", parameters), ("momentum_buffer", optimizer.momentumBuffer ?? []))
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
