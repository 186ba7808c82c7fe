// Gradient clipping by global norm, as torch.nn.utils.clip_grad_norm_ computes it.

import ExerciseSupport
import Foundation

func clipGradientsByGlobalNorm(_ gradients: inout [[Double]], maxNorm: Double) -> Double {
  var sumOfSquares = 0.0
  for tensor in gradients {
    for value in tensor {
      sumOfSquares += value * value
    }
  }
  let total = sumOfSquares.squareRoot()
  let coefficient = min(maxNorm / (total + 1e-6), 1)
  for k in gradients.indices {
    for i in gradients[k].indices {
      gradients[k][i] *= coefficient
    }
  }
  return total
}
