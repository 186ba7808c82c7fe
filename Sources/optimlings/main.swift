import OptimlingsCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let environment = ProcessEnvironment.current()
let words = Array(CommandLine.arguments.dropFirst())

// With only global options (or nothing) on the command line, start the REPL.
if let (globals, remaining) = try? CommandParser.separateGlobals(words), remaining.isEmpty {
  exit(REPL.run(globals: globals, environment: environment))
}

let context = CommandContext(
  console: .standard(environment: environment), environment: environment)
let status = Workbook.run(words, context: context)
exit(status.rawValue)
