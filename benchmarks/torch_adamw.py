#!/usr/bin/env python3
"""Time torch.optim.AdamW on one flat Float32 tensor, fused and as a plain for-loop.

Prints one line per implementation and thread count, such as
`torch threads=2 median_ms=X gbps=Y` for fused=True and `torch_forloop threads=2 ...` for
foreach=False, fused=False. Effective bandwidth counts 28 bytes per parameter (read θ, g, m, v;
write θ, m, v) for both.
"""

import argparse
import statistics
import time

import torch


def time_step(count: int, threads: int, repeats: int, fused: bool) -> float:
    torch.set_num_threads(threads)
    generator = torch.Generator().manual_seed(0)
    parameters = torch.randn(count, generator=generator, dtype=torch.float32)
    parameters.requires_grad_(True)
    parameters.grad = torch.randn(count, generator=generator, dtype=torch.float32)
    if fused:
        optimizer = torch.optim.AdamW([parameters], lr=1e-3, weight_decay=1e-2, fused=True)
    else:
        optimizer = torch.optim.AdamW(
            [parameters], lr=1e-3, weight_decay=1e-2, foreach=False, fused=False)
    for _ in range(3):
        optimizer.step()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        optimizer.step()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000_000, help="parameters")
    parser.add_argument("--threads", type=str, default="1,2", help="comma-separated")
    parser.add_argument("--repeats", type=int, default=30, help="timed steps per thread count")
    parser.add_argument("--forloop", action="store_true", help="also time foreach=False")
    arguments = parser.parse_args()
    for threads in [int(word) for word in arguments.threads.split(",")]:
        variants = [("torch", True)] + ([("torch_forloop", False)] if arguments.forloop else [])
        for name, fused in variants:
            seconds = time_step(arguments.count, threads, arguments.repeats, fused)
            gigabytes = 28 * arguments.count / seconds / 1e9
            print(f"{name} threads={threads} median_ms={seconds * 1e3:.3f} gbps={gigabytes:.1f}")


if __name__ == "__main__":
    main()
