import Foundation
import OptimizerKit
import Terminal

/// `trace`: the step table of a reference optimizer on gradients the learner supplies.
enum TraceCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "trace",
    summary: "Show a reference optimizer's state at every step for gradients you give.",
    usage: "OPTIMIZER grads=G1,G2,... [initial=θ0] [HYPERPARAMETER=VALUE...] [--digits N] "
      + "| --json",
    flags: ["--json"], valueOptions: ["--digits"], completion: .optimizer
  ) { arguments, context in
    if arguments.has("--json") {
      guard arguments.positionals.isEmpty, arguments.value("--digits") == nil else {
        throw CommandError.usage(
          "trace --json reads its request from stdin and takes no other arguments; "
            + "send for example \(TraceRequest.jsonExample)")
      }
      var lines: [String] = []
      while let line = context.console.readLine() {
        lines.append(line)
      }
      let output = try TraceRunner.json(input: lines.joined(separator: "\n"))
      context.console.print(output)
      return .success
    }

    let digits = try TraceRunner.digits(arguments.value("--digits"))
    let request = try TraceArguments.parse(arguments.positionals)
    let trace = try TraceRunner.run(request)
    let nonFinite = trace.firstNonFiniteValue
    let options = RenderOptions(
      width: context.console.width, usesColor: context.console.usesColor, hyperlinks: false)
    // The table stops before the step that left float64's range, and the error names it.
    let shown = nonFinite.map { bad in trace.prefix(steps: bad.step - 1) } ?? trace
    let table = TraceTable(
      trace: shown, significantDigits: digits, usesUnicode: context.console.isUTF8,
      options: options)
    context.console.write(table.render())
    if let nonFinite {
      throw CommandError(.failure, nonFinite.description)
    }
    return .success
  }
}

/// The pure steps of `trace`, apart from console input and output, so tests can call them.
enum TraceRunner {
  /// Runs a request, turning invalid input into a usage error (exit status 2).
  static func run(_ request: TraceRequest) throws(CommandError) -> Trace {
    do {
      return try Trace.run(request)
    } catch {
      throw .usage(error.description)
    }
  }

  /// Runs one JSON request and returns the trace as JSON.
  static func json(input: String) throws(CommandError) -> String {
    let request: TraceRequest
    do {
      request = try TraceRequest.decodeJSON(Data(input.utf8))
    } catch {
      throw .usage(error.description)
    }
    let trace = try run(request)
    do {
      return try trace.json()
    } catch {
      // The input was valid, but the arithmetic left float64's range: a failure, not a usage
      // error.
      throw CommandError(.failure, error.description)
    }
  }

  /// Parses `--digits`: significant digits from 1 to 17, 6 when absent.
  static func digits(_ text: String?) throws(CommandError) -> Int {
    guard let text else { return 6 }
    guard let digits = Int(text), (1...17).contains(digits) else {
      throw .usage("invalid --digits '\(text)': give a whole number of significant digits, 1 to 17")
    }
    return digits
  }
}

/// Parses the human form `OPTIMIZER key=value ...` of `trace`.
///
/// `grads` (or `gradients`) lists one gradient per step. For a single parameter, commas
/// separate steps: `grads=1,0.1,0.1`. For vectors, `;` separates steps and `,` components:
/// `grads="1,2;3,4"`. `initial` (or `theta`) sets θ₀, zeros by default. Every other key is a
/// torch hyperparameter: a number, `true`/`false`, or two numbers for `betas`; a bare name such
/// as `amsgrad` means `amsgrad=true`.
enum TraceArguments {
  static let example = "trace adam lr=0.1 grads=1,0.1,0.1"

  static func parse(_ words: [String]) throws(CommandError) -> TraceRequest {
    guard let optimizer = words.first else {
      throw .usage(
        "missing optimizer; name one of \(ReferenceOptimizer.torchNames.joined(separator: ", ")), "
          + "for example `\(example)`")
    }
    if optimizer.contains("=") {
      throw .usage(
        "the first argument must be the optimizer, got '\(optimizer)'; for example `\(example)`")
    }

    var gradientsText: String?
    var initial: [Double]?
    var hyperparameters: [String: HyperparameterValue] = [:]
    for word in words.dropFirst() {
      let key: String
      let value: String
      if let equals = word.firstIndex(of: "=") {
        key = String(word[..<equals])
        value = String(word[word.index(after: equals)...])
      } else {
        key = word
        value = "true"
      }
      switch key {
      case "grads", "gradients":
        gradientsText = value
      case "initial", "theta":
        initial = try numbers(value, field: key)
      default:
        hyperparameters[key] = try hyperparameter(value, field: key)
      }
    }

    guard let gradientsText else {
      throw .usage("missing grads=…; give one gradient per step, for example `\(example)`")
    }
    let gradients = try steps(gradientsText, dimension: initial?.count)
    return TraceRequest(
      optimizer: optimizer, hyperparameters: hyperparameters, initial: initial,
      gradients: gradients)
  }

  /// Splits `grads` into steps; see the type's documentation for the rules.
  static func steps(_ text: String, dimension: Int?) throws(CommandError) -> [[Double]] {
    if text.contains(";") {
      var steps: [[Double]] = []
      for (index, part) in text.split(separator: ";", omittingEmptySubsequences: false).enumerated()
      {
        steps.append(try numbers(String(part), field: "grads step \(index + 1)"))
      }
      return steps
    }
    let values = try numbers(text, field: "grads")
    if let dimension, dimension > 1 {
      return [values]
    }
    return values.map { [$0] }
  }

  static func numbers(_ text: String, field: String) throws(CommandError) -> [Double] {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    var values: [Double] = []
    for part in parts {
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      guard let value = Double(trimmed) else {
        throw .usage(
          "invalid \(field): '\(trimmed)' is not a number; write numbers such as 0.1 or -2e-3, "
            + "separated by commas")
      }
      guard value.isFinite else {
        throw .usage("invalid \(field): \(trimmed) is not finite; give finite numbers")
      }
      values.append(value)
    }
    return values
  }

  static func hyperparameter(_ text: String, field: String) throws(CommandError)
    -> HyperparameterValue
  {
    switch text.lowercased() {
    case "true": return .flag(true)
    case "false": return .flag(false)
    default: break
    }
    let values = try numbers(text, field: field)
    switch values.count {
    case 1: return .number(values[0])
    case 2: return .pair(values[0], values[1])
    default:
      throw .usage(
        "invalid \(field): expected one number, true/false, or two numbers such as "
          + "betas=0.9,0.999; got \(values.count) numbers")
    }
  }
}
