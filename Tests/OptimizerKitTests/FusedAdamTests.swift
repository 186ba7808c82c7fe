import Foundation
import Testing

@testable import OptimizerKit

/// The Float32 kernel against the float64 reference, with an error bound derived per element
/// along the reference trajectory (see ``RoundingBound``).
@Suite struct FusedAdamTests {
  static let cases: [(String, Adam.Hyperparameters)] = [
    ("Adam defaults", Adam.Hyperparameters()),
    ("Adam with L2", Adam.Hyperparameters(lr: 1e-2, weightDecay: 0.1)),
    ("AdamW", Adam.Hyperparameters.adamW(lr: 1e-2, weightDecay: 0.05)),
    ("AdamW AMSGrad", Adam.Hyperparameters.adamW(lr: 3e-3, amsgrad: true)),
    ("Adam maximize", Adam.Hyperparameters(lr: 1e-3, maximize: true)),
    (
      "low beta1, large eps",
      Adam.Hyperparameters(lr: 0.1, beta1: 0.3, beta2: 0.99, eps: 1e-4, weightDecay: 0.01)
    ),
  ]

  @Test(arguments: 0..<cases.count)
  func agreesWithReference(caseIndex: Int) throws {
    let (name, hyperparameters) = Self.cases[caseIndex]
    let count = 1003
    let steps = 200
    var inputs = KernelInputs(count: count, seed: UInt64(caseIndex + 1))

    var reference = try Adam(hyperparameters, parameterCount: count)
    var referenceTheta = inputs.theta.map(Double.init)
    var kernel = try FusedAdam(hyperparameters, threadCount: 3)
    var state = Float32State(count: count, amsgrad: hyperparameters.amsgrad)
    var theta = inputs.theta
    var bound = RoundingBound(count: count, hyperparameters: hyperparameters)

    for _ in 1...steps {
      let gradients = inputs.nextGradients()
      let before = (theta: referenceTheta, m: reference.state.expAvg)
      try reference.step(parameters: &referenceTheta, gradients: gradients.map(Double.init))
      try state.step(&kernel, theta: &theta, gradients: gradients)
      bound.advance(
        thetaBefore: before.theta, mBefore: before.m, gradients: gradients.map(Double.init),
        after: reference, thetaAfter: referenceTheta)
    }

    var worst = (ratio: 0.0, index: 0, quantity: "")
    for i in 0..<count {
      let checks: [(String, Double, Double, Double)] = [
        ("θ", Double(theta[i]), referenceTheta[i], bound.theta[i]),
        ("m", Double(state.m[i]), reference.state.expAvg[i], bound.m[i]),
        ("v", Double(state.v[i]), reference.state.expAvgSq[i], bound.v[i]),
      ]
      for (quantity, got, expected, limit) in checks {
        let ratio = abs(got - expected) / limit
        if !(ratio <= worst.ratio) { worst = (ratio, i, quantity) }
      }
    }
    #expect(
      worst.ratio <= 1,
      "\(name): \(worst.quantity)[\(worst.index)] is off by \(worst.ratio)× the rounding bound")
  }

  @Test func unfusedPassesAgreeWithReference() throws {
    let hyperparameters = Adam.Hyperparameters.adamW(lr: 1e-2, weightDecay: 0.05)
    let count = 1003
    var inputs = KernelInputs(count: count, seed: 7)
    var reference = try Adam(hyperparameters, parameterCount: count)
    var referenceTheta = inputs.theta.map(Double.init)
    var unfused = try UnfusedAdamW(hyperparameters, threadCount: 3)
    var theta = inputs.theta
    var m = [Float](repeating: 0, count: count)
    var v = m
    var s = m
    var d = m
    var bound = RoundingBound(count: count, hyperparameters: hyperparameters)

    for _ in 1...100 {
      let gradients = inputs.nextGradients()
      let before = (theta: referenceTheta, m: reference.state.expAvg)
      try reference.step(parameters: &referenceTheta, gradients: gradients.map(Double.init))
      theta.withUnsafeMutableBufferPointer { theta in
        gradients.withUnsafeBufferPointer { gradients in
          m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
              s.withUnsafeMutableBufferPointer { s in
                d.withUnsafeMutableBufferPointer { d in
                  unfused.step(
                    parameters: theta, gradients: gradients, firstMoment: m, secondMoment: v,
                    scratch: (s, d))
                }
              }
            }
          }
        }
      }
      bound.advance(
        thetaBefore: before.theta, mBefore: before.m, gradients: gradients.map(Double.init),
        after: reference, thetaAfter: referenceTheta)
    }

    let worst =
      (0..<count).map { abs(Double(theta[$0]) - referenceTheta[$0]) / bound.theta[$0] }
      .max() ?? 0
    #expect(worst <= 1, "θ is off by \(worst)× the rounding bound")
  }

  @Test func threadCountsGiveIdenticalBits() throws {
    for count in [1, 15, 16, 17, 1000, 4099] {
      var results: [[Float]] = []
      for threads in [1, 2, 3, 7] {
        var inputs = KernelInputs(count: count, seed: 42)
        var kernel = try FusedAdam(.adamW(lr: 1e-2, amsgrad: true), threadCount: threads)
        var state = Float32State(count: count, amsgrad: true)
        var theta = inputs.theta
        for _ in 1...5 {
          try state.step(&kernel, theta: &theta, gradients: inputs.nextGradients())
        }
        results.append(theta + state.m + state.v + state.vMax)
      }
      for (index, result) in results.enumerated().dropFirst() {
        #expect(
          result.map(\.bitPattern) == results[0].map(\.bitPattern),
          "count \(count): run \(index) differs from the one-thread run")
      }
    }
  }

  @Test func mismatchedCountsAreRejected() throws {
    var kernel = try FusedAdam(.adamW())
    var theta: [Float] = [1, 2, 3]
    let gradients: [Float] = [1, 2]
    var m: [Float] = [0, 0, 0]
    var v: [Float] = [0, 0, 0]
    #expect(throws: OptimizerError.self) {
      try theta.withUnsafeMutableBufferPointer { theta in
        try gradients.withUnsafeBufferPointer { gradients in
          try m.withUnsafeMutableBufferPointer { m in
            try v.withUnsafeMutableBufferPointer { v in
              try kernel.step(
                parameters: theta, gradients: gradients, firstMoment: m, secondMoment: v)
            }
          }
        }
      }
    }
    #expect(kernel.step == 0)
  }

  @Test func amsgradNeedsItsBuffer() throws {
    var kernel = try FusedAdam(.adamW(amsgrad: true))
    var state = Float32State(count: 4)
    var theta: [Float] = [1, 2, 3, 4]
    #expect(throws: OptimizerError.self) {
      try state.step(&kernel, theta: &theta, gradients: [1, 1, 1, 1])
    }
  }

  @Test func invalidThreadCountIsRejected() {
    #expect(throws: OptimizerError.self) { try FusedAdam(.init(), threadCount: 0) }
  }

  @Test func chunksAlignToCacheLines() {
    let chunks = KernelPartition.chunks(count: 1000, parts: 3)
    #expect(chunks.first?.lowerBound == 0)
    #expect(chunks.last?.upperBound == 1000)
    for (left, right) in zip(chunks, chunks.dropFirst()) {
      #expect(left.upperBound == right.lowerBound)
      #expect(right.lowerBound % KernelPartition.alignment == 0)
    }
    #expect(KernelPartition.chunks(count: 5, parts: 4) == [0..<5])
    #expect(KernelPartition.chunks(count: 0, parts: 2).isEmpty)
  }
}

/// Owned Float32 moment buffers for the tests.
struct Float32State {
  var m: [Float]
  var v: [Float]
  var vMax: [Float]

  init(count: Int, amsgrad: Bool = false) {
    m = Array(repeating: 0, count: count)
    v = m
    vMax = amsgrad ? m : []
  }

  mutating func step(_ kernel: inout FusedAdam, theta: inout [Float], gradients: [Float]) throws {
    let useMax = !vMax.isEmpty
    try theta.withUnsafeMutableBufferPointer { theta in
      try gradients.withUnsafeBufferPointer { gradients in
        try m.withUnsafeMutableBufferPointer { m in
          try v.withUnsafeMutableBufferPointer { v in
            try vMax.withUnsafeMutableBufferPointer { vMax in
              try kernel.step(
                parameters: theta, gradients: gradients, firstMoment: m, secondMoment: v,
                maxSecondMoment: useMax ? vMax : nil)
            }
          }
        }
      }
    }
  }
}

/// Deterministic inputs that cover the awkward cases: gradients from 1e-30 to 1e12 in
/// magnitude, always-zero and later-zero gradients, alternating signs, and θ of 0 or 1e6.
struct KernelInputs {
  var theta: [Float]
  private var scales: [Float]
  private var random: SplitMix64
  private var step = 0

  init(count: Int, seed: UInt64) {
    random = SplitMix64(seed: seed)
    theta = []
    scales = []
    for i in 0..<count {
      switch i % 50 {
      case 5: theta.append(0)
      case 6: theta.append(1e6)
      default: theta.append(Float(random.nextUniform() * 20 - 10))
      }
      // Log-uniform gradient scale between 1e-6 and 1e3.
      scales.append(Float(pow(10, random.nextUniform() * 9 - 6)))
    }
  }

  mutating func nextGradients() -> [Float] {
    step += 1
    var gradients: [Float] = []
    for i in theta.indices {
      let noise = Float(random.nextUniform() * 2 - 1)
      switch i % 50 {
      case 0: gradients.append(0)
      case 1: gradients.append(1e-30 * noise)
      case 2: gradients.append(1e12 * noise)
      case 3: gradients.append(step % 2 == 0 ? scales[i] : -scales[i])
      case 4: gradients.append(step > 20 ? 0 : scales[i] * noise)
      default: gradients.append(scales[i] * (noise + 0.3))
      }
    }
    return gradients
  }
}
