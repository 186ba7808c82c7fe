#!/usr/bin/env python3
"""Interleave the Swift and torch AdamW benchmarks and print medians and ratios.

Each round runs the Swift benchmark (fused AdamW step, the same step as eight unfused
passes, and a STREAM triad) and then the torch script (fused and for-loop AdamW), at every
thread count. For each thread count the table reports the median over rounds of each
round's median step time. Beside it stand the effective bandwidth at 28 bytes per parameter,
the triad bandwidth, and torch time / Swift time, where above 1 means the Swift step is
faster.
"""

import argparse
import importlib.util
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

LINE = re.compile(r"(\w+)((?: \w+=[\d.]+)+)")


def parse(output: str) -> list[tuple[str, dict[str, float]]]:
    results = []
    for line in output.splitlines():
        match = LINE.fullmatch(line.strip())
        if match:
            fields = dict(pair.split("=") for pair in match.group(2).split())
            results.append((match.group(1), {key: float(value) for key, value in fields.items()}))
    return results


def run(command: list[str], environment: dict[str, str] | None = None
        ) -> list[tuple[str, dict[str, float]]]:
    completed = subprocess.run(
        command, check=True, capture_output=True, text=True, env=environment)
    return parse(completed.stdout)


def cpu_model() -> str:
    try:
        output = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return platform.processor() or "unknown CPU"
    fields = dict(
        line.split(":", 1) for line in output.splitlines() if ":" in line
    )
    model = fields.get("Model name", "unknown CPU").strip()
    cores = fields.get("CPU(s)", "?").strip()
    return f"{model}, {cores} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True, help="path of the OptimizerBenchmark binary")
    parser.add_argument("--count", type=int, default=10_000_000, help="parameters")
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds")
    parser.add_argument("--repeats", type=int, default=20, help="timed steps per round")
    parser.add_argument(
        "--huge-pages", choices=["on", "off"], default="on",
        help="transparent huge pages for both sides (torch through THP_MEM_ALLOC_ENABLE)")
    arguments = parser.parse_args()

    has_torch = importlib.util.find_spec("torch") is not None
    torch_script = Path(__file__).with_name("torch_adamw.py")
    torch_environment = dict(os.environ)
    torch_environment.pop("THP_MEM_ALLOC_ENABLE", None)
    if arguments.huge_pages == "on":
        torch_environment["THP_MEM_ALLOC_ENABLE"] = "1"
    samples: dict[tuple[str, int], list[float]] = {}
    for round_index in range(arguments.rounds):
        print(f"round {round_index + 1}/{arguments.rounds}", file=sys.stderr)
        swift = run([
            arguments.binary, "--count", str(arguments.count), "--threads", arguments.threads,
            "--repeats", str(arguments.repeats), "--huge-pages", arguments.huge_pages,
        ])
        for name, fields in swift:
            value = fields["gbps"] if name == "triad" else fields["median_ms"]
            samples.setdefault((name, int(fields["threads"])), []).append(value)
        if has_torch:
            torch = run([
                sys.executable, str(torch_script), "--count", str(arguments.count),
                "--threads", arguments.threads, "--repeats", str(arguments.repeats), "--forloop",
            ], torch_environment)
            for name, fields in torch:
                samples.setdefault((name, int(fields["threads"])), []).append(
                    fields["median_ms"])

    print(f"date: {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"machine: {cpu_model()}")
    print(f"parameters: {arguments.count}, rounds: {arguments.rounds}, "
          f"steps per round: {arguments.repeats}, huge pages: {arguments.huge_pages}")
    if not has_torch:
        print("torch is not installed: only the Swift side ran")
    header = (f"{'threads':>7}  {'swift ms':>9}  {'swift GB/s':>10}  {'triad GB/s':>10}"
              f"  {'unfused ms':>10}")
    if has_torch:
        header += (f"  {'torch ms':>9}  {'torch GB/s':>10}  {'torch/swift':>11}"
                   f"  {'torch loop ms':>13}")
    print(header)
    gigabytes = 28 * arguments.count / 1e9
    for threads in [int(word) for word in arguments.threads.split(",")]:
        swift_ms = statistics.median(samples[("adamw", threads)])
        triad = statistics.median(samples[("triad", threads)])
        unfused_ms = statistics.median(samples[("unfused", threads)])
        row = (f"{threads:>7}  {swift_ms:>9.2f}  {gigabytes / swift_ms * 1e3:>10.1f}"
               f"  {triad:>10.1f}  {unfused_ms:>10.2f}")
        if has_torch:
            torch_ms = statistics.median(samples[("torch", threads)])
            loop_ms = statistics.median(samples[("torch_forloop", threads)])
            row += (f"  {torch_ms:>9.2f}  {gigabytes / torch_ms * 1e3:>10.1f}"
                    f"  {torch_ms / swift_ms:>11.2f}  {loop_ms:>13.2f}")
        print(row)
    ratios = []
    if has_torch:
        for threads in [int(word) for word in arguments.threads.split(",")]:
            per_round = [t / s for t, s in zip(samples[("torch", threads)],
                                               samples[("adamw", threads)])]
            ratios.append(f"{threads} threads: " + ", ".join(f"{r:.2f}" for r in per_round))
        print("torch/swift per round: " + "; ".join(ratios))
    print("torch/swift above 1 means the Swift step is faster. GB/s counts 28 bytes per "
          "parameter. 'unfused' is our AdamW as eight separate passes (80 bytes per parameter); "
          "'torch loop' is torch.optim.AdamW(foreach=False, fused=False).")


if __name__ == "__main__":
    main()
