// Gradient descent for linear regression on the mean squared error.

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

  func gradients(inputs: [[Double]], targets: [Double]) -> (dw: [Double], db: Double) {
    let n = Double(targets.count)
    var dw = Array(repeating: 0.0, count: weights.count)
    var db = 0.0
    for (x, y) in zip(inputs, targets) {
      var prediction = bias
      for j in weights.indices {
        prediction += x[j] * weights[j]
      }
      let residual = prediction - y
      for j in weights.indices {
        dw[j] += residual * x[j]
      }
      db += residual
    }
    return (dw.map { $0 / n }, db / n)
  }

  mutating func step(inputs: [[Double]], targets: [Double]) {
    let (dw, db) = gradients(inputs: inputs, targets: targets)
    for j in weights.indices {
      weights[j] -= learningRate * dw[j]
    }
    bias -= learningRate * db
  }
}
