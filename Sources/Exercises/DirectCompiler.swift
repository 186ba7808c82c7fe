import Foundation

/// Runs `swift-frontend` and the linker directly, skipping the `swiftc` driver.
///
/// For a checked program the driver costs about 0.45 s per save on a 2-core machine: its own
/// start-up before the frontend, then `swift-autolink-extract`. The link libraries that the
/// autolink step would find are fixed for our programs (the standard library and Foundation),
/// so this passes them explicitly. Only Linux uses it; elsewhere `swiftc` does the work.
struct DirectCompiler: Sendable {
  let frontend: String
  let clang: String
  let linker: String?
  let runtimeDirectory: String
  let runtimeObject: String

  /// The libraries `swift-autolink-extract` lists for a `-Onone` program that imports
  /// Foundation, with Swift 6.3.1 on Linux.
  static let libraries = [
    "-lswiftSwiftOnoneSupport", "-lswiftCore", "-lswift_Concurrency", "-lswift_StringProcessing",
    "-lswift_RegexParser", "-lswiftGlibc", "-lBlocksRuntime", "-ldispatch", "-lswiftDispatch",
    "-lFoundation", "-lFoundationEssentials", "-lFoundationInternationalization", "-lm",
    "-lpthread", "-lutil", "-ldl",
  ]

  /// Finds the frontend, clang and the Swift runtime beside `swiftc`; nil when any is missing.
  init?(swiftc: String) {
    let bin = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent()
    let runtime = bin.deletingLastPathComponent().appending(path: "lib/swift/linux")
    #if arch(x86_64)
      let architecture = "x86_64"
    #elseif arch(arm64)
      let architecture = "aarch64"
    #else
      return nil
    #endif
    let files = FileManager.default
    frontend = bin.appending(path: "swift-frontend").path
    clang = bin.appending(path: "clang").path
    runtimeDirectory = runtime.path
    runtimeObject = runtime.appending(path: "\(architecture)/swiftrt.o").path
    let lld = bin.appending(path: "ld.lld").path
    linker = files.isExecutableFile(atPath: lld) ? "lld" : nil
    guard files.isExecutableFile(atPath: frontend), files.isExecutableFile(atPath: clang),
      files.fileExists(atPath: runtimeObject)
    else { return nil }
  }

  /// Arguments that compile every source into one object file, diagnosing as `swiftc` would.
  func frontendArguments(sources: [URL], moduleDirectories: [URL], object: URL) -> [String] {
    var arguments = [
      "-frontend", "-c", "-Onone", "-module-name", "Checked", "-diagnostic-style=llvm",
      "-no-color-diagnostics", "-o", object.path,
    ]
    for directory in moduleDirectories { arguments += ["-I", directory.path] }
    return arguments + sources.map(\.path)
  }

  /// Arguments that link the object and the support libraries into an executable.
  func linkArguments(object: URL, libraries: [URL], output: URL) -> [String] {
    var arguments = ["-pie"]
    if let linker { arguments.append("-fuse-ld=\(linker)") }
    arguments += ["-Xlinker", "-rpath", "-Xlinker", runtimeDirectory, runtimeObject, object.path]
    arguments += libraries.map(\.path)
    arguments += ["-L", runtimeDirectory] + Self.libraries + ["-o", output.path]
    return arguments
  }
}
