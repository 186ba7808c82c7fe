// A bias-corrected exponential moving average.

import ExerciseSupport
import Foundation

struct BiasCorrectedAverage {
  var beta: Double
  var average: [Double]
  var t = 0

  init(beta: Double, count: Int) {
    self.beta = beta
    average = Array(repeating: 0, count: count)
  }

  mutating func update(_ values: [Double]) -> [Double] {
    t += 1
    for i in average.indices {
      average[i] = beta * average[i] + (1 - beta) * values[i]
    }
    let correction = 1 - pow(beta, Double(t))
    return average.map { $0 / correction }
  }
}
