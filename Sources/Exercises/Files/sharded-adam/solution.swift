// Sharded Adam: ZeRO stage 1 simulated on N workers in one process.

import ExerciseSupport
import Foundation

struct AdamShard {
  var range: Range<Int>
  var m: [Double]
  var v: [Double]
  var t = 0
}

struct ShardedAdam {
  var lr: Double
  var beta1: Double
  var beta2: Double
  var eps: Double
  var shards: [AdamShard]

  static func shardRange(worker: Int, workerCount: Int, parameterCount: Int) -> Range<Int> {
    let chunk = (parameterCount + workerCount - 1) / workerCount
    let start = min(worker * chunk, parameterCount)
    let end = min(start + chunk, parameterCount)
    return start..<end
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

  mutating func step(parameters: inout [Double], workerGradients: [[Double]]) {
    // All-reduce: every worker ends up with the mean gradient.
    var mean = Array(repeating: 0.0, count: parameters.count)
    for gradients in workerGradients {
      for i in mean.indices {
        mean[i] += gradients[i]
      }
    }
    let workerCount = Double(workerGradients.count)
    mean = mean.map { $0 / workerCount }

    // Each worker updates only its slice; writing into `parameters` plays the all-gather.
    for w in shards.indices {
      shards[w].t += 1
      let biasCorrection1 = 1 - pow(beta1, Double(shards[w].t))
      let biasCorrection2 = 1 - pow(beta2, Double(shards[w].t))
      for (local, i) in shards[w].range.enumerated() {
        let g = mean[i]
        shards[w].m[local] = beta1 * shards[w].m[local] + (1 - beta1) * g
        shards[w].v[local] = beta2 * shards[w].v[local] + (1 - beta2) * g * g
        let mHat = shards[w].m[local] / biasCorrection1
        let vHat = shards[w].v[local] / biasCorrection2
        parameters[i] -= lr * mHat / (vHat.squareRoot() + eps)
      }
    }
  }
}
