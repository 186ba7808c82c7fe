import Foundation
import Testing

@testable import OptimizerKit

@Suite struct TraceTests {
  static func decode(_ json: String) throws(OptimizerError) -> TraceRequest {
    try TraceRequest.decodeJSON(Data(json.utf8))
  }

  static func expectError(_ json: String, field: String, containing text: String) {
    do {
      let request = try decode(json)
      _ = try Trace.run(request)
      Issue.record("expected an error for \(json)")
    } catch {
      #expect(error.field == field, "\(json)")
      #expect(error.message.contains(text), "\(error.message)")
    }
  }

  @Test func decodesFullRequest() throws {
    let request = try Self.decode(
      #"{"optimizer": "adamw", "hyperparameters": {"lr": 0.1, "betas": [0.8, 0.99], "#
        + #""amsgrad": true}, "initial": [1, -2.5e-1], "gradients": [[1, 2], [3, 4]]}"#)

    #expect(request.optimizer == "adamw")
    #expect(request.hyperparameters["lr"] == .number(0.1))
    #expect(request.hyperparameters["betas"] == .pair(0.8, 0.99))
    #expect(request.hyperparameters["amsgrad"] == .flag(true))
    #expect(request.initial == [1, -0.25])
    #expect(request.gradients == [[1, 2], [3, 4]])
  }

  @Test func absentFieldsTakeDefaults() throws {
    let trace = try Trace.run(Self.decode(#"{"optimizer": "SGD", "gradients": [[2], [2]]}"#))

    #expect(trace.initial == [0])
    #expect(trace.steps.map(\.parameters) == [[-0.002], [-0.004]])
    #expect(trace.optimizer.learningRate == 1e-3)
  }

  @Test func traceMatchesHandExample() throws {
    // Adam, lr 0.1, θ₀ = 1, g = 1 then 0.1: m̂₁ = 1 and v̂₁ = 1, so θ₁ = 1 − 0.1·1/(1 + 1e-8).
    let trace = try Trace.run(
      TraceRequest(
        optimizer: "Adam", hyperparameters: ["lr": .number(0.1)], initial: [1],
        gradients: [[1], [0.1]]))

    #expect(trace.steps.count == 2)
    #expect(abs(trace.steps[0].parameters[0] - (1 - 0.1 / (1 + 1e-8))) < 1e-15)
    #expect(trace.steps[0].state.map(\.name) == ["m", "v", "m_hat", "v_hat"])
    #expect(trace.steps[1].step == 2)
  }

  @Test func jsonOutputRoundTripsNumbers() throws {
    struct Output: Decodable {
      struct Step: Decodable {
        let step: Int
        let parameters: [Double]
        let state: [String: [Double]]
      }
      let steps: [Step]
    }
    let trace = try Trace.run(
      TraceRequest(
        optimizer: "RMSprop", hyperparameters: ["centered": .flag(true), "momentum": .number(0.5)],
        initial: [0.1, -3e-7], gradients: [[1e-9, 2e6], [0.3, -0.7]]))
    // JSONDecoder parses float64 exactly; Foundation's JSONSerialization on Linux does not.
    let output = try JSONDecoder().decode(Output.self, from: Data(trace.json().utf8))
    let last = try #require(output.steps.last)

    #expect(output.steps.count == 2)
    #expect(last.step == 2)
    #expect(last.parameters == trace.steps[1].parameters)
    #expect(last.state["grad_avg"] == trace.steps[1].state.first { $0.name == "grad_avg" }?.values)
    #expect(Set(last.state.keys) == ["square_avg", "grad_avg", "momentum_buffer"])
  }

  @Test func malformedJSONNamesPosition() {
    Self.expectError(
      "{\"optimizer\": \"Adam\",\n \"gradients\": [[1],]}", field: "request",
      containing: "line 2, column 20")
    Self.expectError("", field: "request", containing: "input ended")
    Self.expectError("[1]", field: "request", containing: "expected a JSON object")
  }

  @Test func badFieldsAreNamed() {
    Self.expectError(
      #"{"optimizer": "Adamax", "gradients": [[1]]}"#, field: "optimizer",
      containing: "use one of SGD")
    Self.expectError(
      #"{"optimizer": "Adam", "hyperparameters": {"momentum": 0.9}, "gradients": [[1]]}"#,
      field: "momentum", containing: "Adam has no hyperparameter 'momentum'")
    Self.expectError(
      #"{"optimizer": "Adam", "gradients": [[1]], "steps": 3}"#, field: "steps",
      containing: "unknown field")
    Self.expectError(#"{"gradients": [[1]]}"#, field: "optimizer", containing: "missing")
    Self.expectError(#"{"optimizer": "Adam"}"#, field: "gradients", containing: "missing")
    Self.expectError(
      #"{"optimizer": "Adam", "gradients": []}"#, field: "gradients",
      containing: "at least one step")
  }

  @Test func mismatchedLengthsAreNamed() {
    Self.expectError(
      #"{"optimizer": "SGD", "initial": [1, 2], "gradients": [[1, 2], [3]]}"#,
      field: "gradients[1]", containing: "has 1 value but θ has 2")
  }

  @Test func nonFiniteNumbersAreRejected() {
    Self.expectError(
      #"{"optimizer": "SGD", "gradients": [[1], [1e400]]}"#, field: "gradients[1][0]",
      containing: "too large for float64")
    Self.expectError(
      #"{"optimizer": "SGD", "hyperparameters": {"lr": -1e999}, "gradients": [[1]]}"#,
      field: "lr", containing: "too large for float64")
  }

  @Test func outOfRangeValuesAreRejected() {
    Self.expectError(
      #"{"optimizer": "Adam", "hyperparameters": {"lr": -0.1}, "gradients": [[1]]}"#,
      field: "lr", containing: "must be 0 or more")
    Self.expectError(
      #"{"optimizer": "Adam", "hyperparameters": {"betas": [0.9, 1]}, "gradients": [[1]]}"#,
      field: "betas", containing: "beta2 must be in [0, 1)")
    Self.expectError(
      #"{"optimizer": "Adam", "hyperparameters": {"betas": [-0.1, 0.9]}, "gradients": [[1]]}"#,
      field: "betas", containing: "beta1 must be in [0, 1)")
    Self.expectError(
      #"{"optimizer": "Adam", "hyperparameters": {"betas": 0.9}, "gradients": [[1]]}"#,
      field: "betas", containing: "expected two numbers")
    Self.expectError(
      #"{"optimizer": "Adam", "hyperparameters": {"amsgrad": "yes"}, "gradients": [[1]]}"#,
      field: "amsgrad", containing: "expected a number, true or false")
  }

  @Test func overflowIsReportedInJSON() throws {
    let trace = try Trace.run(
      TraceRequest(
        optimizer: "SGD", hyperparameters: ["lr": .number(1e300)], gradients: [[1e300]]))

    #expect(throws: NonFiniteValue.self) { try trace.json() }
    let nonFinite = try #require(trace.firstNonFiniteValue)
    #expect(nonFinite.step == 1)
    #expect(nonFinite.quantity == "parameters")
    #expect(nonFinite.description.contains("step 1 made θ infinite"))
    #expect(nonFinite.description.contains("overflowed"))
  }

  @Test func zeroEpsNaNNamesComponent() throws {
    let history = try Trace.run(
      TraceRequest(
        optimizer: "Adam", hyperparameters: ["eps": .number(0)], gradients: [[1], [0], [0]]))
    #expect(history.firstNonFiniteValue == nil)

    let vector = try Trace.run(
      TraceRequest(
        optimizer: "Adam", hyperparameters: ["eps": .number(0)], initial: [0, 1],
        gradients: [[1, 1], [1, 0], [0, 0]]))
    #expect(vector.firstNonFiniteValue == nil)

    let fresh = try Trace.run(
      TraceRequest(
        optimizer: "RMSprop", hyperparameters: ["eps": .number(0)], initial: [0, 1],
        gradients: [[1, 1], [1, 0]]))
    #expect(fresh.firstNonFiniteValue == nil)

    let zero = try Trace.run(
      TraceRequest(
        optimizer: "Adagrad", hyperparameters: ["eps": .number(0)], initial: [0, 1],
        gradients: [[1, 0]]))
    let nonFinite = try #require(zero.firstNonFiniteValue)
    #expect(nonFinite.step == 1)
    #expect(nonFinite.component == 1)
    #expect(nonFinite.description.contains("step 1 made θ[1] NaN"))
  }

  @Test func zeroEpsNaNMessage() throws {
    let trace = try Trace.run(
      TraceRequest(optimizer: "Adam", hyperparameters: ["eps": .number(0)], gradients: [[0]]))
    let nonFinite = try #require(trace.firstNonFiniteValue)

    #expect(nonFinite.step == 1)
    #expect(nonFinite.component == nil)
    #expect(nonFinite.value.isNaN)
    #expect(nonFinite.description.contains("step 1 made θ NaN"))
    #expect(nonFinite.description.contains("eps = 0, so a zero gradient makes the update 0/0"))
    #expect(!nonFinite.description.contains("smaller magnitude"))
  }
}
