import Foundation
import Testing

@testable import OptimizerKit

@Suite struct ObjectiveTests {
  static let names = Objectives.allNames

  /// Central differences with a step scaled to each coordinate.
  static func numericalGradient(_ objective: any Objective, at point: [Double]) -> [Double] {
    point.indices.map { i in
      let h = 1e-6 * max(1, abs(point[i]))
      var plus = point
      var minus = point
      plus[i] += h
      minus[i] -= h
      return (objective.loss(plus) - objective.loss(minus)) / (2 * h)
    }
  }

  @Test(arguments: names)
  func gradientMatchesFiniteDifferences(_ name: String) throws {
    let objective = try #require(Objectives.named(name))
    var generator = SplitMix64(seed: 99)
    var points = [objective.suggestedStart]
    for _ in 0..<5 {
      points.append((0..<objective.dimension).map { _ in 4 * generator.nextUniform() - 2 })
    }

    for point in points {
      let analytic = objective.gradient(point)
      let numerical = Self.numericalGradient(objective, at: point)
      #expect(analytic.count == objective.dimension)
      for i in analytic.indices {
        let error = abs(analytic[i] - numerical[i])
        #expect(
          error <= 1e-6 * max(1, abs(analytic[i])),
          "\(name) ∂/∂θ\(i) at \(point): analytic \(analytic[i]), numerical \(numerical[i])")
      }
    }
  }

  @Test(arguments: names)
  func objectiveIsWellFormed(_ name: String) throws {
    let objective = try #require(Objectives.named(name.uppercased()))

    #expect(objective.name == name)
    #expect(objective.suggestedStart.count == objective.dimension)
    #expect(objective.loss(objective.suggestedStart).isFinite)
    if objective.dimension == 2 {
      let bounds = try #require(objective.plotBounds)
      #expect(bounds.x.contains(objective.suggestedStart[0]))
      #expect(bounds.y.contains(objective.suggestedStart[1]))
    }
  }

  @Test func knownMinimaHaveZeroGradient() throws {
    for name in ["quadratic", "ill-conditioned", "rosenbrock", "beale"] {
      let objective = try #require(Objectives.named(name))
      let minimum = try #require(objective.knownMinimum)
      #expect(objective.gradient(minimum).allSatisfy { abs($0) < 1e-12 }, "\(name)")
      #expect(abs(objective.loss(minimum)) < 1e-12, "\(name)")
    }
  }

  @Test func unknownNameIsNil() {
    #expect(Objectives.named("himmelblau") == nil)
  }

  @Test func linearRegressionGradientIsBatchFormula() {
    // dw = (1/n)·Σ xᵢ(ŷᵢ − yᵢ), db = (1/n)·Σ (ŷᵢ − yᵢ), written out for one feature.
    let objective = LinearRegression(sampleCount: 5, featureCount: 1, seed: 3)
    let (w, b) = (0.7, -0.2)
    var dw = 0.0
    var db = 0.0
    for i in 0..<5 {
      let x = objective.data.features[i][0]
      let error = w * x + b - objective.data.targets[i]
      dw += x * error
      db += error
    }
    let gradient = objective.gradient([w, b])

    #expect(abs(gradient[0] - dw / 5) < 1e-15)
    #expect(abs(gradient[1] - db / 5) < 1e-15)
  }

  @Test func dataIsDeterministicPerSeed() {
    let first = LinearRegression(sampleCount: 10, featureCount: 3, seed: 11)
    let again = LinearRegression(sampleCount: 10, featureCount: 3, seed: 11)
    let other = LinearRegression(sampleCount: 10, featureCount: 3, seed: 12)

    #expect(first.data == again.data)
    #expect(first.data != other.data)
    #expect(first.dimension == 4)
  }

  @Test func gradientDescentFitsLinearRegression() {
    let objective = LinearRegression.standard
    var theta = objective.suggestedStart
    for _ in 0..<2000 {
      let gradient = objective.gradient(theta)
      for i in theta.indices {
        theta[i] -= 0.1 * gradient[i]
      }
    }

    #expect(abs(theta[0] - objective.data.trueWeights[0]) < 0.1)
    #expect(abs(theta[1] - objective.data.trueBias) < 0.1)
  }

  @Test func logisticLabelsAreBinaryAndMixed() {
    let targets = LogisticRegression.standard.data.targets

    #expect(targets.allSatisfy { $0 == 0 || $0 == 1 })
    #expect(targets.contains(0))
    #expect(targets.contains(1))
  }

  @Test func splitMix64MatchesReferenceOutput() {
    // The first outputs for seed 0 of the reference C implementation by Sebastiano Vigna.
    var generator = SplitMix64(seed: 0)

    #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(generator.next() == 0x06C4_5D18_8009_454F)
  }
}
