import Dispatch

/// Splits an element range into contiguous chunks for parallel kernels.
///
/// Chunk boundaries fall on multiples of ``alignment`` elements, so with a 64-byte aligned
/// Float32 buffer no two threads write the same cache line, and every element runs through
/// the same vector code whatever the thread count.
public enum KernelPartition {
  /// Elements per cache line for Float32 (64 bytes).
  public static let alignment = 16

  /// Splits `0..<count` for `parts` workers into at most `parts` non-empty ranges in
  /// order, each starting at a multiple of ``alignment``.
  public static func chunks(count: Int, parts: Int) -> [Range<Int>] {
    precondition(count >= 0 && parts >= 1, "count must be 0 or more and parts 1 or more")
    let blocks = (count + alignment - 1) / alignment
    let workers = Swift.min(parts, Swift.max(blocks, 1))
    var ranges: [Range<Int>] = []
    var start = 0
    for worker in 0..<workers {
      // Spread the remainder blocks over the first workers.
      let blockCount = blocks / workers + (worker < blocks % workers ? 1 : 0)
      let end = Swift.min(count, start + blockCount * alignment)
      if end > start { ranges.append(start..<end) }
      start = end
    }
    return ranges
  }

  /// Runs `body` on every chunk of `0..<count`, concurrently when `threadCount` > 1.
  ///
  /// With one thread (or one chunk) `body` runs on the calling thread without Dispatch.
  public static func forEachChunk(
    count: Int, threadCount: Int, _ body: (Range<Int>) -> Void
  ) {
    let ranges = chunks(count: count, parts: threadCount)
    if ranges.count <= 1 {
      if let only = ranges.first { body(only) }
      return
    }
    withoutActuallyEscaping(body) { body in
      let work = UncheckedSendable(body)
      DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
        work.value(ranges[index])
      }
    }
  }
}

/// Carries a closure or pointer into `concurrentPerform`, whose workers touch disjoint ranges.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
