// Sharded Adam: ZeRO stage 1 simulated on N workers in one process.
//
// Every worker holds all P parameters but only its own slice (shard) of Adam's m and v.
// Worker w owns the contiguous range w·chunk ..< min((w + 1)·chunk, P), chunk = ⌈P / N⌉;
// the last ranges may be empty. One step:
//   1. all-reduce: average the workers' gradients, ḡ = (g₁ + … + g_N) / N
//   2. each worker runs Adam (no weight decay) on its slice of θ with its own m, v and t
//   3. all-gather: the updated slices together form the new θ
// The result must equal plain Adam on ḡ.
//
// The checker compares θ, the shards' m and v laid end to end, and the shard sizes.
// Check with `optimlings check sharded-adam`; `optimlings hint sharded-adam` helps.

import ExerciseSupport
import Foundation

/// One worker's part of the optimizer state.
struct AdamShard {
  /// The parameter indices this worker updates.
  var range: Range<Int>
  /// m for the parameters in `range`, in order.
  var m: [Double]
  /// v for the parameters in `range`, in order.
  var v: [Double]
  var t = 0
}

struct ShardedAdam {
  var lr: Double
  var beta1: Double
  var beta2: Double
  var eps: Double
  var shards: [AdamShard]

  /// The parameter range worker `worker` owns.
  static func shardRange(worker: Int, workerCount: Int, parameterCount: Int) -> Range<Int> {
    notImplemented()
  }

  init(
    parameterCount: Int, workerCount: Int, lr: Double = 1e-3, beta1: Double = 0.9,
    beta2: Double = 0.999, eps: Double = 1e-8
  ) {
    self.lr = lr
    self.beta1 = beta1
    self.beta2 = beta2
    self.eps = eps
    shards = (0..<workerCount).map { worker in
      let range = Self.shardRange(
        worker: worker, workerCount: workerCount, parameterCount: parameterCount)
      return AdamShard(
        range: range, m: Array(repeating: 0, count: range.count),
        v: Array(repeating: 0, count: range.count))
    }
  }

  /// `workerGradients[w]` is worker w's gradient for all parameters.
  mutating func step(parameters: inout [Double], workerGradients: [[Double]]) {
    notImplemented()
  }
}
