import ExerciseSupport

/// The first step and quantity at which the learner's trajectory leaves the expected one.
public struct Divergence: Codable, Equatable, Sendable {
  public enum Kind: String, Codable, Sendable {
    /// A finite value outside the tolerance.
    case wrongValue = "wrong-value"
    /// NaN or ±∞ where a finite value was expected.
    case nonFinite = "non-finite"
    /// A vector of the wrong length.
    case wrongLength = "wrong-length"
    /// The learner's run recorded fewer steps, or left out a quantity.
    case missing
  }

  public var kind: Kind
  public var caseName: String
  public var seed: UInt64
  public var step: Int
  public var quantity: String
  /// The element index within the quantity's vector; nil for length and missing problems.
  public var index: Int?
  public var expected: Double?
  public var actual: Double?
  public var expectedCount: Int?
  public var actualCount: Int?
}

/// Compares trajectories element by element.
///
/// Two values agree when |actual − expected| ≤ rtol·max(|actual|, |expected|) + atol, where
/// atol is 1e-12 times the largest expected magnitude of that quantity in the case. The
/// absolute part keeps values that should be zero, such as a cosine's end point, from failing
/// on rounding noise, without loosening the check for uniformly tiny values.
public enum TrajectoryComparison {
  public static let relativeTolerance = 1e-9

  public static func firstDivergence(
    expected: [CaseTrajectory], actual: [CaseTrajectory],
    relativeTolerance: Double = relativeTolerance
  ) -> Divergence? {
    for expectedCase in expected {
      let actualCase = actual.first { $0.name == expectedCase.name }
      if let divergence = firstDivergence(
        expected: expectedCase, actual: actualCase, relativeTolerance: relativeTolerance)
      {
        return divergence
      }
    }
    return nil
  }

  public static func firstDivergence(
    expected: CaseTrajectory, actual: CaseTrajectory?, relativeTolerance: Double = relativeTolerance
  ) -> Divergence? {
    let scales = magnitudeScales(expected)
    func divergence(_ kind: Divergence.Kind, step: Int, quantity: String) -> Divergence {
      Divergence(
        kind: kind, caseName: expected.name, seed: expected.seed, step: step, quantity: quantity)
    }
    for (position, expectedStep) in expected.steps.enumerated() {
      guard let actual, position < actual.steps.count else {
        let quantity = expectedStep.quantities.first?.name ?? "parameters"
        return divergence(.missing, step: expectedStep.step, quantity: quantity)
      }
      let actualStep = actual.steps[position]
      for (name, expectedValues) in expectedStep.quantities {
        guard let actualValues = actualStep.values(name) else {
          return divergence(.missing, step: expectedStep.step, quantity: name)
        }
        guard actualValues.count == expectedValues.count else {
          var result = divergence(.wrongLength, step: expectedStep.step, quantity: name)
          result.expectedCount = expectedValues.count
          result.actualCount = actualValues.count
          return result
        }
        let atol = 1e-12 * (scales[name] ?? 0)
        for (index, (e, a)) in zip(expectedValues, actualValues).enumerated() {
          if agree(e, a, relativeTolerance: relativeTolerance, absoluteTolerance: atol) { continue }
          let kind: Divergence.Kind = e.isFinite && !a.isFinite ? .nonFinite : .wrongValue
          var result = divergence(kind, step: expectedStep.step, quantity: name)
          result.index = index
          result.expected = e
          result.actual = a
          return result
        }
      }
    }
    return nil
  }

  /// True when both are NaN, equal infinities, or finite and within tolerance.
  public static func agree(
    _ expected: Double, _ actual: Double, relativeTolerance: Double, absoluteTolerance: Double = 0
  ) -> Bool {
    if expected.isNaN || actual.isNaN { return expected.isNaN && actual.isNaN }
    if !expected.isFinite || !actual.isFinite { return expected == actual }
    let difference = abs(expected - actual)
    return difference <= relativeTolerance * max(abs(expected), abs(actual)) + absoluteTolerance
  }

  static func magnitudeScales(_ trajectory: CaseTrajectory) -> [String: Double] {
    var scales: [String: Double] = [:]
    for step in trajectory.steps {
      for (name, values) in step.quantities {
        let largest = values.lazy.filter(\.isFinite).map(abs).max() ?? 0
        scales[name] = max(scales[name] ?? 0, largest)
      }
    }
    return scales
  }
}

/// Names the classic mistake whose trajectory the learner's reproduces, if any.
public enum MistakeDiagnosis {
  /// Looser than the pass tolerance, because a learner's code that makes the same mistake
  /// may order its arithmetic differently from the model and round differently over 150 steps.
  public static let relativeTolerance = 1e-6

  /// Returns the id of the first modelled mistake whose trajectory agrees with `actual` on every case,
  /// or nil.
  public static func diagnose(
    exerciseID: String, cases: [ExerciseCase], actual: [CaseTrajectory]
  ) -> String? {
    for variant in ExerciseModels.variants(exerciseID: exerciseID) {
      let modelled = cases.map {
        ExerciseModels.trajectory(exerciseID: exerciseID, testCase: $0, variant: variant)
      }
      let matches =
        TrajectoryComparison.firstDivergence(
          expected: modelled, actual: actual, relativeTolerance: relativeTolerance) == nil
      if matches {
        return variant.split(separator: "#").first.map(String.init)
      }
    }
    return nil
  }
}
