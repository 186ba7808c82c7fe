import Foundation

/// A regression data set drawn from a seeded ``SplitMix64``: features xᵢⱼ ~ N(0, 1) and a true
/// linear model that the targets come from.
public struct RegressionData: Equatable, Sendable {
  /// One row per sample, one column per feature.
  public let features: [[Double]]
  public let targets: [Double]
  public let trueWeights: [Double]
  public let trueBias: Double

  public var sampleCount: Int { targets.count }
  public var featureCount: Int { trueWeights.count }

  /// Computes the linear predictions zᵢ = Σⱼ xᵢⱼ·wⱼ + b for parameters laid out as [w₁, …, w_d, b].
  func predictions(_ parameters: [Double]) -> [Double] {
    let bias = parameters[featureCount]
    return features.map { row in
      var z = 0.0
      for j in row.indices {
        z += row[j] * parameters[j]
      }
      return z + bias
    }
  }

  /// [(1/n)·Σᵢ xᵢⱼ·rᵢ for each j] followed by (1/n)·Σᵢ rᵢ, for per-sample residuals r.
  func averagedGradient(residuals: [Double]) -> [Double] {
    let scale = 1 / Double(sampleCount)
    var gradient = [Double](repeating: 0, count: featureCount + 1)
    for i in residuals.indices {
      for j in 0..<featureCount {
        gradient[j] += features[i][j] * residuals[i]
      }
      gradient[featureCount] += residuals[i]
    }
    return gradient.map { scale * $0 }
  }
}

/// Linear regression ŷ = Xw + b with loss J(w, b) = (1/2n)·Σᵢ (ŷᵢ − yᵢ)², half the mean squared
/// error, so that its gradient is exactly the batch gradient-descent pair
/// dw = (1/n)·Xᵀ(ŷ − y) and db = (1/n)·Σᵢ (ŷᵢ − yᵢ).
///
/// Parameters are laid out as [w₁, …, w_d, b]. Targets are yᵢ = xᵢ·w* + b* + 0.1·εᵢ with
/// εᵢ ~ N(0, 1).
public struct LinearRegression: Objective {
  public let data: RegressionData

  /// Draws `sampleCount` samples with `featureCount` features from `seed`. The true weights are
  /// drawn uniformly from [−3, 3] and the true bias from [−2, 2].
  public init(sampleCount: Int = 64, featureCount: Int = 1, seed: UInt64 = 42) {
    var generator = SplitMix64(seed: seed)
    let weights = (0..<featureCount).map { _ in 6 * generator.nextUniform() - 3 }
    let bias = 4 * generator.nextUniform() - 2
    var features: [[Double]] = []
    var targets: [Double] = []
    for _ in 0..<sampleCount {
      let row = (0..<featureCount).map { _ in generator.nextNormal() }
      var y = bias
      for j in row.indices {
        y += row[j] * weights[j]
      }
      features.append(row)
      targets.append(y + 0.1 * generator.nextNormal())
    }
    data = RegressionData(
      features: features, targets: targets, trueWeights: weights, trueBias: bias)
  }

  /// One feature and 64 samples, so the loss is a surface over (w, b) that can be plotted.
  public static let standard = LinearRegression()

  public var name: String { "linear-regression" }
  public var dimension: Int { data.featureCount + 1 }

  public func loss(_ parameters: [Double]) -> Double {
    let predictions = data.predictions(parameters)
    var total = 0.0
    for i in predictions.indices {
      let residual = predictions[i] - data.targets[i]
      total += residual * residual
    }
    return total / (2 * Double(data.sampleCount))
  }

  public func gradient(_ parameters: [Double]) -> [Double] {
    let predictions = data.predictions(parameters)
    return data.averagedGradient(
      residuals: predictions.indices.map { predictions[$0] - data.targets[$0] })
  }

  /// Weights and bias at zero, as batch gradient descent usually starts.
  public var suggestedStart: [Double] { [Double](repeating: 0, count: dimension) }

  public var plotBounds: PlotBounds? {
    guard dimension == 2 else { return nil }
    let (w, b) = (data.trueWeights[0], data.trueBias)
    return PlotBounds(x: (w - 4)...(w + 4), y: (b - 4)...(b + 4))
  }
}

/// Logistic regression p = σ(Xw + b) with the mean binary cross-entropy
/// J = (1/n)·Σᵢ [log(1 + e^{zᵢ}) − yᵢ·zᵢ], whose gradient is dw = (1/n)·Xᵀ(p − y) and
/// db = (1/n)·Σᵢ (pᵢ − yᵢ).
///
/// Parameters are laid out as [w₁, …, w_d, b]. Labels yᵢ ∈ {0, 1} are drawn as Bernoulli(σ(xᵢ·w*
/// + b*)), so the classes overlap and the minimum is finite.
public struct LogisticRegression: Objective {
  public let data: RegressionData

  /// Draws `sampleCount` samples with `featureCount` features from `seed`. The true weights are
  /// drawn uniformly from [−3, 3] and the true bias from [−1, 1].
  public init(sampleCount: Int = 100, featureCount: Int = 1, seed: UInt64 = 7) {
    var generator = SplitMix64(seed: seed)
    let weights = (0..<featureCount).map { _ in 6 * generator.nextUniform() - 3 }
    let bias = 2 * generator.nextUniform() - 1
    var features: [[Double]] = []
    var targets: [Double] = []
    for _ in 0..<sampleCount {
      let row = (0..<featureCount).map { _ in generator.nextNormal() }
      var z = bias
      for j in row.indices {
        z += row[j] * weights[j]
      }
      features.append(row)
      targets.append(generator.nextUniform() < Self.sigmoid(z) ? 1 : 0)
    }
    data = RegressionData(
      features: features, targets: targets, trueWeights: weights, trueBias: bias)
  }

  /// One feature and 100 samples, so the loss is a surface over (w, b) that can be plotted.
  public static let standard = LogisticRegression()

  public var name: String { "logistic-regression" }
  public var dimension: Int { data.featureCount + 1 }

  /// σ(z) = 1 / (1 + e^{−z}), written so that neither branch overflows.
  static func sigmoid(_ z: Double) -> Double {
    if z >= 0 { return 1 / (1 + exp(-z)) }
    let e = exp(z)
    return e / (1 + e)
  }

  /// log(1 + e^z) without overflow for large |z|.
  static func softplus(_ z: Double) -> Double {
    max(z, 0) + log1p(exp(-abs(z)))
  }

  public func loss(_ parameters: [Double]) -> Double {
    let logits = data.predictions(parameters)
    var total = 0.0
    for i in logits.indices {
      total += Self.softplus(logits[i]) - data.targets[i] * logits[i]
    }
    return total / Double(data.sampleCount)
  }

  public func gradient(_ parameters: [Double]) -> [Double] {
    let logits = data.predictions(parameters)
    return data.averagedGradient(
      residuals: logits.indices.map { Self.sigmoid(logits[$0]) - data.targets[$0] })
  }

  public var suggestedStart: [Double] { [Double](repeating: 0, count: dimension) }

  public var plotBounds: PlotBounds? {
    guard dimension == 2 else { return nil }
    let (w, b) = (data.trueWeights[0], data.trueBias)
    return PlotBounds(x: (w - 6)...(w + 6), y: (b - 6)...(b + 6))
  }
}
