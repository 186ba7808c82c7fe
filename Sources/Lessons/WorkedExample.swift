import Foundation
import OptimizerKit

/// A `worked-example` block: an optimizer, its hyperparameters, a starting point, gradients
/// and the values the lesson claims after each step.
public struct WorkedExample: Equatable, Sendable {
  public struct Hyperparameter: Equatable, Sendable {
    /// The torch name, such as `lr` or `betas`.
    public var name: String
    public var value: HyperparameterValue
    /// The value as the lesson wrote it, for display.
    public var written: String
  }

  /// One `step N: QUANTITY = V1, V2` line.
  public struct Claim: Equatable, Sendable {
    /// The step t after which the values hold, starting at 1.
    public var step: Int
    /// `parameters` or a state quantity name such as `m` or `v_hat`.
    public var quantity: String
    public var values: [Double]
    /// The numbers as written; their last digit sets the tolerance.
    public var written: [String]
    /// The 1-based line in the lesson file, or in the block when no offset was given.
    public var line: Int
  }

  /// The torch class name as written: SGD, Adagrad, RMSprop, Adam or AdamW.
  public var optimizer: String
  public var hyperparameters: [Hyperparameter]
  /// θ₀, one number per parameter.
  public var initial: [Double]
  /// One gradient vector per step.
  public var gradients: [[Double]]
  public var claims: [Claim]

  /// Parses the text of a `worked-example` block.
  ///
  /// - Parameter firstLine: the file line of the block's first text line, so errors and
  ///   claims name lines of the lesson file.
  /// - Throws: ``WorkedExampleError`` naming the line for a missing key, a malformed number,
  ///   a gradient of the wrong length or a claim about a step without a gradient.
  public static func parse(_ text: String, firstLine: Int = 1) throws(WorkedExampleError)
    -> WorkedExample
  {
    var optimizer: String?
    var hyperparameters: [Hyperparameter] = []
    var initial: [Double]?
    var gradients: [[Double]]?
    var claims: [Claim] = []

    for (offset, rawLine) in text.lineSlices.enumerated() {
      let line = firstLine + offset
      let content = rawLine.trimmingSpaces
      if content.isEmpty || content.hasPrefix("#") { continue }
      guard let colon = content.firstIndex(of: ":") else {
        throw WorkedExampleError(
          line: line, message: "expected 'key: value', got '\(content)'")
      }
      let key = String(content[..<colon].trimmingSpaces)
      let value = String(content[content.index(after: colon)...].trimmingSpaces)
      let lowered = key.lowercased()

      if lowered == "optimizer" {
        optimizer = value
      } else if lowered == "initial" {
        initial = try numbers(value, field: "initial", line: line).map(\.value)
      } else if lowered == "gradients" {
        gradients = try value.split(separator: ";").map { part throws(WorkedExampleError) in
          try numbers(String(part), field: "gradients", line: line).map(\.value)
        }
      } else if lowered.hasPrefix("step") {
        claims.append(try claim(key: key, value: value, line: line))
      } else {
        hyperparameters.append(
          Hyperparameter(
            name: key, value: try hyperparameterValue(value, name: key, line: line),
            written: value))
      }
    }

    guard let optimizer else {
      throw WorkedExampleError(
        line: firstLine, message: "missing 'optimizer:' (SGD, Adagrad, RMSprop, Adam or AdamW)")
    }
    guard let initial, !initial.isEmpty else {
      throw WorkedExampleError(
        line: firstLine, message: "missing 'initial:' with the starting parameters θ₀")
    }
    guard let gradients, !gradients.isEmpty else {
      throw WorkedExampleError(
        line: firstLine, message: "missing 'gradients:' with one gradient per step, split by ';'")
    }
    for (index, gradient) in gradients.enumerated() where gradient.count != initial.count {
      throw WorkedExampleError(
        line: firstLine,
        message:
          "gradient \(index + 1) has \(gradient.count) components but 'initial' has \(initial.count)"
      )
    }
    for claim in claims where claim.step > gradients.count {
      throw WorkedExampleError(
        line: claim.line,
        message: "step \(claim.step) has no gradient; 'gradients' lists \(gradients.count) steps")
    }
    return WorkedExample(
      optimizer: optimizer, hyperparameters: hyperparameters, initial: initial,
      gradients: gradients, claims: claims)
  }

  /// θ and the reference optimizer's named state after one step.
  public struct ReferenceStep: Equatable, Sendable {
    /// t, starting at 1.
    public var step: Int
    /// The state quantities in the optimizer's order (`m`, `v`, `m_hat`, …), then `parameters`.
    public var names: [String]
    public var values: [String: [Double]]
  }

  /// Runs the reference optimizer over the gradients and returns its values after each step.
  ///
  /// - Throws: ``WorkedExampleError`` when the optimizer cannot be built from the block, such
  ///   as an unknown optimizer or hyperparameter, or when a step fails.
  public func referenceSteps() throws(WorkedExampleError) -> [ReferenceStep] {
    var reference: ReferenceOptimizer
    do {
      reference = try ReferenceOptimizer.make(
        torchName: optimizer,
        hyperparameters: Dictionary(
          hyperparameters.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }),
        parameterCount: initial.count)
    } catch {
      throw WorkedExampleError(line: claims.first?.line ?? 0, message: error.description)
    }

    var steps: [ReferenceStep] = []
    var parameters = initial
    for (index, gradient) in gradients.enumerated() {
      let step = index + 1
      do {
        try reference.step(parameters: &parameters, gradients: gradient)
      } catch {
        throw WorkedExampleError(line: 0, message: "step \(step) failed: \(error.description)")
      }
      let state = reference.stateQuantities()
      var values = ["parameters": parameters]
      for quantity in state { values[quantity.name] = quantity.values }
      steps.append(
        ReferenceStep(step: step, names: state.map(\.name) + ["parameters"], values: values))
    }
    return steps
  }

  /// Runs the reference optimizer and returns every claimed component that is off by more than
  /// half a unit in its last written digit. An empty result means every claim holds.
  ///
  /// - Throws: ``WorkedExampleError`` when the optimizer cannot be built from the block, such
  ///   as an unknown optimizer or hyperparameter.
  public func verify() throws(WorkedExampleError) -> [ClaimFailure] {
    var failures: [ClaimFailure] = []
    for reference in try referenceSteps() {
      let step = reference.step
      let available = reference.values
      for claim in claims where claim.step == step {
        guard let actual = available[claim.quantity] else {
          failures.append(
            ClaimFailure(
              claim: claim, component: nil, reference: nil,
              message:
                "\(optimizer) has no quantity '\(claim.quantity)'; it has "
                + available.keys.sorted().joined(separator: ", ")))
          continue
        }
        guard actual.count == claim.values.count else {
          failures.append(
            ClaimFailure(
              claim: claim, component: nil, reference: nil,
              message:
                "claims \(claim.values.count) values but \(claim.quantity) has \(actual.count)"))
          continue
        }
        for (component, claimed) in claim.values.enumerated() {
          let tolerance = Self.tolerance(of: claim.written[component])
          let difference = abs(actual[component] - claimed)
          if !(difference <= tolerance * (1 + 1e-9)) {
            failures.append(
              ClaimFailure(
                claim: claim, component: component, reference: actual[component],
                message:
                  "step \(step) \(claim.quantity)[\(component)]: claimed \(claim.written[component]), "
                  + "reference \(actual[component]) (allowed ±\(tolerance))"))
          }
        }
      }
    }
    return failures
  }

  /// Half a unit in the last written digit: `0.9` → 0.05, `0.90000` → 5e-6, `12` → 0.5,
  /// `1.5e-3` → 5e-5.
  public static func tolerance(of written: String) -> Double {
    let text = written.trimmingSpaces.lowercased()
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(of: "e") {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var decimals = 0
    if let dot = mantissa.firstIndex(of: ".") {
      decimals = mantissa[mantissa.index(after: dot)...].filter(\.isNumber).count
    }
    return 0.5 * pow10(exponent - decimals)
  }

  private static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 {
      for _ in 0..<min(exponent, 400) { result *= 10 }
    } else {
      for _ in 0..<min(-exponent, 400) { result /= 10 }
    }
    return result
  }

  private static func claim(key: String, value: String, line: Int) throws(WorkedExampleError)
    -> Claim
  {
    let stepText = key.dropFirst(4).trimmingSpaces
    guard let step = Int(stepText), step >= 1 else {
      throw WorkedExampleError(
        line: line, message: "expected 'step N' with N a step from 1, got '\(key)'")
    }
    guard let equals = value.firstIndex(of: "=") else {
      throw WorkedExampleError(
        line: line, message: "expected 'step \(step): QUANTITY = VALUES', got '\(value)'")
    }
    let quantity = String(value[..<equals].trimmingSpaces)
    guard !quantity.isEmpty else {
      throw WorkedExampleError(line: line, message: "missing quantity name before '='")
    }
    let parsed = try numbers(
      String(value[value.index(after: equals)...]), field: quantity, line: line)
    return Claim(
      step: step, quantity: quantity, values: parsed.map(\.value),
      written: parsed.map(\.written), line: line)
  }

  private static func numbers(_ text: String, field: String, line: Int) throws(WorkedExampleError)
    -> [(value: Double, written: String)]
  {
    var trimmed = text.trimmingSpaces
    if trimmed.hasPrefix("("), trimmed.hasSuffix(")") {
      trimmed = trimmed.dropFirst().dropLast()
    } else if trimmed.hasPrefix("["), trimmed.hasSuffix("]") {
      trimmed = trimmed.dropFirst().dropLast()
    }
    var result: [(Double, String)] = []
    for part in trimmed.split(separator: ",") {
      let written = String(part.trimmingSpaces).replacingOccurrences(of: "−", with: "-")
      guard let value = Double(written), value.isFinite else {
        throw WorkedExampleError(
          line: line, message: "'\(field)': '\(part.trimmingSpaces)' is not a finite number")
      }
      result.append((value, written))
    }
    guard !result.isEmpty else {
      throw WorkedExampleError(line: line, message: "'\(field)' has no numbers")
    }
    return result
  }

  private static func hyperparameterValue(_ text: String, name: String, line: Int)
    throws(WorkedExampleError) -> HyperparameterValue
  {
    switch text.lowercased() {
    case "true": return .flag(true)
    case "false": return .flag(false)
    default: break
    }
    let parsed = try numbers(text, field: name, line: line)
    switch parsed.count {
    case 1: return .number(parsed[0].value)
    case 2: return .pair(parsed[0].value, parsed[1].value)
    default:
      throw WorkedExampleError(
        line: line, message: "'\(name)' takes one number or two (betas), got \(parsed.count)")
    }
  }
}

/// A claimed value that the reference optimizer does not reproduce.
public struct ClaimFailure: Equatable, Sendable, CustomStringConvertible {
  public var claim: WorkedExample.Claim
  /// The vector index that differs, or nil when the whole claim is unusable.
  public var component: Int?
  /// The reference value at `component`, when there is one.
  public var reference: Double?
  public var message: String

  public var description: String { "line \(claim.line): \(message)" }
}

/// A worked-example block that cannot be parsed or run.
public struct WorkedExampleError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The 1-based line, or 0 when no single line is at fault.
  public var line: Int
  public var message: String

  public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

extension Lesson {
  /// Parses and verifies every worked example, returning one message per problem with the
  /// lesson path and line.
  public func workedExampleProblems() -> [String] {
    var problems: [String] = []
    let location = path ?? id
    for (_, block) in codeBlocks where block.kind == .workedExample {
      do {
        let example = try WorkedExample.parse(block.text, firstLine: block.line + 1)
        for failure in try example.verify() { problems.append("\(location): \(failure)") }
      } catch {
        problems.append("\(location): \(error)")
      }
    }
    return problems
  }
}
