import Foundation

@testable import OptimizerKit

/// A running first-order bound, per element, on |Float32 kernel − float64 reference|.
///
/// Each Float32 operation contributes at most u·|result| (u = 2⁻²⁴, round to nearest) plus
/// 2⁻¹⁴⁹ for gradual underflow, and errors carried in from the previous step are propagated
/// through the update's partial derivatives. The magnitudes come from the reference
/// trajectory. The bound grows with the step count, because v's relative error can grow by
/// about 6u per step in the worst case and θ accumulates every update's error.
struct RoundingBound {
  static let u = 0x1p-24
  static let tiny = 0x1p-149

  let h: Adam.Hyperparameters
  var step = 0
  var theta: [Double]
  var m: [Double]
  var v: [Double]
  var vMax: [Double]

  init(count: Int, hyperparameters: Adam.Hyperparameters) {
    h = hyperparameters
    theta = Array(repeating: 0, count: count)
    m = theta
    v = theta
    vMax = theta
  }

  mutating func advance(
    thetaBefore: [Double], mBefore: [Double], gradients: [Double], after reference: Adam,
    thetaAfter: [Double]
  ) {
    let u = Self.u
    let tiny = Self.tiny
    step += 1
    let c = (1 - pow(h.beta2, Double(step))).squareRoot()
    let alpha = h.lr * c / (1 - pow(h.beta1, Double(step)))
    let scaledEps = h.eps * c
    let w = 1 - h.beta1
    let decay = h.weightDecay != 0
    let isL2 = decay && h.weightDecayMode == .l2
    let isDecoupled = decay && h.weightDecayMode == .decoupled

    for i in theta.indices {
      let g = h.maximize ? -gradients[i] : gradients[i]
      var effectiveGradient = g
      var gradientError = 0.0
      if isL2 {
        effectiveGradient = g + h.weightDecay * thetaBefore[i]
        gradientError =
          h.weightDecay * theta[i] + 2 * u * abs(h.weightDecay * thetaBefore[i])
          + u * abs(effectiveGradient) + 2 * tiny
      }
      var thetaError = theta[i]
      if isDecoupled {
        let decayed = thetaBefore[i] * (1 - h.lr * h.weightDecay)
        thetaError = thetaError * (1 - h.lr * h.weightDecay) + 2 * u * abs(decayed) + tiny
      }

      let mAfter = reference.state.expAvg[i]
      let vAfter = reference.state.expAvgSq[i]
      m[i] =
        (1 - w) * m[i] + w * gradientError
        + 4 * u * (abs(mBefore[i]) + abs(effectiveGradient) + abs(mAfter)) + 3 * tiny
      v[i] =
        h.beta2 * v[i] + 2 * (1 - h.beta2) * abs(effectiveGradient) * gradientError
        + 6 * u * vAfter + 4 * tiny

      var secondMoment = vAfter
      var secondMomentError = v[i]
      if let maxima = reference.state.maxExpAvgSq {
        vMax[i] = max(vMax[i], v[i])
        secondMoment = maxima[i]
        secondMomentError = vMax[i]
      }
      let root = secondMoment.squareRoot()
      var rootError = secondMomentError.squareRoot()
      if root > 0 { rootError = min(rootError, secondMomentError / (2 * root)) }
      rootError += u * root

      let denominator = root + scaledEps
      let denominatorError = rootError + u * scaledEps + u * denominator + tiny
      let update = alpha * mAfter / denominator
      var updateError = 3 * u * abs(update) + alpha * m[i] / denominator + tiny
      if denominatorError < denominator {
        updateError += abs(update) * denominatorError / (denominator - denominatorError)
      } else {
        updateError = .infinity
      }
      theta[i] = thetaError + updateError + u * abs(thetaAfter[i]) + tiny
    }
  }
}
