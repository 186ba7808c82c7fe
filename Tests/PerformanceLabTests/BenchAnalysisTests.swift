import Testing

@testable import PerformanceLab

@Suite struct BenchAnalysisTests {
  @Test func harnessLinesParse() {
    let output = """
      a line the learner printed
      learner count=1000 median_s=0.0025 state_bytes=16384 fresh_bytes_per_step=8192
      learner count=2000 median_s=0.005 state_bytes=-1 fresh_bytes_per_step=0
      learner count=oops median_s=1 state_bytes=0 fresh_bytes_per_step=0
      """
    let measurements = LearnerMeasurement.parse(output)

    #expect(measurements.count == 2)
    #expect(
      measurements.first
        == LearnerMeasurement(
          count: 1000, secondsPerStep: 0.0025, stateBytes: 16384, freshBytesPerStep: 8192))
    #expect(measurements.last?.stateBytes == nil)
  }

  private let references = [
    ReferenceMeasurement(
      count: 1_000_000, threadCount: 1, kernelSeconds: 0.002, triadGigabytesPerSecond: 20),
    ReferenceMeasurement(
      count: 1_000_000, threadCount: 2, kernelSeconds: 0.001, triadGigabytesPerSecond: 30),
  ]

  @Test func copiesAndComputeBoundNamed() {
    // 56 MB in 0.1 s is 0.56 GB/s, far under one core's 20 GB/s; 16 MB fresh is two copies.
    let learner = LearnerMeasurement(
      count: 1_000_000, secondsPerStep: 0.1, stateBytes: 16_000_000,
      freshBytesPerStep: 16_000_000)
    let text = GapExplanation.explain(learner: learner, references: references)

    #expect(text.contains("allocates and fills 16.0 MB, about 2.0 float64 copies"))
    #expect(text.contains("far below the 20.0 GB/s one core can stream"))
    #expect(text.contains("uses 2 threads (2.0× here)"))
  }

  @Test func memoryBoundStepNamed() {
    // 56 MB in 0.004 s is 14 GB/s, within half of one core's 20 GB/s.
    let learner = LearnerMeasurement(
      count: 1_000_000, secondsPerStep: 0.004, stateBytes: nil, freshBytesPerStep: 0)
    let text = GapExplanation.explain(learner: learner, references: references)

    #expect(!text.contains("copies"))
    #expect(text.contains("memory-bound on one thread"))
  }

  @Test func inCacheStepNamed() {
    // 56 kB in 1 µs is 56 GB/s, above one core's 20 GB/s from memory.
    let learner = LearnerMeasurement(
      count: 1000, secondsPerStep: 1e-6, stateBytes: nil, freshBytesPerStep: 0)
    let text = GapExplanation.explain(learner: learner, references: references)
    #expect(text.contains("the data stays in cache"))
  }

  @Test func byteCountsInDecimalUnits() {
    #expect(byteCountText(512) == "512 B")
    #expect(byteCountText(40_960) == "41.0 kB")
    #expect(byteCountText(160_000_000) == "160.0 MB")
    #expect(byteCountText(1_200_000_000) == "1.2 GB")
  }

  @Test func bandwidthLimitFromTriad() {
    let reference = ReferenceMeasurement(
      count: 10_000_000, threadCount: 2, kernelSeconds: 0.01, triadGigabytesPerSecond: 28)
    // 280 MB at 28 GB/s.
    #expect(abs(reference.bandwidthLimitSeconds - 0.01) < 1e-12)
  }

  @Test func referenceStateMemoryMeasured() throws {
    let memory = try StateMemory.reference(count: 1000)
    let bytes = Dictionary(uniqueKeysWithValues: memory.map { ($0.name, $0.bytes) })

    #expect(bytes["SGD"] == 0)
    #expect(bytes["SGD with momentum"] ?? 0 >= 8000)
    #expect(bytes["Adam (m and v)"] ?? 0 >= 16000)
  }

  @Test func triadAndKernelRunSmall() throws {
    // Exercises the measuring code paths, including a partial last block, without timing
    // assertions.
    let measured = try ReferenceMeasurement.measure(count: 1000, threadCounts: [1, 2], repeats: 2)
    #expect(measured?.count == 2)
    for measurement in measured ?? [] {
      #expect(measurement.kernelSeconds > 0)
      #expect(measurement.triadGigabytesPerSecond > 0)
    }
  }

  @Test func stopRequestEndsMeasuring() throws {
    let measured = try ReferenceMeasurement.measure(
      count: 1000, threadCounts: [1], repeats: 2, shouldStop: { true })
    #expect(measured == nil)
  }
}

@Suite struct StreamTriadTests {
  @Test func triadComputesEveryElement() {
    // 1003 elements: chunks of 16 plus a scalar tail.
    let triad = StreamTriad(count: 1003)
    triad.run(threadCount: 3)
    let values = UnsafeBufferPointer(start: triad.a.pointer, count: triad.count)
    #expect(values.allSatisfy { $0 == 7 })
  }
}
