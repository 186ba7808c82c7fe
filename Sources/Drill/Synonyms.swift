/// Words and phrases that mean the same thing in answers about optimizers, such as
/// "learning rate", "lr", "step size" and "η". Every deck shares this table; a key point adds
/// its own phrasings on top.
///
/// Each group is folded into one canonical key on both sides of a match, so "the step size is
/// too high" matches the phrasing "learning rate too large".
enum Synonyms {
  static let groups: [[String]] = [
    ["learning rate", "lr", "step size", "eta"],
    ["gradient", "grad"],
    ["parameter", "weight", "param"],
    ["zero", "0"],
    ["one", "1"],
    ["two", "2"],
    [
      "moving average", "running average", "exponential average", "exponential moving average",
      "exponentially weighted average", "exponentially decaying average", "ema",
    ],
    ["warmup", "warm up"],
    ["large", "big", "high", "huge"],
    ["small", "low", "tiny"],
    ["fast", "quick", "rapid"],
    ["faster", "quicker", "sooner"],
    ["increase", "raise", "grow"],
    ["decrease", "reduce", "shrink"],
    ["diverge", "blow up", "explode"],
    ["oscillate", "fluctuate", "bounce", "zigzag", "swing"],
    ["allreduce", "all reduce"],
    ["data parallel", "data parallelism", "ddp"],
    ["model parallel", "model parallelism"],
    ["l2 regularization", "l2 penalty", "l2 regularizer", "l2"],
    ["hyperparameter", "hyper parameter"],
    ["bias correction", "debias"],
    ["epsilon", "eps"],
    ["beta1", "b1"],
    ["beta2", "b2"],
    ["sgd", "stochastic gradient descent"],
    ["fp16", "float16", "half precision"],
    ["bf16", "bfloat16"],
    ["fp32", "float32", "single precision", "full precision"],
    ["communication", "network traffic"],
    ["shard", "partition"],
    ["synchronize", "sync"],
    ["mixed precision", "amp"],
    ["checkpoint", "snapshot"],
    ["sqrt", "square root", "root"],
    ["converge", "convergence"],
  ]

  /// Each phrase as its sequence of word keys, longest first, with its group's canonical key.
  private static let table: [(keys: [String], canonical: String)] = {
    var entries: [(keys: [String], canonical: String)] = []
    for group in groups {
      let phrases = group.map { phrase in
        TextAnalysis.mergeIndexedSymbols(TextAnalysis.rawWords(phrase))
          .map(TextAnalysis.normalizeWord)
      }
      let canonical = "=" + phrases[0].joined(separator: "_")
      for keys in phrases { entries.append((keys, canonical)) }
    }
    return entries.sorted { $0.keys.count > $1.keys.count }
  }()

  /// Replaces every known phrase in `keys` by its group's canonical key, longest match first.
  static func canonicalize(_ keys: [String]) -> [String] {
    var result: [String] = []
    var i = 0
    while i < keys.count {
      var matched = false
      for entry in table where i + entry.keys.count <= keys.count {
        if Array(keys[i..<(i + entry.keys.count)]) == entry.keys {
          result.append(entry.canonical)
          i += entry.keys.count
          matched = true
          break
        }
      }
      if !matched {
        result.append(keys[i])
        i += 1
      }
    }
    return result
  }
}
