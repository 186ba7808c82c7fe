import PerformanceLab
import Terminal

/// The measurements of one `bench` run, laid out as tables and sentences.
struct BenchReport {
  var typeName: String
  /// One per size, in the order of `references`.
  var learner: [LearnerMeasurement]
  /// Per size, one measurement per thread count.
  var references: [[ReferenceMeasurement]]
  /// The reference optimizers' state at the largest size.
  var stateMemory: [StateMemory]

  func render(width: Int, usesColor: Bool) -> String {
    let renderer = LessonRenderer(
      options: RenderOptions(width: width, usesColor: usesColor, hyperlinks: false))
    var sections: [String] = []

    var rows: [[String]] = []
    for (measured, sizeReferences) in zip(learner, references) {
      let size = grouped(measured.count)
      rows.append(
        row(
          size, "your \(typeName) (float64)", "1", measured.secondsPerStep,
          bytes: float64AdamBytesPerParameter * measured.count))
      for reference in sizeReferences {
        rows.append(
          row(
            size, "reference (Float32)", "\(reference.threadCount)",
            reference.kernelSeconds, bytes: adamBytesPerParameter * measured.count))
      }
      if let fastest = sizeReferences.max(by: {
        $0.triadGigabytesPerSecond < $1.triadGigabytesPerSecond
      }) {
        rows.append(
          row(
            size, "bandwidth limit",
            "\(fastest.threadCount)", fastest.bandwidthLimitSeconds,
            bytes: adamBytesPerParameter * measured.count))
      }
    }
    sections.append(
      renderer.renderTable(
        header: ["parameters", "step", "threads", "ms/step", "steps/s", "GB/s"], rows: rows,
        alignments: [.right, .left, .right, .right, .right, .right]))
    sections.append(
      renderer.render([
        .text(
          "GB/s counts the bytes a step must move: 56 per parameter in float64, 28 in Float32. "
            + "The bandwidth limit is a Float32 step moving its 28 bytes at the STREAM triad "
            + "bandwidth measured just now.")
      ]))

    for (measured, sizeReferences) in zip(learner, references) {
      guard let best = sizeReferences.min(by: { $0.kernelSeconds < $1.kernelSeconds }) else {
        continue
      }
      let ratio = measured.secondsPerStep / best.kernelSeconds
      let explanation = GapExplanation.explain(learner: measured, references: sizeReferences)
      sections.append(
        renderer.render([
          .text(
            "At \(grouped(measured.count)) parameters your step takes "
              + "\(format(ratio, digits: 1))× the reference kernel's time. \(explanation)")
        ]))
    }

    sections.append(renderer.render([.text(stateSentence())]))
    return sections.joined(separator: "\n")
  }

  private func row(_ size: String, _ name: String, _ threads: String, _ seconds: Double, bytes: Int)
    -> [String]
  {
    [
      size, name, threads, format(seconds * 1e3, digits: 2), format(1 / seconds, digits: 1),
      format(gigabytesPerSecond(bytes: bytes, seconds: seconds), digits: 1),
    ]
  }

  /// Adam's state against SGD's at the largest size, measured.
  private func stateSentence() -> String {
    guard let largest = learner.last else { return "" }
    let count = grouped(largest.count)
    var parts = stateMemory.map { "\($0.name) \(megabytes($0.bytes))" }
    // Resident memory moves in pages and allocator arenas, so below a few megabytes of state
    // the learner's figure says more about the allocator than about m and v.
    if let learnerBytes = largest.stateBytes, 16 * largest.count >= 4_000_000 {
      parts.append("your \(typeName) \(megabytes(learnerBytes)) of resident memory")
    } else {
      parts.append("your \(typeName) too small to measure from resident memory")
    }
    let adam = stateMemory.first { $0.name.hasPrefix("Adam") }?.bytes ?? 0
    let momentum = stateMemory.first { $0.name == "SGD with momentum" }?.bytes ?? 0
    return
      "Optimizer state for \(count) float64 parameters, measured after one step: "
      + parts.joined(separator: ", ") + ". Adam keeps two values per parameter (m and v), "
      + "\(megabytes(adam - momentum)) more than SGD with momentum and "
      + "\(megabytes(adam)) more than plain SGD."
  }

  private func megabytes(_ bytes: Int) -> String { byteCountText(bytes) }
}
