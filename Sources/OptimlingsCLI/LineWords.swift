/// Splits one REPL or script line into words the way a POSIX shell would for simple input.
///
/// Words are separated by blanks. Single quotes keep everything literally, double quotes
/// keep blanks, and a backslash outside single quotes escapes the next
/// character. A `#` at the start of a word begins a comment that runs to the end of the line.
public enum LineWords {
  /// - Throws: ``CommandError`` (usage) for an unterminated quote or a trailing backslash.
  public static func split(_ line: String) throws(CommandError) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var escaped = false

    for character in line {
      if escaped {
        current.append(character)
        escaped = false
        continue
      }
      switch quote {
      case "'":
        if character == "'" { quote = nil } else { current.append(character) }
      case "\"":
        if character == "\"" {
          quote = nil
        } else if character == "\\" {
          escaped = true
        } else {
          current.append(character)
        }
      default:
        if character == " " || character == "\t" {
          if inWord { words.append(current) }
          current = ""
          inWord = false
        } else if character == "#" && !inWord {
          return words
        } else {
          inWord = true
          if character == "'" || character == "\"" {
            quote = character
          } else if character == "\\" {
            escaped = true
          } else {
            current.append(character)
          }
        }
      }
    }

    if let quote {
      throw .usage("unterminated \(quote) quote; close it or escape it with a backslash")
    }
    if escaped {
      throw .usage("the line ends with a backslash; remove it or escape it as \\\\")
    }
    if inWord { words.append(current) }
    return words
  }
}
