import Exercises
import Foundation
import Testing

/// One classic mistake written into a copy of an exercise's solution.
struct PlantedMistake: CustomTestStringConvertible, Sendable {
  var exercise: String
  var mistake: String
  /// Text replacements applied to the solution in order; each must match.
  var patches: [(String, String)]

  var testDescription: String { "\(exercise): \(mistake)" }
}

let adamBiasCorrection = [
  ("let mHat = m[i] / biasCorrection1", "let mHat = m[i]"),
  ("let vHat = v[i] / biasCorrection2", "let vHat = v[i]"),
]
let adamEpsInside = [("(vHat.squareRoot() + eps)", "(vHat + eps).squareRoot()")]
let adamBetasSwapped = [
  ("self.beta1 = beta1", "self.beta1 = beta2"), ("self.beta2 = beta2", "self.beta2 = beta1"),
]
let adamSignFlipped = [("parameters[i] -= lr", "parameters[i] += lr")]

let plantedMistakes: [PlantedMistake] = [
  PlantedMistake(
    exercise: "gradient-descent", mistake: "update-sign-flipped",
    patches: [
      ("weights[j] -= learningRate", "weights[j] += learningRate"),
      ("bias -= learningRate", "bias += learningRate"),
    ]),
  PlantedMistake(
    exercise: "momentum", mistake: "dampening-on-first-buffer",
    patches: [("buffer[i] = g\n", "buffer[i] = (1 - dampening) * g\n")]),
  PlantedMistake(
    exercise: "momentum", mistake: "missing-nesterov-lookahead",
    patches: [("nesterov ? g + momentum * buffer[i] : buffer[i]", "buffer[i]")]),
  PlantedMistake(
    exercise: "momentum", mistake: "maximize-by-negating-lr",
    patches: [
      ("var g = maximize ? -gradients[i] : gradients[i]", "var g = gradients[i]"),
      ("parameters[i] -= lr * direction", "parameters[i] -= (maximize ? -lr : lr) * direction"),
    ]),
  PlantedMistake(
    exercise: "momentum", mistake: "update-sign-flipped",
    patches: [("parameters[i] -= lr * direction", "parameters[i] += lr * direction")]),
  PlantedMistake(
    exercise: "adagrad", mistake: "lr-decay-uses-t",
    patches: [("Double(t - 1) * lrDecay", "Double(t) * lrDecay")]),
  PlantedMistake(
    exercise: "adagrad", mistake: "eps-inside-sqrt",
    patches: [("(sum[i].squareRoot() + eps)", "(sum[i] + eps).squareRoot()")]),
  PlantedMistake(
    exercise: "adagrad", mistake: "gradient-not-squared",
    patches: [("sum[i] += g * g", "sum[i] += g")]),
  PlantedMistake(
    exercise: "adagrad", mistake: "update-sign-flipped",
    patches: [("parameters[i] -= clr", "parameters[i] += clr")]),
  PlantedMistake(
    exercise: "rmsprop", mistake: "eps-inside-sqrt",
    patches: [("(variance.squareRoot() + eps)", "(variance + eps).squareRoot()")]),
  PlantedMistake(
    exercise: "rmsprop", mistake: "gradient-not-squared",
    patches: [("(1 - alpha) * g * g", "(1 - alpha) * g")]),
  PlantedMistake(
    exercise: "rmsprop", mistake: "missing-one-minus-beta",
    patches: [
      ("(1 - alpha) * g * g", "g * g"),
      ("gradAvg[i] = alpha * gradAvg[i] + (1 - alpha) * g", "gradAvg[i] = alpha * gradAvg[i] + g"),
    ]),
  PlantedMistake(
    exercise: "rmsprop", mistake: "update-sign-flipped",
    patches: [("parameters[i] -= lr", "parameters[i] += lr")]),
  PlantedMistake(
    exercise: "bias-correction", mistake: "missing-bias-correction",
    patches: [("return average.map { $0 / correction }", "return average")]),
  PlantedMistake(
    exercise: "bias-correction", mistake: "bias-correction-off-by-one",
    patches: [("pow(beta, Double(t))", "pow(beta, Double(t + 1))")]),
  PlantedMistake(
    exercise: "bias-correction", mistake: "missing-one-minus-beta",
    patches: [("(1 - beta) * values[i]", "values[i]")]),
  PlantedMistake(exercise: "adam", mistake: "missing-bias-correction", patches: adamBiasCorrection),
  PlantedMistake(
    exercise: "adam", mistake: "bias-correction-off-by-one",
    patches: [
      ("pow(beta1, Double(t))", "pow(beta1, Double(t - 1))"),
      ("pow(beta2, Double(t))", "pow(beta2, Double(t - 1))"),
    ]),
  PlantedMistake(exercise: "adam", mistake: "eps-inside-sqrt", patches: adamEpsInside),
  PlantedMistake(
    exercise: "adam", mistake: "eps-before-bias-correction",
    patches: [
      (
        "lr * mHat / (vHat.squareRoot() + eps)",
        "lr * mHat / ((v[i].squareRoot() + eps) / biasCorrection2.squareRoot())"
      )
    ]),
  PlantedMistake(exercise: "adam", mistake: "betas-swapped", patches: adamBetasSwapped),
  PlantedMistake(
    exercise: "adam", mistake: "missing-one-minus-beta",
    patches: [("(1 - beta1) * g", "g"), ("(1 - beta2) * g * g", "g * g")]),
  PlantedMistake(
    exercise: "adam", mistake: "gradient-not-squared",
    patches: [("(1 - beta2) * g * g", "(1 - beta2) * g")]),
  PlantedMistake(exercise: "adam", mistake: "update-sign-flipped", patches: adamSignFlipped),
  PlantedMistake(
    exercise: "adam", mistake: "decoupled-instead-of-l2",
    patches: [
      ("var g = gradients[i]", "let g = gradients[i]"),
      ("g += weightDecay * parameters[i]", "parameters[i] *= 1 - lr * weightDecay"),
    ]),
  PlantedMistake(
    exercise: "adamw", mistake: "l2-instead-of-decoupled",
    patches: [
      (
        "let g = gradients[i]\n      parameters[i] *= 1 - lr * weightDecay",
        "let g = gradients[i] + weightDecay * parameters[i]"
      )
    ]),
  PlantedMistake(
    exercise: "adamw", mistake: "decay-after-update",
    patches: [
      ("      parameters[i] *= 1 - lr * weightDecay\n", ""),
      (
        "lr * mHat / (vHat.squareRoot() + eps)",
        "lr * mHat / (vHat.squareRoot() + eps)\n      parameters[i] *= 1 - lr * weightDecay"
      ),
    ]),
  PlantedMistake(
    exercise: "adamw", mistake: "decay-not-scaled-by-lr",
    patches: [("*= 1 - lr * weightDecay", "*= 1 - weightDecay")]),
  PlantedMistake(
    exercise: "adamw", mistake: "missing-bias-correction", patches: adamBiasCorrection),
  PlantedMistake(exercise: "adamw", mistake: "eps-inside-sqrt", patches: adamEpsInside),
  PlantedMistake(exercise: "adamw", mistake: "betas-swapped", patches: adamBetasSwapped),
  PlantedMistake(exercise: "adamw", mistake: "update-sign-flipped", patches: adamSignFlipped),
  PlantedMistake(
    exercise: "amsgrad", mistake: "amsgrad-max-of-corrected",
    patches: [
      (
        "vMax[i] = max(vMax[i], v[i])\n      let vHat = vMax[i] / biasCorrection2",
        "vMax[i] = max(vMax[i], v[i] / biasCorrection2)\n      let vHat = vMax[i]"
      )
    ]),
  PlantedMistake(
    exercise: "amsgrad", mistake: "missing-bias-correction",
    patches: [
      ("let mHat = m[i] / biasCorrection1", "let mHat = m[i]"),
      ("let vHat = vMax[i] / biasCorrection2", "let vHat = vMax[i]"),
    ]),
  PlantedMistake(exercise: "amsgrad", mistake: "eps-inside-sqrt", patches: adamEpsInside),
  PlantedMistake(
    exercise: "clipping", mistake: "clip-norm-without-epsilon",
    patches: [("(total + 1e-6)", "total")]),
  PlantedMistake(
    exercise: "clipping", mistake: "clip-per-tensor",
    patches: [
      (
        "  for k in gradients.indices {\n",
        "  for k in gradients.indices {\n"
          + "    let norm = gradients[k].reduce(0) { $0 + $1 * $1 }.squareRoot()\n"
          + "    let coefficient = min(maxNorm / (norm + 1e-6), 1)\n"
      )
    ]),
  PlantedMistake(
    exercise: "checkpoint", mistake: "step-reset-on-resume",
    patches: [("    t = savedT\n", "    _ = savedT\n")]),
  PlantedMistake(
    exercise: "sharded-adam", mistake: "gradients-summed-not-averaged",
    patches: [("mean = mean.map { $0 / workerCount }", "_ = workerCount")]),
]

@Suite("Planted mistakes")
struct PlantedMistakeTests {
  @Test("mistake diagnosed by id", arguments: plantedMistakes)
  func diagnosed(planted: PlantedMistake) throws {
    let exercise = try #require(ExerciseCatalog.exercise(id: planted.exercise))
    var source = try exercise.source(.solution)
    for (original, replacement) in planted.patches {
      #expect(source.contains(original), "patch target missing: \(original)")
      source = source.replacingOccurrences(of: original, with: replacement)
    }
    let verdict = try TestCache.check(planted.exercise, source: source)
    #expect(verdict.kind != .passed)
    #expect(verdict.diagnosis == planted.mistake, "\(verdict.message)")
  }

  @Test("every listed mistake has a planted copy", arguments: ExerciseCatalog.all)
  func everyMistakePlanted(exercise: Exercise) {
    let planted = Set(plantedMistakes.filter { $0.exercise == exercise.id }.map(\.mistake))
    #expect(planted == Set(exercise.mistakeIDs))
  }

  @Test("required diagnoses all exist")
  func requiredDiagnoses() {
    let required = [
      "missing-bias-correction", "bias-correction-off-by-one", "eps-inside-sqrt",
      "eps-before-bias-correction", "l2-instead-of-decoupled", "decoupled-instead-of-l2",
      "decay-after-update", "decay-not-scaled-by-lr", "amsgrad-max-of-corrected",
      "betas-swapped", "missing-one-minus-beta", "gradient-not-squared",
      "dampening-on-first-buffer", "missing-nesterov-lookahead", "maximize-by-negating-lr",
      "lr-decay-uses-t", "update-sign-flipped", "step-reset-on-resume",
    ]
    let listed = Set(ExerciseCatalog.all.flatMap(\.mistakeIDs))
    for id in required {
      #expect(Mistake.named(id) != nil, "no explanation for \(id)")
      #expect(listed.contains(id), "no exercise diagnoses \(id)")
    }
  }
}
