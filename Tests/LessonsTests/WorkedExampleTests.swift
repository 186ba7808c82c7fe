import OptimizerKit
import Testing

@testable import Lessons

@Suite struct WorkedExampleTests {
  // Adam with lr 0.1 on a scalar: m₁ = 0.1, v₁ = 0.001, m̂₁ = v̂₁ = g so θ₁ = 1 - 0.1 = 0.9
  // up to ε; v̂ = 1 because v₁ / (1 - 0.999) = 1.
  let adam = """
    optimizer: Adam
    lr: 0.1
    betas: 0.9, 0.999
    initial: 1.0
    gradients: 1; 0.1; 0.1
    step 1: parameters = 0.9
    step 1: m = 0.1
    step 1: v_hat = 1
    """

  @Test func parsesFields() throws {
    let example = try WorkedExample.parse(adam)
    #expect(example.optimizer == "Adam")
    #expect(example.hyperparameters.map(\.name) == ["lr", "betas"])
    #expect(example.hyperparameters[1].value == .pair(0.9, 0.999))
    #expect(example.initial == [1.0])
    #expect(example.gradients == [[1], [0.1], [0.1]])
    #expect(example.claims.count == 3)
    #expect(example.claims[0].line == 6)
  }

  @Test func correctClaimsPass() throws {
    #expect(try WorkedExample.parse(adam).verify().isEmpty)
  }

  @Test func referenceStepsListEveryQuantity() throws {
    let steps = try WorkedExample.parse(adam).referenceSteps()

    #expect(steps.map(\.step) == [1, 2, 3])
    #expect(steps[0].names == ["m", "v", "m_hat", "v_hat", "parameters"])
    let m = try #require(steps[0].values["m"])
    #expect(abs(m[0] - 0.1) < 1e-12)
    let v = try #require(steps[0].values["v"])
    #expect(abs(v[0] - 0.001) < 1e-12)
    let theta = try #require(steps[2].values["parameters"])
    #expect(abs(theta[0] - 0.762605) < 5e-7)
  }

  @Test func wrongClaimIsReported() throws {
    let text = adam + "\nstep 2: parameters = 0.85000"
    let failures = try WorkedExample.parse(text, firstLine: 20).verify()
    #expect(failures.count == 1)
    #expect(failures[0].claim.line == 28)
    #expect(failures[0].message.contains("claimed 0.85000"))
  }

  @Test func precisionFollowsWrittenDigits() throws {
    // SGD with lr 0.1 from θ₀ = 1 and g = 1 gives θ₁ = 0.9.
    func failures(claiming written: String) throws -> Int {
      let text =
        "optimizer: SGD\nlr: 0.1\ninitial: 1\ngradients: 1\nstep 1: parameters = \(written)"
      return try WorkedExample.parse(text).verify().count
    }
    #expect(try failures(claiming: "1") == 0)
    #expect(try failures(claiming: "0.9") == 0)
    #expect(try failures(claiming: "0.94") == 1)
    #expect(try failures(claiming: "0.904") == 1)
    #expect(try failures(claiming: "9e-1") == 0)
    #expect(try failures(claiming: "0.90000") == 0)
    #expect(WorkedExample.tolerance(of: "0.9") == 0.05)
    #expect(abs(WorkedExample.tolerance(of: "0.90000") - 5e-6) < 1e-18)
    #expect(WorkedExample.tolerance(of: "12") == 0.5)
    #expect(abs(WorkedExample.tolerance(of: "1.5e-3") - 5e-5) < 1e-18)
  }

  @Test func vectorsAndStateQuantities() throws {
    let text = """
      optimizer: SGD
      lr: 0.1
      momentum: 0.9
      nesterov: false
      initial: 1, -1
      gradients: 1, 2; 1, 2
      step 2: momentum_buffer = 1.9, 3.8
      step 2: parameters = 0.71, -1.58
      """
    #expect(try WorkedExample.parse(text).verify().isEmpty)
  }

  @Test func unknownQuantityNamesAvailableOnes() throws {
    let text = "optimizer: SGD\ninitial: 1\ngradients: 1\nstep 1: v_hat = 1"
    let failures = try WorkedExample.parse(text).verify()
    #expect(failures.count == 1)
    #expect(failures[0].message.contains("parameters"))
  }

  @Test func parseErrorsNameTheLine() {
    let cases: [(String, String)] = [
      ("initial: 1\ngradients: 1", "optimizer"),
      ("optimizer: SGD\ngradients: 1", "initial"),
      ("optimizer: SGD\ninitial: 1", "gradients"),
      ("optimizer: SGD\ninitial: 1, 2\ngradients: 1", "components"),
      ("optimizer: SGD\ninitial: abc\ngradients: 1", "not a finite number"),
      ("optimizer: SGD\ninitial: 1\ngradients: 1\nstep 3: parameters = 1", "no gradient"),
      ("optimizer: SGD\ninitial: 1\ngradients: 1\nthis line has no colon", "key: value"),
    ]
    for (text, fragment) in cases {
      do {
        _ = try WorkedExample.parse(text)
        Issue.record("expected an error for \(text)")
      } catch {
        #expect(error.message.contains(fragment), "\(error.message)")
      }
    }
  }

  @Test func unknownHyperparameterFailsVerification() throws {
    let text = "optimizer: Adam\nmomentum: 0.9\ninitial: 1\ngradients: 1"
    #expect(throws: WorkedExampleError.self) { try WorkedExample.parse(text).verify() }
  }

  @Test func lessonCollectsProblems() {
    let source = """
      ## Example

      ```worked-example
      optimizer: SGD
      lr: 0.1
      initial: 1
      gradients: 1
      step 1: parameters = 0.5
      ```
      """
    let lesson = LessonParser.parse(source, fileName: "sgd.md", path: "lessons/sgd.md")
    let problems = lesson.workedExampleProblems()
    #expect(problems.count == 1)
    #expect(problems[0].hasPrefix("lessons/sgd.md: line 8:"))
  }
}
