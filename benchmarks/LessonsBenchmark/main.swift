import Foundation
import Lessons
import Terminal

// Measures the lesson engine: time to render the first step of the longest lesson in a
// folder, time to load a folder of generated notes, and the cost of one 10 MB note.
// Usage: LessonsBenchmark [LESSONS_DIR] [--runs N] [--skip-large]
// Peak memory is measured from outside, by benchmarks/lessons.sh with /usr/bin/time -v.

/// CPU time of this process in seconds; on a shared machine it varies far less than wall time.
func processorSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

var processorTimes: [Double] = []

/// Wall-clock seconds of `body`; its CPU seconds are appended to `processorTimes`.
@MainActor func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  let processorStart = processorSeconds()
  try body()
  processorTimes.append(processorSeconds() - processorStart)
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The median CPU time of the measurements since `processorTimes` was last emptied.
@MainActor func medianProcessorTime() -> Double {
  defer { processorTimes = [] }
  return median(processorTimes)
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

/// Generates a note in the shape real study notes take: headings, prose with math, a list, a table and
/// a code block, with sizes varied by `index`.
func generatedNote(_ index: Int, sections: Int? = nil) -> String {
  var text = "# Note \(index)\n\n"
  for section in 0..<(sections ?? (3 + index % 5)) {
    text += "## Section \(section)\n\n"
    text += "Adam scales each step by $\\sqrt{\\hat{v}_t} + \\epsilon$, so **noisy** "
    text += "coordinates move less; see [the paper](https://arxiv.org/abs/1412.6980).\n\n"
    text += "- first point with `code`\n- second point\n  - nested\n\n"
    text += "| optimizer | state |\n|---|--:|\n| SGD | 0 |\n| Adam | 2 |\n\n"
    text += "```swift\nlet m = beta1 * m + (1 - beta1) * g\n```\n\n"
  }
  return text
}

let arguments = CommandLine.arguments.dropFirst()
var runs = 15
var lessonsDirectory: String?
var skipsLargeNote = false
var iterator = arguments.makeIterator()
while let argument = iterator.next() {
  if argument == "--runs", let value = iterator.next().flatMap(Int.init) {
    runs = value
  } else if argument == "--skip-large" {
    skipsLargeNote = true
  } else {
    lessonsDirectory = argument
  }
}

let scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent(
  "optimlings-bench-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }

// 1. Time to the first step of the longest lesson: read, parse and render step 1 at 80 columns.
let folder = lessonsDirectory ?? scratch
if lessonsDirectory == nil {
  try generatedNote(0, sections: 15).write(
    toFile: (scratch as NSString).appendingPathComponent("long.md"), atomically: true,
    encoding: .utf8)
}
let library = try LessonLibrary.load(directory: folder)
guard
  let longest = library.lessons.max(by: {
    (try? FileManager.default.attributesOfItem(atPath: $0.path ?? "")[.size] as? Int) ?? 0
      < (try? FileManager.default.attributesOfItem(atPath: $1.path ?? "")[.size] as? Int) ?? 0
  }), let longestPath = longest.path
else {
  print("no lessons in \(folder)")
  exit(1)
}
let renderer = LessonRenderer(options: RenderOptions(width: 80, usesColor: true, hyperlinks: true))
var firstStep: [Double] = []
for _ in 0..<runs {
  firstStep.append(
    try seconds {
      let lesson = try LessonLibrary.loadFile(longestPath)
      _ = renderer.render(step: lesson.steps[0])
    })
}
print(
  String(
    format:
      "first step of longest lesson (%@, %d steps): median %.2f ms wall, %.2f ms CPU over %d runs",
    longestPath, longest.steps.count, median(firstStep) * 1000, medianProcessorTime() * 1000, runs))

// 2. Loading a folder of 250 generated notes.
let notes = (scratch as NSString).appendingPathComponent("notes")
try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
for index in 0..<250 {
  try generatedNote(index).write(
    toFile: (notes as NSString).appendingPathComponent("note-\(index).md"), atomically: true,
    encoding: .utf8)
}
var folderLoad: [Double] = []
var loadedCount = 0
for _ in 0..<runs {
  folderLoad.append(
    try seconds {
      loadedCount = try LessonLibrary.load(directory: notes).lessons.count
    })
}
print(
  String(
    format: "load folder of %d generated notes: median %.1f ms wall, %.1f ms CPU over %d runs",
    loadedCount, median(folderLoad) * 1000, medianProcessorTime() * 1000, runs))

// 3. One 10 MB note: parse, then render its first step at 80 columns.
if skipsLargeNote { exit(0) }
let paragraph = "Adam keeps a running mean of gradients, $m_t$, and of squares. **Bold** text.\n\n"
let big = "# Big\n\n" + String(repeating: paragraph, count: 10_000_000 / paragraph.utf8.count + 1)
var parseBig: [Double] = []
var renderBig: [Double] = []
var parseProcessor: [Double] = []
var renderProcessor: [Double] = []
let bigRuns = max(1, runs / 5)
for _ in 0..<bigRuns {
  var lesson: Lesson?
  parseBig.append(seconds { lesson = LessonParser.parse(big, fileName: "big.md") })
  parseProcessor.append(medianProcessorTime())
  renderBig.append(seconds { _ = renderer.render(step: lesson!.steps[0]) })
  renderProcessor.append(medianProcessorTime())
}
print(
  String(
    format:
      "10 MB note: parse median %.2f s wall (%.2f s CPU), render median %.2f s wall (%.2f s CPU) over %d runs",
    median(parseBig), median(parseProcessor), median(renderBig), median(renderProcessor), bigRuns))
