/// A classic optimizer bug the checker recognises from its trajectory.
public struct Mistake: Sendable, Equatable {
  /// Stable kebab-case id, used in `check --json` and in the progress store.
  public let id: String
  /// A few words for tables and summaries.
  public let title: String
  /// One or two sentences for the learner: what the code does and what it should do.
  public let explanation: String
}

extension Mistake {
  public static func named(_ id: String) -> Mistake? { all.first { $0.id == id } }

  public static let all: [Mistake] = [
    Mistake(
      id: "missing-bias-correction", title: "bias correction missing",
      explanation:
        "Your update uses m and v as they are. Both start at 0, so early steps are far too "
        + "small; divide by 1 − β₁ᵗ and 1 − β₂ᵗ to get m̂ and v̂."),
    Mistake(
      id: "bias-correction-off-by-one", title: "bias correction off by one step",
      explanation:
        "Your bias correction uses the step count one away from the current step. Increment t "
        + "first, so the first update divides by 1 − β¹ = 1 − β, not by 1 − β⁰ = 0."),
    Mistake(
      id: "eps-inside-sqrt", title: "ε inside the square root",
      explanation:
        "You compute √(v + ε); torch adds ε after the root, √v + ε. The two differ most when "
        + "gradients are tiny, where √ε dominates the denominator."),
    Mistake(
      id: "eps-before-bias-correction", title: "ε added before bias correction",
      explanation:
        "You divide (√v + ε) by √(1 − β₂ᵗ), which scales ε up in early steps (the ε-hat form). "
        + "torch bias-corrects √v first and then adds ε: √v / √(1 − β₂ᵗ) + ε."),
    Mistake(
      id: "l2-instead-of-decoupled", title: "L2 where decoupled decay was asked for",
      explanation:
        "You add λθ to the gradient, which is Adam's L2 penalty. AdamW decays the weights "
        + "directly, θ ← θ·(1 − ηλ), and the moments never see the decay term."),
    Mistake(
      id: "decoupled-instead-of-l2", title: "decoupled decay where L2 was asked for",
      explanation:
        "You shrink θ directly, which is AdamW. Adam's weight_decay is an L2 penalty: add λθ to "
        + "the gradient before updating m and v."),
    Mistake(
      id: "decay-after-update", title: "decay applied after the update",
      explanation:
        "You shrink θ after the Adam step; torch multiplies θ by (1 − ηλ) before it, so the "
        + "decay uses the parameters the gradient was computed at."),
    Mistake(
      id: "decay-not-scaled-by-lr", title: "decay not multiplied by lr",
      explanation:
        "You multiply θ by (1 − λ). Decoupled decay is scaled by the learning rate: "
        + "θ ← θ·(1 − ηλ)."),
    Mistake(
      id: "amsgrad-max-of-corrected", title: "AMSGrad maximum of the corrected v̂",
      explanation:
        "You keep the running maximum of the bias-corrected v̂. torch keeps the maximum of the "
        + "raw v and bias-corrects that maximum like v."),
    Mistake(
      id: "betas-swapped", title: "β₁ and β₂ swapped",
      explanation:
        "Your first moment decays with β₂ and your second with β₁. m uses β₁ (0.9 by default) "
        + "and v uses β₂ (0.999)."),
    Mistake(
      id: "missing-one-minus-beta", title: "the (1 − β) factor missing",
      explanation:
        "Your moving average adds the new value without the (1 − β) weight, so it is a "
        + "discounted sum that grows about 1/(1 − β) times too large: use β·m + (1 − β)·g."),
    Mistake(
      id: "gradient-not-squared", title: "the gradient not squared",
      explanation:
        "Your second moment accumulates g instead of g². It must average the squared "
        + "gradient, which is never negative, so its square root is defined."),
    Mistake(
      id: "dampening-on-first-buffer", title: "dampening applied to the first buffer",
      explanation:
        "On the first step torch sets the momentum buffer to the gradient itself; dampening "
        + "applies only from the second step on: b ← μ·b + (1 − dampening)·g."),
    Mistake(
      id: "missing-nesterov-lookahead", title: "the Nesterov look-ahead missing",
      explanation:
        "With nesterov=true the step uses g + μ·b, the gradient plus the updated buffer, "
        + "instead of the buffer alone."),
    Mistake(
      id: "maximize-by-negating-lr", title: "maximize done by flipping lr",
      explanation:
        "You negate the learning rate. torch negates the gradient first, so weight decay and "
        + "momentum still see the flipped gradient: g ← −g, then g + λθ."),
    Mistake(
      id: "lr-decay-uses-t", title: "lr_decay uses t instead of t − 1",
      explanation:
        "Your decayed rate divides by 1 + t·lr_decay. torch uses 1 + (t − 1)·lr_decay, so the "
        + "first step runs at the full learning rate."),
    Mistake(
      id: "update-sign-flipped", title: "the update's sign flipped",
      explanation:
        "Your parameters move along the gradient instead of against it, so the loss goes up. "
        + "Subtract the update: θ ← θ − η·(…)."),
    Mistake(
      id: "step-reset-on-resume", title: "the step counter reset on resume",
      explanation:
        "The resumed optimizer starts t again from 0, so bias correction restarts while m and v "
        + "are already warm. Save t in the checkpoint and restore it with m and v."),
    Mistake(
      id: "gradients-summed-not-averaged", title: "worker gradients summed, not averaged",
      explanation:
        "Data-parallel training averages the workers' gradients (an all-reduce followed by a "
        + "division by the worker count); a plain sum scales the gradient by N."),
    Mistake(
      id: "clip-norm-without-epsilon", title: "clip coefficient without torch's 1e-6",
      explanation:
        "torch computes the coefficient as max_norm / (total_norm + 1e-6) and clamps it to 1; "
        + "without the 1e-6 your values differ by about 1e-6 relative."),
    Mistake(
      id: "clip-per-tensor", title: "each tensor clipped by its own norm",
      explanation:
        "Global-norm clipping uses one norm over all tensors together, √(Σ‖gᵢ‖²), and scales "
        + "every tensor by the same coefficient."),
  ]
}
