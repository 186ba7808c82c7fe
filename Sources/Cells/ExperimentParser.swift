import OptimizerKit

extension ExperimentCell {
  /// The keys an experiment cell accepts.
  public static let keys = ["objective", "start", "steps", "compare", "plot", "lrs", "title"]

  /// Parses the text of an `experiment` cell.
  ///
  /// Blank lines and lines starting with `#` are skipped. Every run of `compare` is built once
  /// with `ReferenceOptimizer.make`, so unknown optimizers, unknown hyperparameters and values
  /// out of range are reported here, with their line, rather than when the cell runs.
  ///
  /// - Parameter firstLine: the file line of the cell's first text line, so errors name lines
  ///   of the lesson file.
  /// - Throws: ``CellError`` naming the line and key at fault and what to write instead.
  public static func parse(_ text: String, firstLine: Int = 1) throws(CellError) -> ExperimentCell {
    var values: [String: (value: String, line: Int)] = [:]
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = firstLine + offset
      let content = rawLine.trimmedSpaces
      if content.isEmpty || content.hasPrefix("#") { continue }
      guard let colon = content.firstIndex(of: ":") else {
        throw CellError(
          line: line,
          message:
            "expected 'key: value', got '\(content)'; keys are \(keys.joined(separator: ", "))")
      }
      let key = content[..<colon].trimmedSpaces.lowercased()
      let value = content[content.index(after: colon)...].trimmedSpaces
      guard keys.contains(key) else {
        throw CellError(
          line: line, key: key,
          message: "unknown key; an experiment cell accepts \(keys.joined(separator: ", "))")
      }
      if let earlier = values[key] {
        throw CellError(
          line: line, key: key, message: "given twice (first on line \(earlier.line)); keep one")
      }
      guard !value.isEmpty else {
        throw CellError(line: line, key: key, message: "missing value after ':'")
      }
      values[key] = (value, line)
    }

    guard let objective = values["objective"] else {
      throw CellError(
        line: firstLine, key: "objective",
        message: "missing; add a line such as 'objective: rosenbrock'")
    }
    guard let compare = values["compare"] else {
      throw CellError(
        line: firstLine, key: "compare",
        message: "missing; add a line such as 'compare: SGD lr=0.01; Adam lr=0.01'")
    }

    var plot = PlotKind.loss
    if let (text, line) = values["plot"] {
      guard let kind = PlotKind(rawValue: text.lowercased()) else {
        throw CellError(
          line: line, key: "plot",
          message:
            "unknown plot '\(text)'; use \(PlotKind.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      plot = kind
    }

    var steps = defaultSteps
    if let (text, line) = values["steps"] {
      guard let count = Int(text), (1...maximumSteps).contains(count) else {
        throw CellError(
          line: line, key: "steps",
          message: "expected a whole number from 1 to \(maximumSteps), got '\(text)'")
      }
      steps = count
    }

    let start = try values["start"].map { (text, line) throws(CellError) in
      try numbers(text, key: "start", line: line)
    }

    var learningRates: [Double] = []
    if let (text, line) = values["lrs"] {
      guard plot == .sweep else {
        throw CellError(
          line: line, key: "lrs",
          message: "only a sweep uses learning rates; add 'plot: sweep' or remove this line")
      }
      learningRates = try numbers(text, key: "lrs", line: line)
      if let bad = learningRates.first(where: { !($0 > 0) }) {
        throw CellError(
          line: line, key: "lrs", message: "learning rates must be positive, got \(bad)")
      }
      guard learningRates.count <= maximumLearningRates else {
        throw CellError(
          line: line, key: "lrs",
          message: "at most \(maximumLearningRates) learning rates, got \(learningRates.count)")
      }
    }
    if plot == .sweep && learningRates.isEmpty {
      throw CellError(
        line: values["plot"]?.line ?? firstLine, key: "lrs",
        message: "a sweep needs learning rates; add a line such as 'lrs: 0.0001, 0.001, 0.01, 0.1'"
      )
    }

    let runs = try parseRuns(compare.value, line: compare.line, isSweep: plot == .sweep)
    return ExperimentCell(
      objective: objective.value.lowercased(), start: start, steps: steps, runs: runs,
      plot: plot, learningRates: learningRates, title: values["title"]?.value)
  }

  /// Parses `SGD lr=0.01 momentum=0.9; Adam lr=0.02 betas=0.9,0.99`.
  static func parseRuns(_ text: String, line: Int, isSweep: Bool) throws(CellError) -> [Run] {
    var runs: [Run] = []
    for entry in text.split(separator: ";", omittingEmptySubsequences: false).map(\.trimmedSpaces) {
      guard !entry.isEmpty else {
        throw CellError(line: line, key: "compare", message: "empty run between ';' separators")
      }
      let words = entry.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      let name = words[0]
      var hyperparameters: [String: HyperparameterValue] = [:]
      for word in words.dropFirst() {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
          throw CellError(
            line: line, key: "compare",
            message: "in '\(entry)': expected name=value such as lr=0.01, got '\(word)'")
        }
        let key = String(word[..<equals])
        let valueText = String(word[word.index(after: equals)...])
        guard hyperparameters[key] == nil else {
          throw CellError(
            line: line, key: "compare", message: "in '\(entry)': '\(key)' is given twice")
        }
        hyperparameters[key] = try hyperparameterValue(
          valueText, name: key, entry: entry, line: line)
      }
      if isSweep && hyperparameters["lr"] != nil {
        throw CellError(
          line: line, key: "compare",
          message: "in '\(entry)': a sweep sets lr from 'lrs'; remove lr from the run")
      }

      // Building the optimizer once checks the name, the hyperparameter names and ranges.
      var probe = hyperparameters
      if isSweep { probe["lr"] = .number(0.001) }
      do {
        _ = try ReferenceOptimizer.make(torchName: name, hyperparameters: probe, parameterCount: 1)
      } catch {
        throw CellError(line: line, key: "compare", message: "in '\(entry)': \(error.description)")
      }
      let canonical = ReferenceOptimizer.canonicalName(name) ?? name
      runs.append(Run(optimizer: canonical, hyperparameters: hyperparameters, label: entry))
    }
    guard !runs.isEmpty else {
      throw CellError(line: line, key: "compare", message: "no runs; separate runs with ';'")
    }
    return runs
  }

  private static func hyperparameterValue(
    _ text: String, name: String, entry: String, line: Int
  ) throws(CellError) -> HyperparameterValue {
    switch text.lowercased() {
    case "true": return .flag(true)
    case "false": return .flag(false)
    default: break
    }
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      Double($0.trimmedSpaces)
    }
    switch (parts.count, parts.first ?? nil, parts.last ?? nil) {
    case (1, let value?, _): return .number(value)
    case (2, let first?, let second?): return .pair(first, second)
    default:
      throw CellError(
        line: line, key: "compare",
        message:
          "in '\(entry)': invalid value '\(text)' for \(name); write a number, true or false, "
          + "or two numbers such as betas=0.9,0.999")
    }
  }

  private static func numbers(_ text: String, key: String, line: Int) throws(CellError) -> [Double]
  {
    var result: [Double] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let value = Double(part.trimmedSpaces), value.isFinite else {
        throw CellError(
          line: line, key: key,
          message: "invalid number '\(part.trimmedSpaces)'; write numbers separated by commas")
      }
      result.append(value)
    }
    return result
  }
}

extension StringProtocol {
  var trimmedSpaces: String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" || first == "\r" {
      slice.removeFirst()
    }
    while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice.removeLast() }
    return String(slice)
  }
}
