import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Swift compiler the checker runs, identified cheaply enough to key caches on every check.
public struct Toolchain: Sendable, Equatable {
  /// The path of `swiftc` as found; not resolved, because the driver picks its mode from
  /// the name it is called by.
  public var swiftc: String
  /// The path, size and modification time of `swiftc`: it changes when the toolchain is
  /// replaced, without running `swiftc --version` on every check.
  public var identity: String

  /// Finds `swiftc` from `OPTIMLINGS_SWIFTC`, then `PATH`.
  public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment)
    throws(CheckerError) -> Toolchain
  {
    var candidates: [String] = []
    if let explicit = environment["OPTIMLINGS_SWIFTC"], !explicit.isEmpty {
      candidates.append(explicit)
    }
    for directory in (environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      candidates.append("\(directory)/swiftc")
    }
    for candidate in candidates where access(candidate, X_OK) == 0 {
      let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
      var info = stat()
      guard stat(resolved, &info) == 0 else { continue }
      #if canImport(Glibc)
        let modified = info.st_mtim.tv_sec
      #else
        let modified = info.st_mtimespec.tv_sec
      #endif
      return Toolchain(swiftc: candidate, identity: "\(resolved) \(info.st_size) \(modified)")
    }
    throw CheckerError(
      "swiftc was not found on PATH; install the Swift toolchain from swift.org, or set "
        + "OPTIMLINGS_SWIFTC to its path")
  }
}

/// A module compiled once per toolchain and source hash into a static library and a
/// `.swiftmodule`, which checked programs import.
public struct SupportModule: Sendable, Equatable {
  public var name: String
  public var sources: [URL]
  public var dependencies: [SupportModule]

  /// The harness helpers and case lists shared by the checker and every checked program,
  /// compiled together with the few OptimizerKit files they use (seeded random numbers and
  /// the objectives), which builds in about a third of the time of all of OptimizerKit.
  public static var exerciseSupport: SupportModule {
    let own = SupportModule(name: "ExerciseSupport", sourceDirectory: "ExerciseSupport")
    let shared = ["SplitMix64", "Objective", "TestFunctions", "RegressionObjectives"].map {
      SourceTree.moduleSources("OptimizerKit").appending(path: "\($0).swift")
    }
    return SupportModule(name: "ExerciseSupport", sources: own.sources + shared)
  }

  /// The reference optimizers, for programs that compare against them.
  public static var optimizerKit: SupportModule {
    SupportModule(name: "OptimizerKit", sourceDirectory: "OptimizerKit")
  }

  public init(name: String, sources: [URL], dependencies: [SupportModule] = []) {
    self.name = name
    self.sources = sources
    self.dependencies = dependencies
  }

  init(name: String, sourceDirectory: String, dependencies: [SupportModule] = []) {
    let directory = SourceTree.moduleSources(sourceDirectory)
    let files =
      (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    self.init(
      name: name,
      sources: files.filter { $0.hasSuffix(".swift") }.sorted().map {
        directory.appending(path: $0)
      },
      dependencies: dependencies)
  }
}

/// A support module's build products.
public struct BuiltModule: Sendable, Equatable {
  public var name: String
  /// Holds `<name>.swiftmodule` and `lib<name>.a`; pass it with `-I`.
  public var directory: URL
  public var library: URL
}

/// Builds support modules on first use and keeps them under a cache folder.
public struct SupportLibrary: Sendable {
  public var cacheDirectory: URL
  public var toolchain: Toolchain

  public init(cacheDirectory: URL, toolchain: Toolchain) {
    self.cacheDirectory = cacheDirectory
    self.toolchain = toolchain
  }

  /// Returns the cache key of `module`: a hash of the toolchain identity, its sources and those of its
  /// dependencies.
  public func key(for module: SupportModule) throws(CheckerError) -> String {
    var hasher = StableHash()
    hasher.combine(toolchain.identity)
    hasher.combine(module.name)
    guard !module.sources.isEmpty else {
      throw CheckerError(
        "the sources of the \(module.name) module were not found under "
          + "\(SourceTree.root.path); run Optimlings from its source checkout or set "
          + "OPTIMLINGS_SOURCE_ROOT")
    }
    for source in module.sources {
      guard let data = FileManager.default.contents(atPath: source.path) else {
        throw CheckerError("could not read \(source.path)")
      }
      hasher.combine(source.lastPathComponent)
      hasher.combine(data)
    }
    for dependency in module.dependencies { hasher.combine(try key(for: dependency)) }
    return hasher.hexDigest
  }

  /// Returns the built module, building it and its dependencies first when the cache has none.
  ///
  /// - Parameter progress: called with a line before each build, which takes seconds.
  public func build(
    _ module: SupportModule, progress: (String) -> Void = { _ in },
    isCancelled: @Sendable () -> Bool = { false }
  ) throws(CheckerError) -> [BuiltModule] {
    var built: [BuiltModule] = []
    for dependency in module.dependencies {
      for product in try build(dependency, progress: progress, isCancelled: isCancelled)
      where !built.contains(product) {
        built.append(product)
      }
    }
    let directory = cacheDirectory.appending(path: "\(module.name)-\(try key(for: module))")
    let product = BuiltModule(
      name: module.name, directory: directory,
      library: directory.appending(path: "lib\(module.name).a"))
    let marker = directory.appending(path: "complete")
    if FileManager.default.fileExists(atPath: marker.path) { return built + [product] }

    try createDirectory(cacheDirectory)
    // One build at a time per module, across processes: others wait, then find it built.
    let lock = try FileLock(path: cacheDirectory.appending(path: "\(module.name).lock").path)
    defer { lock.unlock() }
    if FileManager.default.fileExists(atPath: marker.path) { return built + [product] }

    progress("Building the \(module.name) support module once for this toolchain…")
    let staging = cacheDirectory.appending(path: "\(module.name).staging-\(getpid())")
    try? FileManager.default.removeItem(at: staging)
    try createDirectory(staging)
    var arguments = [
      "-parse-as-library", "-emit-library", "-static", "-emit-module",
      "-module-name", module.name, "-Onone", "-wmo",
      "-emit-module-path", staging.appending(path: "\(module.name).swiftmodule").path,
      "-o", staging.appending(path: "lib\(module.name).a").path,
    ]
    for dependency in built { arguments += ["-I", dependency.directory.path] }
    arguments += module.sources.map(\.path)
    let outcome = try ProcessRunner.run(
      executable: toolchain.swiftc, arguments: arguments, workingDirectory: staging.path,
      limits: ProcessLimits(wallTime: 300, memoryBytes: nil, outputBytes: 1 << 20),
      isCancelled: isCancelled)
    guard outcome.termination == .exited(0), !outcome.timedOut, !outcome.cancelled else {
      try? FileManager.default.removeItem(at: staging)
      if outcome.cancelled { throw CheckerError("cancelled while building \(module.name)") }
      throw CheckerError(
        "building the \(module.name) support module failed:\n"
          + outcome.standardError.split(separator: "\n").prefix(20).joined(separator: "\n"))
    }
    // Without the marker the build only counts as incomplete and is redone on the next use.
    _ = FileManager.default.createFile(
      atPath: staging.appending(path: "complete").path, contents: Data(toolchain.identity.utf8))
    try? FileManager.default.removeItem(at: directory)
    do {
      try FileManager.default.moveItem(at: staging, to: directory)
    } catch {
      throw CheckerError("could not move the built \(module.name) into \(directory.path): \(error)")
    }
    return built + [product]
  }
}

func createDirectory(_ url: URL) throws(CheckerError) {
  do {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  } catch {
    throw CheckerError("could not create the folder \(url.path): \(error.localizedDescription)")
  }
}

/// An exclusive `flock` on a file, held until ``unlock()``.
struct FileLock {
  let descriptor: Int32

  init(path: String) throws(CheckerError) {
    descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw CheckerError(
        "could not open the lock file \(path): \(String(cString: strerror(errno)))")
    }
    while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
  }

  func unlock() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}

/// 64-bit FNV-1a: stable across runs and platforms, unlike Swift's seeded `Hasher`. It keys
/// caches (the checker's and the cells') and is no defence against crafted collisions.
public struct StableHash: Sendable {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  public mutating func combine(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      state ^= UInt64(byte)
      state &*= 0x0000_0100_0000_01b3
    }
    // A separator, so ("ab", "c") and ("a", "bc") differ.
    state ^= 0xff
    state &*= 0x0000_0100_0000_01b3
  }

  public mutating func combine(_ text: String) { combine(text.utf8) }

  public var hexDigest: String {
    let hex = String(state, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
