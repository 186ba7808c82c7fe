import ExerciseSupport

for testCase in ExerciseCases.cases(for: "rmsprop") {
  TrajectoryWriter.beginCase(testCase)
  let centered = testCase.flag("centered")
  var optimizer = RMSprop(
    parameterCount: testCase.initial.count, lr: testCase.number("lr"),
    alpha: testCase.number("alpha"), eps: testCase.number("eps"),
    weightDecay: testCase.number("weight_decay"), centered: centered)
  testCase.drive { parameters, gradients, step in
    optimizer.step(parameters: &parameters, gradients: gradients)
    if centered {
      TrajectoryWriter.record(
        step: step, ("parameters", parameters), ("square_avg", optimizer.squareAvg),
        ("grad_avg", optimizer.gradAvg))
    } else {
      TrajectoryWriter.record(
        step: step, ("parameters", parameters), ("square_avg", optimizer.squareAvg))
    }
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
