import ExerciseSupport

for testCase in ExerciseCases.cases(for: "bias-correction") {
  TrajectoryWriter.beginCase(testCase)
  guard case .sequence(let inputs) = testCase.gradients, let first = inputs.first else {
    TrajectoryWriter.fail("case \(testCase.name) has no inputs")
  }
  var average = BiasCorrectedAverage(beta: testCase.number("beta"), count: first.count)
  for (index, values) in inputs.enumerated() {
    let corrected = average.update(values)
    TrajectoryWriter.record(step: index + 1, ("m", average.average), ("m_hat", corrected))
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
