import OptimlingsCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let environment = ProcessEnvironment.current()
let context = CommandContext(
  console: .standard(environment: environment), environment: environment)
let words = Array(CommandLine.arguments.dropFirst())
let status = Workbook.run(words, context: context)
exit(status.rawValue)
