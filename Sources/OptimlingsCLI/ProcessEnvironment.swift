import Foundation

/// The process environment as a dictionary.
public enum ProcessEnvironment {
  public static func current() -> [String: String] {
    ProcessInfo.processInfo.environment
  }
}
