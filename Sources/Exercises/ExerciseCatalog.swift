/// The twelve exercises in the order the lessons introduce them.
public enum ExerciseCatalog {
  public static func exercise(id: String) -> Exercise? { all.first { $0.id == id } }

  public static var ids: [String] { all.map(\.id) }

  /// Returns the exercise after `id` in curriculum order, or nil after the last.
  public static func next(after id: String) -> Exercise? {
    guard let index = all.firstIndex(where: { $0.id == id }), index + 1 < all.count else {
      return nil
    }
    return all[index + 1]
  }

  public static let all: [Exercise] = [
    Exercise(
      id: "gradient-descent", title: "Gradient descent for linear regression",
      lessonID: "gradient-descent",
      summary: "Compute dw and db for mean squared error and take one gradient-descent step.",
      hints: [
        "The prediction is ŷ = X·w + b. Both gradients depend on the residual ŷ − y.",
        "dw is the residual weighted by each input, averaged over samples: "
          + "dw_j = (1/n)·Σᵢ (ŷᵢ − yᵢ)·xᵢⱼ. db is the plain average of the residual.",
        "Compute the residuals once, fill dw and db from them, then w_j ← w_j − lr·dw_j and "
          + "b ← b − lr·db. Update only after both gradients are computed.",
      ],
      mistakeIDs: ["update-sign-flipped"]),
    Exercise(
      id: "momentum", title: "SGD with momentum", lessonID: "momentum",
      summary: "Implement torch's SGD: momentum, dampening, Nesterov, weight decay, maximize.",
      hints: [
        "Work per parameter in torch's order: flip g for maximize, add weight decay, update "
          + "the buffer, choose the step direction, then move θ.",
        "The buffer starts empty. On the first step it is g itself; afterwards "
          + "b ← μ·b + (1 − dampening)·g.",
        "With nesterov the direction is g + μ·b (b already updated); without it the direction "
          + "is b. Then θ ← θ − lr·direction. maximize negates g before weight decay adds λθ.",
      ],
      mistakeIDs: [
        "dampening-on-first-buffer", "missing-nesterov-lookahead", "maximize-by-negating-lr",
        "update-sign-flipped",
      ]),
    Exercise(
      id: "adagrad", title: "AdaGrad", lessonID: "adagrad-rmsprop",
      summary: "Accumulate squared gradients and scale each parameter's step by them.",
      hints: [
        "Each parameter keeps its own running sum of squared gradients; frequently large "
          + "gradients get smaller steps.",
        "Per step: t += 1, the decayed rate clr = lr / (1 + (t − 1)·lr_decay), "
          + "g ← g + λθ, sum += g².",
        "The update is θ ← θ − clr·g / (√sum + ε), with ε outside the square root.",
      ],
      mistakeIDs: [
        "lr-decay-uses-t", "eps-inside-sqrt", "gradient-not-squared", "update-sign-flipped",
      ]),
    Exercise(
      id: "rmsprop", title: "RMSprop, then its centered variant", lessonID: "adagrad-rmsprop",
      summary: "Replace AdaGrad's sum with a moving average; then center it by the mean gradient.",
      hints: [
        "RMSprop is AdaGrad with a leaky sum: old squared gradients fade by α each step.",
        "v ← α·v + (1 − α)·g², and θ ← θ − lr·g / (√v + ε). Weight decay adds λθ to g first.",
        "Centered: also keep ḡ ← α·ḡ + (1 − α)·g and divide by √(v − ḡ²) + ε. Implement the "
          + "plain variant first; the check runs it before the centered cases.",
      ],
      mistakeIDs: [
        "eps-inside-sqrt", "gradient-not-squared", "missing-one-minus-beta", "update-sign-flipped",
      ]),
    Exercise(
      id: "bias-correction", title: "A bias-corrected moving average",
      lessonID: "bias-correction",
      summary: "Keep an exponential moving average and return it divided by 1 − βᵗ.",
      hints: [
        "The average starts at 0, so the first few values lean toward 0. Dividing by 1 − βᵗ "
          + "undoes that lean.",
        "Update with m ← β·m + (1 − β)·x, element by element, and count the update: t += 1.",
        "Return m / (1 − βᵗ) with the t of this update, so a constant input x gives exactly x "
          + "from the first step on. Keep the raw m stored; only the returned value is corrected.",
      ],
      mistakeIDs: [
        "missing-bias-correction", "bias-correction-off-by-one", "missing-one-minus-beta",
      ]
    ),
    Exercise(
      id: "adam", title: "Adam", lessonID: "adam",
      summary: "Implement torch's Adam with L2 weight decay.",
      hints: [
        "Adam combines momentum (m, the average of g) with RMSprop's scaling (v, the average "
          + "of g²), both bias-corrected.",
        "Per step: t += 1, g ← g + λθ, m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g².",
        "Then m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ) and θ ← θ − lr·m̂ / (√v̂ + ε): ε goes "
          + "after the square root of the already corrected v̂.",
      ],
      mistakeIDs: [
        "missing-bias-correction", "bias-correction-off-by-one", "eps-inside-sqrt",
        "eps-before-bias-correction", "betas-swapped", "missing-one-minus-beta",
        "gradient-not-squared", "update-sign-flipped", "decoupled-instead-of-l2",
      ]),
    Exercise(
      id: "adamw", title: "AdamW", lessonID: "adamw",
      summary: "Implement AdamW: Adam with weight decay decoupled from the gradient.",
      hints: [
        "AdamW is Adam whose weight decay never enters m or v.",
        "Before the moments, shrink the weights: θ ← θ·(1 − lr·λ). The gradient stays as it is.",
        "The rest is Adam without L2: m, v, m̂, v̂ and θ ← θ − lr·m̂ / (√v̂ + ε), applied to the "
          + "already decayed θ.",
      ],
      mistakeIDs: [
        "l2-instead-of-decoupled", "decay-after-update", "decay-not-scaled-by-lr",
        "missing-bias-correction", "eps-inside-sqrt", "betas-swapped", "update-sign-flipped",
      ]),
    Exercise(
      id: "amsgrad", title: "AMSGrad", lessonID: "amsgrad",
      summary: "Add AMSGrad's running maximum of v to Adam.",
      hints: [
        "AMSGrad never lets the denominator shrink: it divides by the largest v seen so far.",
        "Keep vMax, updated as vMax ← max(vMax, v) with the raw v, after v is updated.",
        "Bias-correct the maximum like v: θ ← θ − lr·m̂ / (√vMax / √(1 − β₂ᵗ) + ε).",
      ],
      mistakeIDs: ["amsgrad-max-of-corrected", "missing-bias-correction", "eps-inside-sqrt"]),
    Exercise(
      id: "lr-schedule", title: "Warmup, then cosine decay", lessonID: "schedules",
      summary: "Return the learning rate for step t: linear warmup, then a cosine decay.",
      hints: [
        "Work in epochs e = t − 1, as torch's schedulers count them: step 1 is epoch 0.",
        "During warmup (e < W) the rate climbs linearly from η₀·s: η₀·(s + (1 − s)·e / W). "
          + "The peak η₀ is first used at step W + 1.",
        "After warmup, lr = ηmin + (η₀ − ηmin)·(1 + cos(π·(e − W) / T)) / 2. Do not clamp "
          + "past e = W + T; torch's cosine rises again there.",
      ],
      mistakeIDs: []),
    Exercise(
      id: "clipping", title: "Gradient clipping by global norm", lessonID: "clipping-debugging",
      summary: "Scale all gradients together so their global norm is at most maxNorm.",
      hints: [
        "The norm is global: one number over every tensor's values, and one coefficient "
          + "applied to all of them.",
        "total = √(Σ over tensors of Σ g²). The coefficient is maxNorm / (total + 1e-6), as in "
          + "torch.nn.utils.clip_grad_norm_.",
        "Clamp the coefficient to at most 1, multiply every value by it, and return the total "
          + "norm measured before clipping.",
      ],
      mistakeIDs: ["clip-norm-without-epsilon", "clip-per-tensor"]),
    Exercise(
      id: "checkpoint", title: "Checkpoint and resume Adam", lessonID: "checkpointing",
      summary: "Save Adam's state to text and restore it so a resumed run equals an unbroken one.",
      hints: [
        "A checkpoint must hold everything the next step reads: m, v and the step count t.",
        "Write numbers so they read back exactly: Swift's \"\\(value)\" prints the shortest "
          + "form that round-trips, and Double(text) reads it back.",
        "restore(from:) must set t as well as m and v; otherwise bias correction starts over "
          + "while the moments are already warm.",
      ],
      mistakeIDs: ["step-reset-on-resume"]),
    Exercise(
      id: "sharded-adam", title: "Sharded Adam (ZeRO stage 1)", lessonID: "distributed",
      summary: "Split Adam's state across N simulated workers so the result equals plain Adam.",
      hints: [
        "Every worker keeps the whole parameter vector but only its slice of m and v.",
        "A step is: average the workers' gradients (all-reduce), let each worker update its "
          + "slice of θ with its own m and v, then copy the slices back into θ (all-gather).",
        "Slice with contiguous chunks of ⌈P / N⌉ parameters: worker w owns "
          + "w·chunk ..< min((w + 1)·chunk, P), which may be empty for the last workers.",
      ],
      mistakeIDs: ["gradients-summed-not-averaged"]),
  ]
}
