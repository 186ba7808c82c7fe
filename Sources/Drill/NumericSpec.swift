import OptimizerKit

/// A numeric question's computation: run a reference optimizer on given gradients and ask for
/// one quantity, so the deck never states an answer that the optimizers do not produce.
public struct NumericSpec: Equatable, Sendable {
  /// The quantity the learner must give.
  public enum Quantity: Equatable, Sendable {
    /// θ_t − θ₀, the total change of the parameters after step t.
    case change
    /// θ_t.
    case parameters
    /// A state quantity after step t, named as in `stateQuantities()`: m, v, m_hat, v_hat,
    /// v_max, momentum_buffer, sum, square_avg, grad_avg.
    case state(String)
  }

  /// The torch class name: SGD, Adagrad, RMSprop, Adam or AdamW.
  public var optimizer: String
  /// torch hyperparameter names and values; absent ones take torch's defaults.
  public var hyperparameters: [String: HyperparameterValue]
  /// θ₀, one value per parameter.
  public var initial: [Double]
  /// One gradient vector per step.
  public var gradients: [[Double]]
  public var quantity: Quantity
  /// The step t after which `quantity` is read, from 1; the last gradient's step by default.
  public var step: Int
  /// The largest accepted |answer − expected|, per component.
  public var tolerance: Double?

  public init(
    optimizer: String, hyperparameters: [String: HyperparameterValue] = [:], initial: [Double],
    gradients: [[Double]], quantity: Quantity, step: Int? = nil, tolerance: Double? = nil
  ) {
    self.optimizer = optimizer
    self.hyperparameters = hyperparameters
    self.initial = initial
    self.gradients = gradients
    self.quantity = quantity
    self.step = step ?? gradients.count
    self.tolerance = tolerance
  }

  /// Without a `tolerance:`, an answer passes within 0.1 % of the expected value, so a learner
  /// who rounds to three significant figures is right and one who ignores ε's effect is too.
  public static let defaultRelativeTolerance = 1e-3

  /// Runs the reference optimizer and returns the asked quantity.
  ///
  /// - Throws: ``OptimizerError`` for an unknown optimizer or hyperparameter, a gradient of
  ///   the wrong length, or a state quantity the optimizer does not keep.
  public func expectedValues() throws(OptimizerError) -> [Double] {
    guard step >= 1, step <= gradients.count else {
      throw OptimizerError(
        field: "step",
        message: "must be between 1 and the number of gradients (\(gradients.count)), got \(step)"
      )
    }
    var optimizer = try ReferenceOptimizer.make(
      torchName: self.optimizer, hyperparameters: hyperparameters,
      parameterCount: initial.count)
    var parameters = initial
    for gradient in gradients.prefix(step) {
      try optimizer.step(parameters: &parameters, gradients: gradient)
    }
    switch quantity {
    case .change:
      return zip(parameters, initial).map { $0 - $1 }
    case .parameters:
      return parameters
    case .state(let name):
      let quantities = optimizer.stateQuantities()
      guard let match = quantities.first(where: { $0.name == name }) else {
        let known = quantities.map(\.name).joined(separator: ", ")
        throw OptimizerError(
          field: "ask",
          message:
            "\(optimizer.torchName) with these hyperparameters keeps no '\(name)'; it keeps \(known.isEmpty ? "no state" : known)"
        )
      }
      return match.values
    }
  }

  /// The asked quantity in the notation of the lessons, such as `θ₁ − θ₀` or `m after step 2`.
  public var quantityDescription: String {
    let t = Self.subscriptNumber(step)
    switch quantity {
    case .change: return "θ\(t) − θ₀"
    case .parameters: return "θ\(t)"
    case .state(let name): return "\(name) after step \(step)"
    }
  }

  /// Grades the last numbers written in `answer` against the expected values.
  public func grade(_ answer: String) -> NumericGrade {
    let expected: [Double]
    do {
      expected = try expectedValues()
    } catch {
      // Deck loading validates every spec, so this path means a programming error.
      return NumericGrade(expected: [], given: [], tolerance: 0, isCorrect: false)
    }
    let numbers = NumericSpec.numbers(in: answer)
    let given = Array(numbers.suffix(expected.count))
    var isCorrect = given.count == expected.count
    var largestTolerance = 0.0
    for (index, value) in expected.enumerated() {
      let allowed = tolerance ?? max(abs(value) * Self.defaultRelativeTolerance, 1e-12)
      largestTolerance = max(largestTolerance, allowed)
      if index < given.count, abs(given[index] - value) > allowed { isCorrect = false }
    }
    return NumericGrade(
      expected: expected, given: given, tolerance: largestTolerance, isCorrect: isCorrect)
  }

  /// Returns the decimal numbers in `text`, in order: "−0.01", "1e-3", ".5". Digits glued to a
  /// letter, as in "θ1" or "beta2", are names, not numbers.
  public static func numbers(in text: String) -> [Double] {
    let characters = Array(text)
    var result: [Double] = []
    var i = 0
    while i < characters.count {
      let c = characters[i]
      let previous: Character = i > 0 ? characters[i - 1] : " "
      let startsNumber =
        (c.isASCII && c.isNumber)
        || (c == "." && i + 1 < characters.count && characters[i + 1].isASCII
          && characters[i + 1].isNumber)
      guard startsNumber, !(previous.isLetter || previous == "_" || previous.isNumber) else {
        i += 1
        continue
      }
      var literal = ""
      if previous == "-" || previous == "−" {
        let beforeSign: Character = i > 1 ? characters[i - 2] : " "
        if !(beforeSign.isLetter || beforeSign.isNumber) { literal = "-" }
      }
      var j = i
      while j < characters.count, characters[j].isASCII,
        characters[j].isNumber || characters[j] == "."
      {
        literal.append(characters[j])
        j += 1
      }
      if j < characters.count, characters[j] == "e" || characters[j] == "E" {
        var k = j + 1
        var exponent = "e"
        if k < characters.count, "+-−".contains(characters[k]) {
          exponent.append(characters[k] == "+" ? "+" : "-")
          k += 1
        }
        var digits = ""
        while k < characters.count, characters[k].isASCII, characters[k].isNumber {
          digits.append(characters[k])
          k += 1
        }
        if !digits.isEmpty {
          literal += exponent + digits
          j = k
        }
      }
      if literal.hasSuffix(".") { literal.removeLast() }
      if let value = Double(literal) { result.append(value) }
      i = j
    }
    return result
  }

  static func subscriptNumber(_ n: Int) -> String {
    let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    return String(String(n).map { digits[Int(String($0))!] })
  }
}

/// A graded numeric answer.
public struct NumericGrade: Equatable, Sendable {
  public var expected: [Double]
  /// The numbers read from the answer, as many as expected, or fewer when it had fewer.
  public var given: [Double]
  /// The largest accepted difference for any component.
  public var tolerance: Double
  public var isCorrect: Bool
}
