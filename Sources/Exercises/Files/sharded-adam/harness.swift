import ExerciseSupport

for testCase in ExerciseCases.cases(for: "sharded-adam") {
  TrajectoryWriter.beginCase(testCase)
  let workers = testCase.integer("workers")
  let count = testCase.initial.count
  var optimizer = ShardedAdam(
    parameterCount: count, workerCount: workers, lr: testCase.number("lr"),
    beta1: testCase.number("beta1"), beta2: testCase.number("beta2"),
    eps: testCase.number("eps"))
  testCase.drive { parameters, gradients, step in
    let workerGradients = (0..<workers).map { w in
      Array(gradients[(w * count)..<((w + 1) * count)])
    }
    optimizer.step(parameters: &parameters, workerGradients: workerGradients)
    for (w, shard) in optimizer.shards.enumerated()
    where shard.m.count != shard.range.count || shard.v.count != shard.range.count {
      TrajectoryWriter.fail(
        "shard \(w) owns \(shard.range.count) parameters but holds \(shard.m.count) m and "
          + "\(shard.v.count) v values after step \(step)")
    }
    TrajectoryWriter.record(
      step: step, ("parameters", parameters), ("m", optimizer.shards.flatMap(\.m)),
      ("v", optimizer.shards.flatMap(\.v)),
      ("shard_sizes", optimizer.shards.map { Double($0.range.count) }))
  }
  TrajectoryWriter.endCase()
}
TrajectoryWriter.finish()
