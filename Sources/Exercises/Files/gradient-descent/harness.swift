import ExerciseSupport

for testCase in ExerciseCases.cases(for: "gradient-descent") {
  TrajectoryWriter.beginCase(testCase)
  var model = LinearRegression(
    featureCount: testCase.initial.count - 1, learningRate: testCase.number("lr"))
  for step in 1...testCase.integer("steps") {
    let (dw, db) = model.gradients(inputs: testCase.inputs, targets: testCase.targets)
    model.step(inputs: testCase.inputs, targets: testCase.targets)
    TrajectoryWriter.record(
      step: step, ("weights", model.weights), ("bias", [model.bias]), ("dw", dw), ("db", [db]))
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
