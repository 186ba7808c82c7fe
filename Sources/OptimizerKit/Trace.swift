import Foundation

/// A request to run a reference optimizer over a gradient sequence the caller supplies, as
/// `optimlings trace` receives it.
public struct TraceRequest: Equatable, Sendable {
  /// The torch class name, matched without regard to case.
  public var optimizer: String
  /// torch's hyperparameter names; an absent one takes torch's default.
  public var hyperparameters: [String: HyperparameterValue]
  /// θ₀; nil means zeros of the gradients' length.
  public var initial: [Double]?
  /// One gradient vector per step.
  public var gradients: [[Double]]

  public init(
    optimizer: String, hyperparameters: [String: HyperparameterValue] = [:],
    initial: [Double]? = nil, gradients: [[Double]]
  ) {
    self.optimizer = optimizer
    self.hyperparameters = hyperparameters
    self.initial = initial
    self.gradients = gradients
  }

  /// The example that error messages show.
  public static let jsonExample =
    #"{"optimizer": "Adam", "hyperparameters": {"lr": 0.1}, "initial": [1.0], "#
    + #""gradients": [[1.0], [0.1]]}"#

  /// Parses a JSON request
  /// `{"optimizer": …, "hyperparameters": {…}, "initial": […], "gradients": [[…], …]}`.
  ///
  /// `hyperparameters` and `initial` may be absent. Hyperparameter values are numbers, `true`
  /// or `false`, or two-number arrays for `betas`.
  /// - Throws: ``OptimizerError`` naming the field for malformed JSON, a missing or unknown
  ///   field, or a value of the wrong type.
  public static func decodeJSON(_ data: Data) throws(OptimizerError) -> TraceRequest {
    let root: JSONValue
    do {
      root = try JSONParser.parse(Array(data))
    } catch {
      throw OptimizerError(
        field: "request",
        message: "malformed JSON at \(error); send one object such as \(jsonExample)")
    }
    guard case .object(let fields) = root else {
      throw OptimizerError(
        field: "request", message: "expected a JSON object such as \(jsonExample)")
    }
    let known = ["optimizer", "hyperparameters", "initial", "gradients"]
    for key in fields.keys.sorted() where !known.contains(key) {
      throw OptimizerError(
        field: key,
        message: "unknown field; a request has only \(known.joined(separator: ", "))")
    }

    guard case .string(let optimizer)? = fields["optimizer"] else {
      throw OptimizerError(
        field: "optimizer",
        message: fields["optimizer"] == nil
          ? "missing; name a torch optimizer such as \"Adam\""
          : "expected a string such as \"Adam\"")
    }

    var hyperparameters: [String: HyperparameterValue] = [:]
    switch fields["hyperparameters"] {
    case nil, .null?:
      break
    case .object(let values)?:
      for (key, value) in values {
        hyperparameters[key] = try hyperparameter(value, field: key)
      }
    default:
      throw OptimizerError(
        field: "hyperparameters", message: #"expected an object such as {"lr": 0.1}"#)
    }

    var initial: [Double]?
    switch fields["initial"] {
    case nil, .null?:
      initial = nil
    case .some(let value):
      initial = try vector(value, field: "initial")
    }

    guard let gradientsValue = fields["gradients"] else {
      throw OptimizerError(
        field: "gradients", message: "missing; give one vector per step, such as [[1.0], [0.1]]")
    }
    guard case .array(let rows) = gradientsValue else {
      throw OptimizerError(
        field: "gradients", message: "expected an array of vectors, such as [[1.0], [0.1]]")
    }
    var gradients: [[Double]] = []
    for (index, row) in rows.enumerated() {
      gradients.append(try vector(row, field: "gradients[\(index)]"))
    }

    return TraceRequest(
      optimizer: optimizer, hyperparameters: hyperparameters, initial: initial,
      gradients: gradients)
  }

  private static func number(_ value: JSONValue, field: String) throws(OptimizerError) -> Double {
    guard case .number(let number) = value else {
      throw OptimizerError(field: field, message: "expected a number, got \(value)")
    }
    guard number.isFinite else {
      throw OptimizerError(
        field: field,
        message: "is too large for float64 (it reads as \(number)); give finite numbers")
    }
    return number
  }

  private static func vector(_ value: JSONValue, field: String) throws(OptimizerError) -> [Double] {
    guard case .array(let items) = value else {
      throw OptimizerError(
        field: field, message: "expected an array of numbers, such as [1.0, 2.0]")
    }
    var numbers: [Double] = []
    for (index, item) in items.enumerated() {
      numbers.append(try number(item, field: "\(field)[\(index)]"))
    }
    return numbers
  }

  private static func hyperparameter(_ value: JSONValue, field: String) throws(OptimizerError)
    -> HyperparameterValue
  {
    switch value {
    case .bool(let flag):
      return .flag(flag)
    case .number:
      return .number(try number(value, field: field))
    case .array(let items) where items.count == 2:
      return .pair(
        try number(items[0], field: "\(field)[0]"), try number(items[1], field: "\(field)[1]"))
    default:
      throw OptimizerError(
        field: field,
        message: "expected a number, true or false, or two numbers such as [0.9, 0.999]")
    }
  }
}

/// The state after one step of a trace.
public struct TraceStep: Equatable, Sendable {
  /// t, starting at 1.
  public var step: Int
  /// The gradient g of this step.
  public var gradients: [Double]
  /// θ after the step.
  public var parameters: [Double]
  /// The optimizer's named state after the step, in step-table order.
  public var state: [StateQuantity]
}

/// A reference optimizer run over a supplied gradient sequence, step by step.
public struct Trace: Sendable {
  /// The optimizer as configured, before the first step.
  public let optimizer: ReferenceOptimizer
  /// θ₀.
  public let initial: [Double]
  public let steps: [TraceStep]

  /// Runs `request`, checking that every vector has one value per parameter.
  ///
  /// - Throws: ``OptimizerError`` naming the field for an unknown optimizer or hyperparameter,
  ///   an out-of-range value, vectors of different lengths, or an empty gradient sequence.
  public static func run(_ request: TraceRequest) throws(OptimizerError) -> Trace {
    guard let first = request.gradients.first else {
      throw OptimizerError(
        field: "gradients", message: "no gradients given; give at least one step")
    }
    let initial = request.initial ?? [Double](repeating: 0, count: first.count)
    let dimension = initial.count
    try OptimizerError.require(
      dimension > 0, request.initial == nil ? "gradients[0]" : "initial",
      "is empty; give at least one value")
    for value in initial where !value.isFinite {
      throw OptimizerError(field: "initial", message: "must be finite numbers, got \(value)")
    }
    for (index, gradient) in request.gradients.enumerated() {
      try OptimizerError.require(
        gradient.count == dimension, "gradients[\(index)]",
        "has \(gradient.count) \(gradient.count == 1 ? "value" : "values") but θ has "
          + "\(dimension); give every step one value per parameter")
      for value in gradient where !value.isFinite {
        throw OptimizerError(
          field: "gradients[\(index)]", message: "must be finite numbers, got \(value)")
      }
    }

    let optimizer = try ReferenceOptimizer.make(
      torchName: request.optimizer, hyperparameters: request.hyperparameters,
      parameterCount: dimension)
    var running = optimizer
    var theta = initial
    var steps: [TraceStep] = []
    for gradient in request.gradients {
      try running.step(parameters: &theta, gradients: gradient)
      steps.append(
        TraceStep(
          step: running.step, gradients: gradient, parameters: theta,
          state: running.stateQuantities()))
    }
    return Trace(optimizer: optimizer, initial: initial, steps: steps)
  }

  /// The first NaN or infinite value, or nil when every value is finite.
  ///
  /// Each step's state is searched before its θ, because an overflow in a moment estimate
  /// shows there first.
  public var firstNonFiniteValue: NonFiniteValue? {
    let eps: Double? = optimizer.hyperparameterValues.lazy.compactMap { entry -> Double? in
      guard entry.name == "eps", case .number(let value) = entry.value else { return nil }
      return value
    }.first
    for step in steps {
      let vectors = step.state.map { ($0.name, $0.values) } + [("parameters", step.parameters)]
      for (name, values) in vectors {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
          return NonFiniteValue(
            step: step.step, quantity: name, component: initial.count > 1 ? index : nil,
            value: values[index], eps: eps)
        }
      }
    }
    return nil
  }

  /// This trace cut to its first `count` steps.
  public func prefix(steps count: Int) -> Trace {
    Trace(optimizer: optimizer, initial: initial, steps: Array(steps.prefix(count)))
  }

  /// `{"steps": [{"step": t, "parameters": […], "state": {"m": […], …}}, …]}` on one line, with
  /// numbers written so that they parse back to the same float64.
  ///
  /// - Throws: ``NonFiniteValue`` when a value overflowed to infinity or became NaN, which JSON
  ///   cannot represent.
  public func json() throws(NonFiniteValue) -> String {
    if let nonFinite = firstNonFiniteValue { throw nonFinite }
    var entries: [String] = []
    for step in steps {
      let state = step.state.map { "\"\($0.name)\":\(Self.array($0.values))" }
      entries.append(
        "{\"step\":\(step.step),\"parameters\":\(Self.array(step.parameters)),"
          + "\"state\":{\(state.joined(separator: ","))}}")
    }
    return "{\"steps\":[\(entries.joined(separator: ","))]}"
  }

  /// Swift's shortest representation that round-trips, which is valid JSON for finite values.
  private static func array(_ values: [Double]) -> String {
    "[" + values.map { "\($0)" }.joined(separator: ",") + "]"
  }
}

/// A NaN or infinite value in a trace: valid input whose arithmetic left float64's range.
public struct NonFiniteValue: Error, Equatable, Sendable, CustomStringConvertible {
  /// t of the step that produced the value.
  public var step: Int
  /// `parameters` for θ, otherwise the state quantity's name (`v`, `m_hat`).
  public var quantity: String
  /// The parameter index, or nil when θ has one value.
  public var component: Int?
  public var value: Double
  /// The optimizer's ε, or nil for an optimizer without one.
  public var eps: Double?

  public var description: String {
    var name = quantity == "parameters" ? "θ" : quantity
    if let component { name += "[\(component)]" }
    let what = value.isNaN ? "NaN" : "infinite"
    let cause: String
    if value.isNaN && eps == 0 {
      // With ε = 0, a zero gradient leaves both the numerator and the denominator
      // (√v̂, √sum or √square_avg) at 0.
      cause =
        "eps = 0, so a zero gradient makes the update 0/0; give eps > 0, such as 1e-8"
    } else {
      cause =
        "a value likely overflowed past float64's maximum (about 1.8e308); use gradients "
        + "or hyperparameters of smaller magnitude"
    }
    return "step \(step) made \(name) \(what): \(cause)"
  }
}

/// Any JSON value.
enum JSONValue: Equatable, Sendable, CustomStringConvertible {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  var description: String {
    switch self {
    case .null: "null"
    case .bool(let flag): "\(flag)"
    case .number(let number): "\(number)"
    case .string(let string): "\"\(string)\""
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A strict JSON (RFC 8259) parser that reports where the text goes wrong, by line and column.
///
/// Foundation's decoders report only that the data is not valid JSON. Numbers too large for float64
/// parse as infinity, so callers can report them as non-finite values.
struct JSONParser {
  struct SyntaxError: Error, CustomStringConvertible {
    let line: Int
    let column: Int
    let expected: String

    var description: String { "line \(line), column \(column): expected \(expected)" }
  }

  private let bytes: [UInt8]
  private var index = 0

  static func parse(_ text: [UInt8]) throws(SyntaxError) -> JSONValue {
    var parser = JSONParser(bytes: text)
    parser.skipWhitespace()
    let value = try parser.value()
    parser.skipWhitespace()
    if parser.index < parser.bytes.count { throw parser.error("the end of the input") }
    return value
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private func error(_ expected: String) -> SyntaxError {
    var line = 1
    var column = 1
    for byte in bytes[..<min(index, bytes.count)] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return SyntaxError(line: line, column: column, expected: expected)
  }

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let byte = current, [0x20, 0x09, 0x0A, 0x0D].contains(byte) { index += 1 }
  }

  private mutating func expect(_ character: Character) throws(SyntaxError) {
    guard current == character.asciiValue else { throw error("'\(character)'") }
    index += 1
  }

  private mutating func literal(_ word: String, _ value: JSONValue) throws(SyntaxError)
    -> JSONValue
  {
    let expected = Array(word.utf8)
    guard index + expected.count <= bytes.count,
      Array(bytes[index..<index + expected.count]) == expected
    else { throw error("a value") }
    index += expected.count
    return value
  }

  private mutating func value() throws(SyntaxError) -> JSONValue {
    guard let byte = current else { throw error("a value, but the input ended") }
    switch byte {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw error("a value (object, array, string, number, true, false or null)")
    }
  }

  private mutating func object() throws(SyntaxError) -> JSONValue {
    index += 1
    var fields: [String: JSONValue] = [:]
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      return .object(fields)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw error("a field name in double quotes") }
      let key = try string()
      skipWhitespace()
      try expect(":")
      skipWhitespace()
      fields[key] = try value()
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard current == UInt8(ascii: "}") else { throw error("',' or '}'") }
      index += 1
      return .object(fields)
    }
  }

  private mutating func array() throws(SyntaxError) -> JSONValue {
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try value())
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard current == UInt8(ascii: "]") else { throw error("',' or ']'") }
      index += 1
      return .array(items)
    }
  }

  private mutating func string() throws(SyntaxError) -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    func flush() {
      scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
      raw.removeAll()
    }
    while let byte = current {
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        flush()
        return String(scalars)
      case UInt8(ascii: "\\"):
        flush()
        guard let escaped = current else { throw error("an escape sequence") }
        index += 1
        switch escaped {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          guard index + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
          else { throw error("four hexadecimal digits after \\u") }
          index += 4
          scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        default:
          index -= 1
          throw error("a valid escape sequence")
        }
      case 0..<0x20:
        index -= 1
        throw error("'\"' before the end of the line")
      default:
        raw.append(byte)
      }
    }
    throw error("'\"' to close the string")
  }

  private mutating func number() throws(SyntaxError) -> JSONValue {
    let start = index
    func digits(_ parser: inout JSONParser) -> Int {
      let begin = parser.index
      while let byte = parser.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
        parser.index += 1
      }
      return parser.index - begin
    }
    if current == UInt8(ascii: "-") { index += 1 }
    if current == UInt8(ascii: "0") {
      index += 1
    } else if digits(&self) == 0 {
      throw error("a digit")
    }
    if current == UInt8(ascii: ".") {
      index += 1
      if digits(&self) == 0 { throw error("a digit after '.'") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      if digits(&self) == 0 { throw error("a digit in the exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let number = Double(text) else { throw error("a number") }
    return .number(number)
  }
}
