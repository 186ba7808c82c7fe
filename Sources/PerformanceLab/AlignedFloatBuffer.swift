#if canImport(Glibc)
  import Glibc
#endif

/// A heap buffer of Float32 values whose first element starts a 64-byte cache line, so the
/// kernels' 16-element chunks map onto whole cache lines.
public final class AlignedFloatBuffer: @unchecked Sendable {
  public let count: Int
  public let pointer: UnsafeMutablePointer<Float>

  /// Allocates `count` values, all set to `value`.
  ///
  /// On Linux, buffers of 4 MiB or more are aligned to 2 MiB and marked for transparent huge
  /// pages, which spares the TLB and lets the hardware prefetcher run past 4 KiB boundaries.
  public init(count: Int, repeating value: Float = 0, hugePages: Bool = true) {
    precondition(count >= 0, "count must be 0 or more")
    self.count = count
    let byteCount = Swift.max(count, 1) * MemoryLayout<Float>.stride
    let useHugePages = hugePages && byteCount >= 4 << 20
    let raw = UnsafeMutableRawPointer.allocate(
      byteCount: byteCount, alignment: useHugePages ? 2 << 20 : 64)
    #if canImport(Glibc)
      if useHugePages { _ = madvise(raw, byteCount, MADV_HUGEPAGE) }
    #endif
    pointer = raw.bindMemory(to: Float.self, capacity: Swift.max(count, 1))
    pointer.initialize(repeating: value, count: count)
  }

  deinit { pointer.deallocate() }

  public var mutableBuffer: UnsafeMutableBufferPointer<Float> {
    UnsafeMutableBufferPointer(start: pointer, count: count)
  }

  public var buffer: UnsafeBufferPointer<Float> {
    UnsafeBufferPointer(start: pointer, count: count)
  }

  /// Bytes allocated for the values.
  public var byteCount: Int { count * MemoryLayout<Float>.stride }
}
