import ExerciseSupport

for testCase in ExerciseCases.cases(for: "lr-schedule") {
  TrajectoryWriter.beginCase(testCase)
  let schedule = WarmupCosineSchedule(
    baseLR: testCase.number("base_lr"), minLR: testCase.number("min_lr"),
    warmupSteps: testCase.integer("warmup_steps"), totalSteps: testCase.integer("total_steps"))
  for step in 1...(testCase.integer("total_steps") + 5) {
    TrajectoryWriter.record(step: step, ("lr", [schedule.learningRate(at: step)]))
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
