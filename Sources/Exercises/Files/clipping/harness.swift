import ExerciseSupport

for testCase in ExerciseCases.cases(for: "clipping") {
  TrajectoryWriter.beginCase(testCase)
  guard case .sequence(let calls) = testCase.gradients else {
    TrajectoryWriter.fail("case \(testCase.name) has no gradients")
  }
  for (index, flat) in calls.enumerated() {
    var tensors: [[Double]] = []
    var offset = 0
    for size in testCase.initial.map({ Int($0) }) {
      tensors.append(Array(flat[offset..<offset + size]))
      offset += size
    }
    let total = clipGradientsByGlobalNorm(&tensors, maxNorm: testCase.number("max_norm"))
    TrajectoryWriter.record(
      step: index + 1, ("total_norm", [total]), ("gradients", tensors.flatMap { $0 }))
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
