import ExerciseSupport

for testCase in ExerciseCases.cases(for: "lr-schedule") {
  TrajectoryWriter.beginCase(testCase)
  let schedule = WarmupCosineSchedule(
    baseLR: testCase.number("base_lr"), startFactor: testCase.number("start_factor"),
    warmupSteps: testCase.integer("warmup_steps"), decaySteps: testCase.integer("decay_steps"),
    etaMin: testCase.number("eta_min"))
  let steps = testCase.integer("warmup_steps") + testCase.integer("decay_steps") + 5
  for step in 1...steps {
    TrajectoryWriter.record(step: step, ("lr", [schedule.learningRate(at: step)]))
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
