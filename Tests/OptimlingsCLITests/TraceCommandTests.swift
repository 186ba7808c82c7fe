import Foundation
import OptimizerKit
import Testing

@testable import OptimlingsCLI

@Suite struct TraceCommandTests {
  /// Runs `words` through the real dispatch table with a captured console.
  static func run(
    _ words: [String], input: String = "", isUTF8: Bool = true, width: Int = 100
  ) -> (
    status: OptimlingsCLI.ExitStatus, output: String, errors: String
  ) {
    let output = LockedText()
    let errors = LockedText()
    let lines = LockedLines(
      input.split(separator: "\n", omittingEmptySubsequences: false).map(
        String.init))
    let console = Console(
      width: width, usesColor: false, isTTY: false, isUTF8: isUTF8, write: { output.append($0) },
      writeError: { errors.append($0) }, readLine: { lines.next() })
    let status = Workbook.run(words, context: CommandContext(console: console))
    return (status, output.text, errors.text)
  }

  @Test func headerWrapsToWidth() {
    let result = Self.run(
      ["trace", "adamw", "grads=1,0.5", "lr=0.001", "weight_decay=0.01", "amsgrad"], width: 60)
    #expect(result.status == .success, "\(result.errors)")
    let lines = result.output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("AdamW lr=0.001") == true)
    for line in lines where line.count > 60 {
      Issue.record("\(line.count) columns: \(line)")
    }
  }

  @Test func scalarGradientsAreSteps() throws {
    let request = try TraceArguments.parse(["adam", "lr=0.1", "grads=1,0.1,0.1"])

    #expect(request.optimizer == "adam")
    #expect(request.gradients == [[1], [0.1], [0.1]])
    #expect(request.hyperparameters == ["lr": .number(0.1)])
    #expect(request.initial == nil)
  }

  @Test func vectorGradientsSplitOnSemicolons() throws {
    let request = try TraceArguments.parse([
      "AdamW", "grads=1,2;3,4", "theta=0.5,-1", "betas=0.8,0.99", "amsgrad",
      "maximize=false",
    ])

    #expect(request.gradients == [[1, 2], [3, 4]])
    #expect(request.initial == [0.5, -1])
    #expect(request.hyperparameters["betas"] == .pair(0.8, 0.99))
    #expect(request.hyperparameters["amsgrad"] == .flag(true))
    #expect(request.hyperparameters["maximize"] == .flag(false))
  }

  @Test func commasFormOneVectorWhenInitialIsAVector() throws {
    let request = try TraceArguments.parse(["sgd", "initial=0,0", "grads=1,2"])

    #expect(request.gradients == [[1, 2]])
  }

  /// The trimmed cells of one rendered table row.
  static func cells(_ line: Substring) -> [String] {
    line.split(separator: "│", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  @Test func humanTableShowsEveryQuantity() {
    let result = Self.run(["trace", "adam", "lr=0.1", "grads=1,0.1,0.1", "initial=1"])
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)

    #expect(result.status == .success)
    #expect(
      lines.first
        == "Adam lr=0.1 betas=0.9,0.999 eps=1e-08 weight_decay=0 amsgrad=false maximize=false")
    #expect(Self.cells(lines[2]) == ["t", "g", "m", "v", "m̂", "v̂", "θ"])
    #expect(Self.cells(lines[4]) == ["0", "", "", "", "", "", "1"])
    #expect(Self.cells(lines[5]) == ["1", "1", "0.1", "0.001", "1", "1", "0.9"])
    #expect(
      Self.cells(lines[6]) == ["2", "0.1", "0.1", "0.001009", "0.526316", "0.504752", "0.825919"])
    // Right-aligned columns end every row at the same place.
    #expect(lines[5].hasSuffix(" 0.9"))
    #expect(Set(lines[4...7].map(\.count)).count == 1)
  }

  @Test func asciiNamesWithoutUTF8() {
    let result = Self.run(["trace", "adam", "grads=1"], isUTF8: false)

    #expect(result.output.contains("m_hat"))
    #expect(result.output.contains("theta"))
    #expect(!result.output.contains("θ"))
  }

  @Test func vectorTableHasComponentRows() {
    let result = Self.run([
      "trace", "sgd", "lr=0.1", "momentum=0.9", "grads=1,2;3,4", "--digits", "3",
    ])
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)

    #expect(result.status == .success)
    #expect(Self.cells(lines[2]) == ["t", "i", "g", "momentum_buffer", "θ"])
    #expect(Self.cells(lines[8]) == ["2", "0", "3", "3.9", "-0.49"])
    #expect(Self.cells(lines[9]) == ["", "1", "4", "5.8", "-0.78"])
  }

  @Test func jsonModeAnswersRequest() throws {
    let result = Self.run(
      ["trace", "--json"],
      input: #"{"optimizer": "adagrad", "hyperparameters": {"lr": 0.5},"#
        + "\n" + #""initial": [1], "gradients": [[2], [0]]}"#)
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let steps = try #require(object["steps"] as? [[String: Any]])

    #expect(result.status == .success)
    #expect(result.errors.isEmpty)
    #expect(steps.count == 2)
    #expect(steps[0]["parameters"] as? [Double] == [1 - 0.5 * 2 / (2 + 1e-10)])
    #expect((steps[1]["state"] as? [String: [Double]])?["sum"] == [4])
  }

  @Test(arguments: [
    (["trace"], "missing optimizer"),
    (["trace", "adam"], "missing grads="),
    (["trace", "adam", "grads=1,x"], "'x' is not a number"),
    (["trace", "adam", "grads=nan"], "not finite"),
    (["trace", "adam", "grads=1", "initial=1,2"], "has 1 value but θ has 2"),
    (["trace", "adam", "grads=1", "lr=-1"], "invalid lr: must be 0 or more"),
    (["trace", "adam", "grads=1", "betas=0.9,1"], "beta2 must be in [0, 1)"),
    (["trace", "adam", "grads=1", "betas=0.9,0.9,0.9"], "got 3 numbers"),
    (["trace", "adam", "grads=1", "momentum=0.9"], "Adam has no hyperparameter 'momentum'"),
    (["trace", "adamax", "grads=1"], "unknown optimizer 'adamax'"),
    (["trace", "lr=0.1", "grads=1"], "first argument must be the optimizer"),
    (["trace", "sgd", "grads=1", "--digits", "40"], "invalid --digits '40'"),
    (["trace", "--json", "adam"], "takes no other arguments"),
  ])
  func badInputIsUsageError(_ words: [String], _ message: String) {
    let result = Self.run(words)

    #expect(result.status == .usage)
    #expect(result.output.isEmpty)
    #expect(result.errors.contains(message), "\(result.errors)")
    #expect(result.errors.split(separator: "\n").count == 1)
  }

  @Test func badJSONIsUsageError() {
    let result = Self.run(["trace", "--json"], input: #"{"optimizer": "adam", "gradients": [[1]"#)

    #expect(result.status == .usage)
    #expect(result.errors.contains("malformed JSON at line 1, column 40"))
  }

  @Test func overflowIsFailure() {
    let result = Self.run(
      ["trace", "--json"],
      input: #"{"optimizer": "sgd", "hyperparameters": {"lr": 1e300}, "gradients": [[1e300]]}"#)

    #expect(result.status == .failure)
    #expect(result.errors.contains("step 1 made θ infinite"))
    #expect(result.errors.contains("smaller magnitude"))
  }

  @Test func zeroEpsNaNIsFailureInJSON() {
    let result = Self.run(
      ["trace", "--json"],
      input: #"{"optimizer":"Adam","hyperparameters":{"eps":0},"initial":[0],"gradients":[[0]]}"#)

    #expect(result.status == .failure)
    #expect(result.output.isEmpty)
    #expect(result.errors.contains("step 1 made θ NaN"))
    #expect(result.errors.contains("eps = 0, so a zero gradient makes the update 0/0"))
  }

  @Test func zeroEpsNaNStopsTable() {
    let result = Self.run(["trace", "adam", "eps=0", "grads=1,0"])
    #expect(result.status == .success)
    #expect(!result.output.lowercased().contains("nan"))

    let failed = Self.run(["trace", "adam", "eps=0", "grads=0,1"])
    #expect(failed.status == .failure)
    #expect(!failed.output.lowercased().contains("nan"))
    #expect(failed.output.contains("eps=0"))
    #expect(failed.output.contains("v̂"))
    #expect(failed.errors.contains("step 1 made θ NaN"))

    let later = Self.run(["trace", "rmsprop", "eps=0", "grads=1;0", "theta=0"])
    #expect(later.status == .success)
  }
}

/// Lines handed out one at a time to a console's `readLine`.
final class LockedLines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String]

  init(_ lines: [String]) {
    self.lines = lines
  }

  func next() -> String? {
    lock.lock()
    defer { lock.unlock() }
    return lines.isEmpty ? nil : lines.removeFirst()
  }
}
