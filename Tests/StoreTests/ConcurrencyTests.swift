import Foundation
import Testing

@testable import Store

@Suite struct ConcurrencyTests {
  /// Both probes open a file that does not exist yet, so creation and migration race too.
  /// A start line sent to both after they are ready makes their writes overlap.
  @Test func twoProcessesLoseNoUpdate() throws {
    let folder = TemporaryFolder()
    let path = folder.file("progress.sqlite")
    let count = 150
    let probes = try ["1", "2"].map { try Probe(["write", path, $0, String(count)]) }
    for probe in probes {
      #expect(probe.readLine() == "ready")
    }

    for probe in probes { probe.send("go") }
    for probe in probes {
      #expect(probe.readLine() == "done")
      #expect(probe.waitForExit() == 0)
    }

    #expect(folder.entries.filter { $0.contains("unusable") }.isEmpty)
    let store = try ProgressStore(path: path)
    #expect(try store.hintsUsed(exercise: "shared") == 2 * count)
    let checks = try store.checks(exercise: "shared")
    #expect(checks.count == 2 * count)
    #expect(checks.filter { $0.diagnosis == "writer-1" }.count == count)
    #expect(try store.position(lesson: "writer-1") == count)
    #expect(try store.position(lesson: "writer-2") == count)
    #expect(try store.database.rows("PRAGMA integrity_check").first?.string(0) == "ok")
  }

  /// Every hint the probe reported as recorded must survive SIGKILL; at most the one in
  /// flight, committed but not yet reported, may be extra.
  @Test func killedProcessKeepsCommittedWrites() throws {
    let folder = TemporaryFolder()
    let path = folder.file("progress.sqlite")
    let probe = try Probe(["hints", path])
    var reported = 0
    while reported < 40, let line = probe.readLine(), let value = Int(line) {
      reported = value
    }

    kill(probe.process.processIdentifier, SIGKILL)
    probe.process.waitUntilExit()

    #expect(reported == 40)
    let store = try ProgressStore(path: path)
    let stored = try store.hintsUsed(exercise: "killed")
    #expect(stored >= reported)
    #expect(try store.database.rows("PRAGMA integrity_check").first?.string(0) == "ok")
    #expect(store.recovery == nil)
  }
}
