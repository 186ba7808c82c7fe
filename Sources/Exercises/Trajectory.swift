import ExerciseSupport

/// The values recorded after one step, in the order the harness recorded them.
public struct StepRecord: Equatable, Sendable {
  public var step: Int
  public var quantities: [(name: String, values: [Double])]

  public init(step: Int, quantities: [(name: String, values: [Double])] = []) {
    self.step = step
    self.quantities = quantities
  }

  public func values(_ name: String) -> [Double]? {
    quantities.first { $0.name == name }?.values
  }

  public static func == (lhs: StepRecord, rhs: StepRecord) -> Bool {
    lhs.step == rhs.step && lhs.quantities.count == rhs.quantities.count
      && zip(lhs.quantities, rhs.quantities).allSatisfy {
        $0.name == $1.name && $0.values == $1.values
      }
  }
}

/// Everything recorded for one case.
public struct CaseTrajectory: Equatable, Sendable {
  public var name: String
  public var seed: UInt64
  public var steps: [StepRecord]

  public init(name: String, seed: UInt64, steps: [StepRecord] = []) {
    self.name = name
    self.seed = seed
    self.steps = steps
  }

  mutating func record(_ step: Int, _ quantities: (String, [Double])...) {
    steps.append(StepRecord(step: step, quantities: quantities.map { (name: $0.0, values: $0.1) }))
  }
}

/// A checked program's standard output, split into protocol lines and the learner's own output.
public struct HarnessOutput: Sendable {
  public var cases: [CaseTrajectory] = []
  /// The case that was running when the output ended, if it never reached its `end` line.
  public var unfinishedCase: String?
  public var finished = false
  public var notImplemented: (what: String, file: String, line: Int)?
  public var harnessError: String?
  /// Lines the learner printed, kept to show in the verdict.
  public var learnerLines: [String] = []

  /// Parses the program's standard output; malformed protocol lines are ignored.
  public init(parsing text: String) {
    let marker = HarnessProtocol.marker
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix(marker) else {
        if !line.isEmpty, learnerLines.count < 20 { learnerLines.append(String(line)) }
        continue
      }
      let fields = line.dropFirst(marker.count).split(
        separator: "\t", omittingEmptySubsequences: false)
      switch fields.first {
      case "case":
        guard fields.count >= 3 else { continue }
        cases.append(CaseTrajectory(name: String(fields[1]), seed: UInt64(fields[2]) ?? 0))
        unfinishedCase = String(fields[1])
      case "step":
        guard fields.count == 4, let step = Int(fields[1]), !cases.isEmpty else { continue }
        let values =
          fields[3].isEmpty ? [] : fields[3].split(separator: ",").map { Double($0) ?? .nan }
        var steps = cases[cases.count - 1].steps
        if steps.last?.step != step { steps.append(StepRecord(step: step)) }
        steps[steps.count - 1].quantities.append((name: String(fields[2]), values: values))
        cases[cases.count - 1].steps = steps
      case "end":
        unfinishedCase = nil
      case "done":
        finished = true
      case "not-implemented":
        let what = fields.count > 1 ? String(fields[1]) : "a function"
        let file = fields.count > 2 ? String(fields[2]) : ""
        let line = fields.count > 3 ? Int(fields[3]) ?? 0 : 0
        notImplemented = (what, file, line)
      case "error":
        harnessError = fields.count > 1 ? String(fields[1]) : "unknown problem"
      default:
        continue
      }
    }
  }
}
