// Checkpoint and resume Adam's state through text.

import ExerciseSupport
import Foundation

struct ResumableAdam {
  var lr: Double
  var beta1: Double
  var beta2: Double
  var eps: Double
  var m: [Double]
  var v: [Double]
  var t = 0

  init(
    parameterCount: Int, lr: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
    eps: Double = 1e-8
  ) {
    self.lr = lr
    self.beta1 = beta1
    self.beta2 = beta2
    self.eps = eps
    m = Array(repeating: 0, count: parameterCount)
    v = Array(repeating: 0, count: parameterCount)
  }

  mutating func step(parameters: inout [Double], gradients: [Double]) {
    t += 1
    let biasCorrection1 = 1 - pow(beta1, Double(t))
    let biasCorrection2 = 1 - pow(beta2, Double(t))
    for i in parameters.indices {
      let g = gradients[i]
      m[i] = beta1 * m[i] + (1 - beta1) * g
      v[i] = beta2 * v[i] + (1 - beta2) * g * g
      let mHat = m[i] / biasCorrection1
      let vHat = v[i] / biasCorrection2
      parameters[i] -= lr * mHat / (vHat.squareRoot() + eps)
    }
  }

  /// One line per field: `t`, then `m` and `v` as comma-separated values. Swift prints the
  /// shortest text that reads back as the same Double, so nothing is lost.
  func checkpoint() -> String {
    let mText = m.map { "\($0)" }.joined(separator: ",")
    let vText = v.map { "\($0)" }.joined(separator: ",")
    return "t=\(t)\nm=\(mText)\nv=\(vText)\n"
  }

  mutating func restore(from checkpoint: String) throws {
    var fields: [String: String] = [:]
    for line in checkpoint.split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1)
      if parts.count == 2 {
        fields[String(parts[0])] = String(parts[1])
      }
    }
    guard let tText = fields["t"], let savedT = Int(tText) else {
      throw CheckpointError.missingField("t")
    }
    t = savedT
    m = try Self.numbers(fields["m"], "m")
    v = try Self.numbers(fields["v"], "v")
  }

  private static func numbers(_ text: String?, _ name: String) throws -> [Double] {
    guard let text else { throw CheckpointError.missingField(name) }
    return try text.split(separator: ",").map { field in
      guard let value = Double(field) else { throw CheckpointError.invalidNumber(String(field)) }
      return value
    }
  }
}

enum CheckpointError: Error {
  case missingField(String)
  case invalidNumber(String)
}
