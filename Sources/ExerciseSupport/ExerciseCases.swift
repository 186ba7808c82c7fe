// The checker compiles this module together with the OptimizerKit files it uses, so that
// module is only imported where it exists as a module of its own, as in this package.
#if canImport(OptimizerKit)
  import OptimizerKit
#endif

/// The cases every exercise is checked on, in the order the checker reports them: plain
/// settings first, so the first divergence points at the simplest case that fails.
public enum ExerciseCases {
  public static func cases(for exerciseID: String) -> [ExerciseCase] {
    switch exerciseID {
    case "gradient-descent": gradientDescent()
    case "momentum": momentum()
    case "adagrad": adagrad()
    case "rmsprop": rmsprop()
    case "bias-correction": biasCorrection()
    case "adam": adam()
    case "adamw": adamW()
    case "amsgrad": amsgrad()
    case "lr-schedule": learningRateSchedule()
    case "clipping": clipping()
    case "checkpoint": checkpoint()
    case "sharded-adam": shardedAdam()
    default: []
    }
  }

  // MARK: - Gradient sequences shared by the optimizer exercises

  static let dimension = 3

  /// Returns the fixed sequences: zeros, tiny (about 1e-9), huge (about 1e6), components of very
  /// different scales, and a long run of 150 steps.
  static func sequences(seed: UInt64) -> [(String, UInt64, [[Double]])] {
    var random = SplitMix64(seed: seed)
    let zeros = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: 5)
    let tiny = (0..<20).map { _ in random.vector(dimension, scale: 1e-9) }
    let huge = (0..<20).map { _ in random.vector(dimension, scale: 1e6) }
    let mixed = (0..<30).map { _ in
      zip(random.vector(dimension), [1e-3, 1, 1e3]).map { $0 * $1 }
    }
    let long = (0..<150).map { _ in random.vector(dimension) }
    return [
      ("zeros", 0, zeros), ("tiny", seed, tiny), ("huge", seed, huge),
      ("mixed-scale", seed, mixed), ("long-run", seed, long),
    ]
  }

  /// The OptimizerKit objectives every optimizer exercise runs on in closed loop.
  static let closedLoopObjectives = ["ill-conditioned", "rosenbrock", "linear-regression"]

  /// Returns the objective's suggested start.
  static func start(_ objective: String) -> [Double] {
    Objectives.named(objective)?.suggestedStart ?? []
  }

  /// Returns the fixed sequences and the closed-loop runs, all with the same settings.
  static func standard(
    _ prefix: String, settings: [String: Double], seed: UInt64, closedLoopSteps: Int = 100
  ) -> [ExerciseCase] {
    var cases = sequences(seed: seed).map { name, caseSeed, gradients in
      ExerciseCase(
        name: "\(prefix)\(name)", seed: caseSeed, settings: settings,
        initial: [1, -2, 0.5], gradients: .sequence(gradients))
    }
    for name in closedLoopObjectives {
      cases.append(
        ExerciseCase(
          name: "\(prefix)closed-loop-\(name)", settings: settings, initial: start(name),
          gradients: .objective(name, steps: closedLoopSteps)))
    }
    return cases
  }

  /// Returns one long run of 150 seeded steps with `settings`.
  static func longRun(_ name: String, settings: [String: Double], seed: UInt64) -> ExerciseCase {
    var random = SplitMix64(seed: seed)
    return ExerciseCase(
      name: name, seed: seed, settings: settings, initial: [1, -2, 0.5],
      gradients: .sequence((0..<150).map { _ in random.vector(dimension) }))
  }

  // MARK: - Exercises

  static func gradientDescent() -> [ExerciseCase] {
    func dataset(_ name: String, seed: UInt64, samples: Int, features: Int, lr: Double, steps: Int)
      -> ExerciseCase
    {
      var random = SplitMix64(seed: seed)
      let trueWeights = random.vector(features, scale: 3)
      let trueBias = random.uniform(-1, 1)
      let inputs = (0..<samples).map { _ in random.vector(features, scale: 2) }
      let targets = inputs.map { row in
        zip(row, trueWeights).reduce(trueBias) { $0 + $1.0 * $1.1 } + random.uniform(-0.1, 0.1)
      }
      return ExerciseCase(
        name: name, seed: seed, settings: ["lr": lr, "steps": Double(steps)],
        initial: [Double](repeating: 0, count: features + 1), inputs: inputs, targets: targets)
    }
    return [
      dataset("two-features", seed: 11, samples: 8, features: 2, lr: 0.05, steps: 100),
      dataset("one-feature", seed: 12, samples: 16, features: 1, lr: 0.1, steps: 150),
      dataset("four-features", seed: 13, samples: 32, features: 4, lr: 0.01, steps: 200),
    ]
  }

  static func momentum() -> [ExerciseCase] {
    let base: [String: Double] = [
      "lr": 0.01, "momentum": 0.9, "dampening": 0, "weight_decay": 0, "nesterov": 0,
      "maximize": 0,
    ]
    func with(_ changes: [String: Double]) -> [String: Double] {
      base.merging(changes) { $1 }
    }
    return standard("", settings: base, seed: 21) + [
      longRun("dampening", settings: with(["dampening": 0.5]), seed: 22),
      longRun("nesterov", settings: with(["nesterov": 1]), seed: 23),
      ExerciseCase(
        name: "nesterov-closed-loop-rosenbrock", settings: with(["nesterov": 1, "lr": 0.001]),
        initial: start("rosenbrock"), gradients: .objective("rosenbrock", steps: 100)),
      longRun("weight-decay", settings: with(["weight_decay": 0.1]), seed: 24),
      longRun("maximize", settings: with(["weight_decay": 0.1, "maximize": 1]), seed: 25),
    ]
  }

  static func adagrad() -> [ExerciseCase] {
    let base: [String: Double] = [
      "lr": 0.1, "lr_decay": 0, "weight_decay": 0, "initial_accumulator_value": 0, "eps": 1e-10,
    ]
    return standard("", settings: base, seed: 31) + [
      longRun("lr-decay", settings: base.merging(["lr_decay": 0.01]) { $1 }, seed: 32),
      longRun(
        "accumulator-and-weight-decay",
        settings: base.merging(["initial_accumulator_value": 0.1, "weight_decay": 0.01]) { $1 },
        seed: 33),
    ]
  }

  static func rmsprop() -> [ExerciseCase] {
    let base: [String: Double] = [
      "lr": 0.01, "alpha": 0.99, "eps": 1e-8, "weight_decay": 0, "centered": 0,
    ]
    return standard("", settings: base, seed: 41) + [
      longRun("weight-decay", settings: base.merging(["weight_decay": 0.01]) { $1 }, seed: 42)
    ] + standard("centered-", settings: base.merging(["centered": 1]) { $1 }, seed: 43)
  }

  static func biasCorrection() -> [ExerciseCase] {
    var random = SplitMix64(seed: 51)
    let constant = [[Double]](repeating: [2, -1, 0.5], count: 20)
    let long = (0..<150).map { _ in random.vector(dimension) }
    let tiny = (0..<20).map { _ in random.vector(dimension, scale: 1e-9) }
    return [
      ExerciseCase(name: "constant-input", settings: ["beta": 0.9], gradients: .sequence(constant)),
      ExerciseCase(name: "long-run", seed: 51, settings: ["beta": 0.9], gradients: .sequence(long)),
      ExerciseCase(name: "tiny", seed: 51, settings: ["beta": 0.9], gradients: .sequence(tiny)),
      ExerciseCase(
        name: "slow-average", seed: 51, settings: ["beta": 0.999], gradients: .sequence(long)),
    ]
  }

  static let adamSettings: [String: Double] = [
    "lr": 0.01, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0,
  ]

  static func adam() -> [ExerciseCase] {
    standard("", settings: adamSettings, seed: 61) + [
      longRun(
        "betas-0.8-0.99", settings: adamSettings.merging(["beta1": 0.8, "beta2": 0.99]) { $1 },
        seed: 62),
      longRun(
        "weight-decay", settings: adamSettings.merging(["weight_decay": 0.1]) { $1 }, seed: 63),
    ]
  }

  static func adamW() -> [ExerciseCase] {
    let settings = adamSettings.merging(["weight_decay": 0.01]) { $1 }
    return standard("", settings: settings, seed: 71) + [
      longRun(
        "strong-decay", settings: settings.merging(["weight_decay": 0.5, "lr": 0.05]) { $1 },
        seed: 72)
    ]
  }

  static func amsgrad() -> [ExerciseCase] {
    // Gradients that shrink over time make v fall, which is when the running maximum matters.
    var random = SplitMix64(seed: 82)
    let shrinking = (0..<120).map { step in
      random.vector(dimension).map { $0 * 10 / Double(step + 1) }
    }
    return standard("", settings: adamSettings, seed: 81) + [
      ExerciseCase(
        name: "shrinking-gradients", seed: 82, settings: adamSettings, initial: [1, -2, 0.5],
        gradients: .sequence(shrinking))
    ]
  }

  static func learningRateSchedule() -> [ExerciseCase] {
    func schedule(
      _ name: String, baseLR: Double, startFactor: Double, warmup: Int, decay: Int,
      etaMin: Double
    ) -> ExerciseCase {
      ExerciseCase(
        name: name,
        settings: [
          "base_lr": baseLR, "start_factor": startFactor, "warmup_steps": Double(warmup),
          "decay_steps": Double(decay), "eta_min": etaMin,
        ])
    }
    return [
      schedule(
        "warmup-10-decay-90", baseLR: 0.1, startFactor: 0.1, warmup: 10, decay: 90, etaMin: 0),
      schedule(
        "one-warmup-step", baseLR: 1e-3, startFactor: 0.5, warmup: 1, decay: 50, etaMin: 1e-5),
      schedule(
        "long-warmup", baseLR: 3e-4, startFactor: 0.01, warmup: 100, decay: 900, etaMin: 3e-5),
      schedule(
        "past-the-end", baseLR: 0.5, startFactor: 0.2, warmup: 5, decay: 5, etaMin: 0.01),
    ]
  }

  /// Returns cases where each step is one call on a fresh set of gradients, split into tensors of `shape` sizes.
  static func clipping() -> [ExerciseCase] {
    let shape: [Double] = [3, 2, 4]
    let size = 9
    func calls(_ name: String, seed: UInt64, maxNorm: Double, scale: Double, count: Int)
      -> ExerciseCase
    {
      var random = SplitMix64(seed: seed)
      let sets = (0..<count).map { _ in random.vector(size, scale: scale) }
      return ExerciseCase(
        name: name, seed: seed, settings: ["max_norm": maxNorm], initial: shape,
        gradients: .sequence(sets))
    }
    return [
      calls("above-max-norm", seed: 91, maxNorm: 1, scale: 2, count: 20),
      calls("below-max-norm", seed: 92, maxNorm: 100, scale: 1, count: 10),
      calls("zeros", seed: 0, maxNorm: 1, scale: 0, count: 3),
      calls("huge", seed: 93, maxNorm: 5, scale: 1e6, count: 10),
      calls("tiny", seed: 94, maxNorm: 1, scale: 1e-9, count: 10),
      calls("near-max-norm", seed: 95, maxNorm: 1.7, scale: 0.6, count: 30),
    ]
  }

  static func checkpoint() -> [ExerciseCase] {
    var cases: [ExerciseCase] = []
    var long = longRun("resume-at-25", settings: adamSettings, seed: 101)
    long.settings["resume_at"] = 25
    cases.append(long)
    var early = longRun("resume-at-1", settings: adamSettings, seed: 102)
    early.settings["resume_at"] = 1
    cases.append(early)
    cases.append(
      ExerciseCase(
        name: "closed-loop-ill-conditioned-resume-at-40",
        settings: adamSettings.merging(["resume_at": 40]) { $1 },
        initial: start("ill-conditioned"),
        gradients: .objective("ill-conditioned", steps: 100)))
    return cases
  }

  /// Gradients hold one vector per worker, concatenated: workers × parameter count values.
  static func shardedAdam() -> [ExerciseCase] {
    func run(_ name: String, workers: Int, parameters: Int, seed: UInt64) -> ExerciseCase {
      var random = SplitMix64(seed: seed)
      return ExerciseCase(
        name: name, seed: seed,
        settings: adamSettings.merging(["workers": Double(workers)]) { $1 },
        initial: random.vector(parameters),
        gradients: .sequence((0..<60).map { _ in random.vector(workers * parameters) }))
    }
    return [
      run("one-worker", workers: 1, parameters: 5, seed: 111),
      run("two-workers", workers: 2, parameters: 8, seed: 112),
      run("three-workers-uneven", workers: 3, parameters: 7, seed: 113),
      run("more-workers-than-parameters", workers: 6, parameters: 4, seed: 114),
    ]
  }
}
