// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Optimlings",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "optimlings", targets: ["optimlings"]),
    .library(name: "OptimizerKit", targets: ["OptimizerKit"]),
    .library(name: "Exercises", targets: ["Exercises"]),
  ],
  targets: [
    // MARK: - C libraries, one system-library target each

    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
    ),
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [
        .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"]),
      ]
    ),
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),

    // MARK: - Libraries

    .target(name: "OptimizerKit"),
    .target(
      name: "OptimlingsCLI",
      dependencies: [
        "OptimizerKit", "Lessons", "Terminal", "Store", "Drill", "Exercises", "Cells", "Plots",
        "PerformanceLab",
      ]),
    .target(name: "Store", dependencies: ["CSQLite"]),
    .target(name: "Lessons", dependencies: ["CCmarkGFM", "OptimizerKit"]),
    .target(name: "Terminal", dependencies: ["Lessons"]),
    .target(name: "Drill", dependencies: ["OptimizerKit"], resources: [.copy("Decks")]),
    .target(name: "Plots"),
    .target(
      name: "Cells",
      dependencies: ["OptimizerKit", "Plots", "Lessons", "Exercises", "ExerciseSupport"]),
    // Compiled into this package and, from the same sources, into every Swift cell program.
    .target(name: "CellSupport", dependencies: ["OptimizerKit"]),
    // Compiled into this package and, from the same sources, into every checked exercise.
    .target(name: "ExerciseSupport", dependencies: ["OptimizerKit"]),
    .target(
      name: "Exercises", dependencies: ["OptimizerKit", "ExerciseSupport"],
      exclude: ["Files"]),
    .target(name: "PerformanceLab", dependencies: ["OptimizerKit"]),

    // MARK: - Executable

    .executableTarget(name: "optimlings", dependencies: ["OptimlingsCLI", "CEditLine", "Store"]),
    .executableTarget(
      name: "LessonsBenchmark", dependencies: ["Lessons", "Terminal"],
      path: "benchmarks/LessonsBenchmark"),
    .executableTarget(
      name: "OptimizerBenchmark", dependencies: ["OptimizerKit", "PerformanceLab"]),

    // MARK: - Tests

    .testTarget(name: "OptimizerKitTests", dependencies: ["OptimizerKit"]),
    .testTarget(name: "OptimlingsCLITests", dependencies: ["OptimlingsCLI", "Exercises"]),
    .testTarget(name: "PlotsTests", dependencies: ["Plots"], exclude: ["Goldens"]),
    .testTarget(
      name: "CellsTests",
      dependencies: ["Cells", "CellSupport", "OptimizerKit", "Plots", "Lessons", "Exercises"]),
    .testTarget(name: "LessonsTests", dependencies: ["Lessons"]),
    .testTarget(
      name: "TerminalTests", dependencies: ["Terminal", "Lessons"], exclude: ["Golden"]),
    .testTarget(
      name: "ExercisesTests",
      dependencies: ["Exercises", "ExerciseSupport", "OptimizerKit", "OptimlingsCLI", "Store"]),
    .testTarget(
      name: "CurriculumTests", dependencies: ["Exercises", "Lessons", "OptimizerKit", "Terminal"]),
    .testTarget(name: "PerformanceLabTests", dependencies: ["PerformanceLab"]),
    // A second writer process for the store's concurrency and crash tests.
    .executableTarget(name: "store-probe", dependencies: ["Store"], path: "Tests/StoreProbe"),
    .testTarget(name: "StoreTests", dependencies: ["Store", "store-probe"]),
    .testTarget(name: "DrillTests", dependencies: ["Drill", "Store", "OptimlingsCLI"]),
    .testTarget(name: "OptimlingsEndToEndTests", dependencies: ["optimlings"]),
  ]
)
