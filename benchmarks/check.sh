#!/usr/bin/env bash
# Measures the time from a saved exercise file to the checker's verdict, with a release build.
#
#   benchmarks/check.sh [RUNS]
#
# It prints three medians of RUNS runs each (default 11, and 3 for the first check).
#   first   fresh data and cache folders: workspace, support module build, compile and run
#   saved   the learner's file changed since the last verdict, with a warm module cache
#   same    the file is unchanged since the last verdict, so the cached verdict is used
# Set OPTIMLINGS_BIN to time another binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-11}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
if [[ -z "${OPTIMLINGS_BIN:-}" ]]; then
  swift build -c release --product optimlings >/dev/null
  OPTIMLINGS_BIN="$(swift build -c release --show-bin-path)/optimlings"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now() { date +%s%N; }

# Milliseconds of one `check adam` against data folder $1 and cache folder $2.
time_check() {
  local start end
  start=$(now)
  XDG_CACHE_HOME="$2" "$OPTIMLINGS_BIN" --data "$1" check adam >/dev/null 2>&1 || true
  end=$(now)
  echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

first=()
for i in $(seq 1 3); do
  first+=("$(time_check "$work/first-$i" "$work/first-cache-$i")")
done

data="$work/warm"
time_check "$data" "$work/cache" >/dev/null
file="$data/workspace/Sources/adam/adam.swift"
cp Sources/Exercises/Files/adam/solution.swift "$file"
saved=()
same=()
for i in $(seq 1 "$runs"); do
  echo "// save $i" >>"$file"
  saved+=("$(time_check "$data" "$work/cache")")
  same+=("$(time_check "$data" "$work/cache")")
done

echo "first check after install: median $(printf '%s\n' "${first[@]}" | median) ms (${first[*]})"
echo "saved file to verdict:     median $(printf '%s\n' "${saved[@]}" | median) ms (${saved[*]})"
echo "unchanged file:            median $(printf '%s\n' "${same[@]}" | median) ms (${same[*]})"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
