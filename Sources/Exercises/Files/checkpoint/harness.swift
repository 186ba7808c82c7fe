import ExerciseSupport

for testCase in ExerciseCases.cases(for: "checkpoint") {
  TrajectoryWriter.beginCase(testCase)
  func fresh() -> ResumableAdam {
    ResumableAdam(
      parameterCount: testCase.initial.count, lr: testCase.number("lr"),
      beta1: testCase.number("beta1"), beta2: testCase.number("beta2"),
      eps: testCase.number("eps"))
  }
  let resumeAt = testCase.integer("resume_at")
  var optimizer = fresh()
  testCase.drive { parameters, gradients, step in
    if step == resumeAt + 1 {
      let saved = optimizer.checkpoint()
      optimizer = fresh()
      do {
        try optimizer.restore(from: saved)
      } catch {
        TrajectoryWriter.fail("restore(from:) threw \(error) after step \(resumeAt)")
      }
    }
    optimizer.step(parameters: &parameters, gradients: gradients)
    TrajectoryWriter.record(
      step: step, ("parameters", parameters), ("m", optimizer.m), ("v", optimizer.v),
      ("t", [Double(optimizer.t)]))
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
