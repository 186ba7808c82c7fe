// Gradient clipping by global norm, as torch.nn.utils.clip_grad_norm_ computes it.
//
// Given several gradient tensors (here, arrays) g₁, g₂, …:
//   total = √(Σ over every value of every tensor of g²)
//   coefficient = min(maxNorm / (total + 1e-6), 1)
//   every value of every tensor ← value·coefficient
// Return total, the norm measured before clipping.
//
// The checker compares the returned norm and the clipped values for every call.
// Check with `optimlings check clipping`; `optimlings hint clipping` helps.

import ExerciseSupport
import Foundation

/// Scales `gradients` in place so their global 2-norm is at most `maxNorm`.
/// Returns the global norm before clipping.
func clipGradientsByGlobalNorm(_ gradients: inout [[Double]], maxNorm: Double) -> Double {
  notImplemented()
}
