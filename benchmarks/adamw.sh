#!/usr/bin/env bash
# Builds the Swift benchmark in release mode, then times our fused AdamW step against
# torch.optim.AdamW(fused=True) at the same thread counts, interleaving rounds so both sides
# see the same machine load. torch is optional: without it only the Swift side runs.
#
# Usage: benchmarks/adamw.sh [--count N] [--threads 1,2] [--rounds R] [--repeats K]
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product OptimizerBenchmark >&2
exec python3 benchmarks/compare_adamw.py --binary .build/release/OptimizerBenchmark "$@"
