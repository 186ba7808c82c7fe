// Gradient descent for linear regression.
//
// The model predicts ŷ = x·w + b for each sample x. The loss is the mean squared error
// L = (1/2n)·Σᵢ (ŷᵢ − yᵢ)², whose gradients over n samples are
//   dw_j = (1/n)·Σᵢ (ŷᵢ − yᵢ)·xᵢⱼ        db = (1/n)·Σᵢ (ŷᵢ − yᵢ)
// One step of gradient descent moves against them with learning rate lr:
//   w ← w − lr·dw                        b ← b − lr·db
//
// The checker compares w, b, dw and db after every step.
// Check with `optimlings check gradient-descent`; `optimlings hint gradient-descent` helps.

import ExerciseSupport
import Foundation

struct LinearRegression {
  var weights: [Double]
  var bias: Double
  var learningRate: Double

  init(featureCount: Int, learningRate: Double) {
    weights = Array(repeating: 0, count: featureCount)
    bias = 0
    self.learningRate = learningRate
  }

  /// The gradients of the mean squared error at the current weights and bias.
  func gradients(inputs: [[Double]], targets: [Double]) -> (dw: [Double], db: Double) {
    notImplemented()
  }

  /// One step of gradient descent on the whole batch.
  mutating func step(inputs: [[Double]], targets: [Double]) {
    notImplemented()
  }
}
