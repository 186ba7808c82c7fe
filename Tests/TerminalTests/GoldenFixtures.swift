/// One Markdown sample per element the renderer handles, in the shapes real notes take.
enum GoldenFixtures {
  static let all: [(name: String, markdown: String)] = [
    (
      "headings",
      """
      # Adaptive learning rates

      ## Why one step size is not enough for every parameter in the model

      ### Per-parameter scaling

      #### A smaller heading

      ##### Level five

      ###### Level six
      """
    ),
    (
      "inline",
      """
      Momentum keeps a *velocity*, not just the **current gradient**; the old name \
      ~~heavy ball~~ still shows up. Call `optimizer.step()` after `loss.backward()`. \
      Nesting works too: ***both at once*** and **bold with `code` inside**.
      Line one of a hard break\\
      line two after it.
      """
    ),
    (
      "code",
      """
      ```swift
      // Plain SGD on a flat parameter vector.
      /* block comment
         over two lines */
      func step(_ theta: inout [Double], _ g: [Double], lr: Double = 0.01) {
        for i in theta.indices { theta[i] -= lr * g[i] }  // in place
        let label = "lr=\\(lr)"; print(label, 1e-3, 0x1F, 42)
      }
      ```

      ```python
      for group in optimizer.param_groups:
          group["lr"] = 0.001  # a line long enough that it would need wrapping at forty columns
      ```

          indented code block
          without a language
      """
    ),
    (
      "quotes",
      """
      > Adam is usually a good default.
      > > But check the learning rate first; a nested quote keeps its own bar on every \
      wrapped line.
      > > > Three levels deep.
      >
      > - a list inside a quote
      > - second item
      """
    ),
    (
      "lists",
      """
      - Gradient descent
        - Batch
          - Full dataset per step, slow on large data but smooth.
        - Stochastic
      - Momentum

      7. starts at seven
      8. eight
      9. nine
      10. ten, which is two digits wide so the others line up
      11. eleven

      Loose lists keep a blank line between items:

      1) Loose item one.

         With a second paragraph.

      2) Loose item two.
      """
    ),
    (
      "tasks",
      """
      - [x] Derive the Adam update
      - [ ] Implement bias correction
        - [ ] nested task with a longer description that has to wrap at narrow widths
      """
    ),
    (
      "tables",
      """
      | Optimizer | State per parameter | Typical lr | Notes |
      |:----------|:-------------------:|-----------:|-------|
      | SGD | 0 or 1 (momentum) | 0.1 | Simple, strong baseline for vision models when tuned well |
      | Adam | 2 (m and v) | 0.001 | Default for transformers; sensitive to ε in half precision |
      | 学习率 | 🙂 | 1e-3 |
      """
    ),
    (
      "links",
      """
      Read [the Adam paper](https://arxiv.org/abs/1412.6980 "Kingma and Ba") or \
      <https://pytorch.org/docs/stable/optim.html>, or write to <someone@example.com>.

      ![Loss curve for three optimizers](images/loss-curves.png)

      ![](diagram.svg)
      """
    ),
    (
      "blocks",
      """
      > before the rule
      >
      > ---
      >
      > after the rule

      <details>
      <summary>Show the derivation</summary>
      </details>

      Adam was introduced in 2014[^paper] and fixed later[^fix].

      [^paper]: Kingma and Ba, *Adam: A Method for Stochastic Optimization*.
      [^fix]: Loshchilov and Hutter decoupled weight decay.
      """
    ),
    (
      "math",
      """
      The update uses $\\hat{m}_t = m_t / (1 - \\beta_1^t)$ and $\\epsilon = 10^{-8}$; \
      prices like $5 stay text and $\\unknown{x}$ stays too: $\\operatorname{clip}(g) \\leq c$.

      $$
      \\theta_{t+1} = \\theta_t - \\eta \\frac{\\hat{m}_t}{\\sqrt{\\hat{v}_t} + \\epsilon}
      $$

      $$\\sum_{i=1}^{n} \\nabla_\\theta L_i \\approx \\mathbf{g} \\cdot \\text{batch}$$
      """
    ),
    (
      "worked-example",
      """
      ```worked-example
      optimizer: Adam
      lr: 0.1
      betas: 0.9, 0.999
      initial: 1.0
      gradients: 1; 0.1; 0.1
      step 1: parameters = 0.9
      step 1: m = 0.1
      step 1: v_hat = 1
      step 2: parameters = 0.80000
      ```

      ```worked-example
      optimizer: Adam
      gradients: 1; 2
      ```
      """
    ),
    (
      "cells",
      """
      ```experiment
      objective: rosenbrock
      start: -1.5, 2
      steps: 500
      compare: SGD lr=0.001; Adam lr=0.02
      plot: trajectory
      ```

      ```swift cell
      var adam = try Adam(.init(lr: 0.1))
      print(adam.state.step)
      ```
      """
    ),
    (
      "wide",
      """
      学习率调度器在每个训练周期结束时更新学习率，预热阶段线性增加。Emoji count as two \
      columns: 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀 and flags 🇯🇵🇫🇷 too; \
      combining marks like m̂ and v̂ take one.
      """
    ),
    (
      "prose",
      """
      Gradient descent moves the parameters against the gradient of the loss. With a learning \
      rate that is too large the loss oscillates or diverges; too small and training crawls. \
      https://example.com/a/very/long/url/that/cannot/be/broken/at/spaces/because/it/has/none/at/all
      """
    ),
  ]
}
