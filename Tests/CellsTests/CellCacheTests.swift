import Foundation
import Testing

@testable import Cells

@Suite struct CellCacheTests {
  static func temporaryCache() -> CellCache {
    CellCache(
      directory: FileManager.default.temporaryDirectory
        .appendingPathComponent("cell-cache-\(UUID().uuidString)"))
  }

  @Test func storedOutputLoadsBack() throws {
    let cache = Self.temporaryCache()
    defer { try? FileManager.default.removeItem(at: cache.directory) }
    let output = CellOutput(
      lines: ["hello"],
      figures: [
        FigureSpec(
          kind: .sweep, title: "t", objective: "beale",
          series: [FigureSpec.SeriesData(name: "s", x: [0.1, 1], y: [0.5, .infinity])])
      ],
      tables: [TableData(header: ["a"], rows: [["1"]])])
    try cache.store(output, key: "k1")
    #expect(cache.load("k1") == output)
    #expect(cache.load("k2") == nil)
  }

  @Test func corruptEntryIsMiss() throws {
    let cache = Self.temporaryCache()
    defer { try? FileManager.default.removeItem(at: cache.directory) }
    try FileManager.default.createDirectory(at: cache.directory, withIntermediateDirectories: true)
    try Data("{not json".utf8).write(to: cache.directory.appendingPathComponent("bad.json"))
    #expect(cache.load("bad") == nil)
  }

  @Test func keyDependsOnEveryPart() {
    let base = CellCache.key(["experiment", "objective: beale"])
    #expect(base.count == 16)
    #expect(CellCache.key(["experiment", "objective: beale"]) == base)
    #expect(CellCache.key(["experiment", "objective: beal"]) != base)
    #expect(CellCache.key(["experimen", "tobjective: beale"]) != base)
  }

  @Test func unwritableFolderReportsPath() throws {
    let cache = CellCache(directory: URL(fileURLWithPath: "/proc/optimlings-cells"))
    #expect {
      try cache.store(CellOutput(), key: "k")
    } throws: { error in
      "\(error)".contains("could not write the cell cache /proc/optimlings-cells/k.json")
    }
  }
}
