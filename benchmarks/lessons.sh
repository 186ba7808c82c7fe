#!/usr/bin/env bash
# Benchmarks the lesson engine in a release build: time to the first step of the longest
# lesson, loading 250 generated notes, and one 10 MB note; then peak memory (maximum resident
# set size) of the whole run from /usr/bin/time -v.
# Usage: benchmarks/lessons.sh [LESSONS_DIR] [RUNS]
# Without LESSONS_DIR the first-step figure uses a generated 40-section note.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product LessonsBenchmark >/dev/null
args=()
if [[ $# -ge 1 && -n "$1" ]]; then args+=("$1"); fi
args+=(--runs "${2:-15}")

echo "machine: $(uname -srm), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -v .build/release/LessonsBenchmark "${args[@]}" 2>/tmp/optimlings-bench-time.$$
  grep -E "Maximum resident set size|Elapsed" /tmp/optimlings-bench-time.$$
  rm -f /tmp/optimlings-bench-time.$$
else
  .build/release/LessonsBenchmark "${args[@]}"
  echo "peak memory: /usr/bin/time not installed"
fi
