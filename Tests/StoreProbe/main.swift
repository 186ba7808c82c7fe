// A second process for the store tests: it writes progress while the test process (or
// another probe) writes to the same file.
//
//   store-probe write PATH WRITER COUNT
//     Opens the store, prints `ready`, waits for one line on stdin, then records COUNT
//     hints and checks for exercise `shared` and COUNT positions in lesson `writer-WRITER`,
//     and prints `done`.
//   store-probe hints PATH
//     Records hints for exercise `killed` until killed, printing the count each commit
//     returned.

import Store

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func say(_ text: String) {
  let line = Array((text + "\n").utf8)
  _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
}

func fail(_ text: String) -> Never {
  let line = Array(("store-probe: " + text + "\n").utf8)
  _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
  exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: store-probe write|hints PATH ...") }

do {
  let store = try ProgressStore(path: arguments[2])
  switch arguments[1] {
  case "write":
    guard arguments.count == 5, let count = Int(arguments[4]) else {
      fail("usage: store-probe write PATH WRITER COUNT")
    }
    let writer = arguments[3]
    say("ready")
    _ = readLine()
    for index in 0..<count {
      try store.recordHint(exercise: "shared")
      try store.recordCheck(
        exercise: "shared", passed: index % 2 == 0, diagnosis: "writer-\(writer)",
        message: "check \(index)")
      try store.recordPosition(lesson: "writer-\(writer)", step: index + 1)
    }
    say("done")
  case "hints":
    while true {
      let used = try store.recordHint(exercise: "killed")
      say("\(used)")
    }
  default:
    fail("unknown mode \(arguments[1])")
  }
} catch {
  fail("\(error)")
}
