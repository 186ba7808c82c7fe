import Foundation
import Testing

/// Runs the built `optimlings` executable as a user would.
@Suite struct TraceBinaryTests {
  /// Finds the executable next to the test bundle, where `swift build --build-tests` puts it.
  static func executable() throws -> URL {
    var directories = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    directories += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
      .map { $0.deletingLastPathComponent() }
    for directory in directories {
      let candidate = directory.appendingPathComponent("optimlings")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw MissingExecutable(searched: directories.map(\.path))
  }

  struct MissingExecutable: Error, CustomStringConvertible {
    let searched: [String]
    var description: String {
      "optimlings not found in \(searched.joined(separator: ", ")); run `swift build --build-tests`"
    }
  }

  static func run(_ arguments: [String], input: String) throws -> (
    status: Int32, output: String, errors: String
  ) {
    let process = Process()
    process.executableURL = try executable()
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: output, as: UTF8.self),
      String(decoding: errors, as: UTF8.self)
    )
  }

  @Test func jsonRequestOverPipes() throws {
    struct Output: Decodable {
      struct Step: Decodable {
        let parameters: [Double]
        let state: [String: [Double]]
      }
      let steps: [Step]
    }
    let result = try Self.run(
      ["trace", "--json"],
      input: #"{"optimizer": "ADAM", "hyperparameters": {"lr": 0.1}, "initial": [1], "#
        + #""gradients": [[1], [0.1], [0.1]]}"#)
    let output = try JSONDecoder().decode(Output.self, from: Data(result.output.utf8))

    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    #expect(output.steps.count == 3)
    #expect(output.steps[0].state["m_hat"] == [1])
    #expect(abs(output.steps[0].parameters[0] - (1 - 0.1 / (1 + 1e-8))) < 1e-15)
  }

  @Test func badRequestExitsWithStatus2() throws {
    let result = try Self.run(
      ["trace", "--json"],
      input: #"{"optimizer": "Adam", "hyperparameters": {"lr": -1}, "gradients": [[1]]}"#)

    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(result.errors == "error: invalid lr: must be 0 or more, got -1.0\n")
  }

  @Test func humanTableFromArguments() throws {
    let result = try Self.run(["trace", "rmsprop", "lr=0.01", "grads=1,0.5"], input: "")

    #expect(result.status == 0)
    #expect(result.output.hasPrefix("RMSprop lr=0.01 alpha=0.99 eps=1e-08"))
    #expect(result.output.contains("square_avg"))
  }
}
