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

# Wall-clock milliseconds of one `check adam` against data folder $1 and cache folder $2.
# The CPU milliseconds (user + system, children included) are appended to $work/cpu, because
# on a shared machine they vary far less with load than wall-clock time does.
time_check() {
  local start end
  start=$(now)
  /usr/bin/time -f "%U %S" -o "$work/time" \
    env XDG_CACHE_HOME="$2" "$OPTIMLINGS_BIN" --data "$1" check adam >/dev/null 2>&1 || true
  end=$(now)
  awk '/^[0-9.]+ [0-9.]+$/ { printf "%d\n", ($1 + $2) * 1000 }' "$work/time" >>"$work/cpu"
  echo $(((end - start) / 1000000))
}

# The median of the CPU times recorded since the last call, then forgets them.
cpu_median() {
  local value
  value=$(median <"$work/cpu")
  : >"$work/cpu"
  echo "$value"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

first=()
: >"$work/cpu"
for i in $(seq 1 3); do
  first+=("$(time_check "$work/first-$i" "$work/first-cache-$i")")
done
first_cpu=$(cpu_median)

data="$work/warm"
time_check "$data" "$work/cache" >/dev/null
file="$data/workspace/Sources/adam/adam.swift"
cp Sources/Exercises/Files/adam/solution.swift "$file"
saved=()
: >"$work/cpu"
for i in $(seq 1 "$runs"); do
  echo "// save $i" >>"$file"
  saved+=("$(time_check "$data" "$work/cache")")
done
saved_cpu=$(cpu_median)
same=()
for i in $(seq 1 "$runs"); do
  same+=("$(time_check "$data" "$work/cache")")
done
same_cpu=$(cpu_median)

report() {
  echo "$1 median $(printf '%s\n' "${@:3}" | median) ms wall, $2 ms CPU (wall: ${*:3})"
}
report "first check after install:" "$first_cpu" "${first[@]}"
report "saved file to verdict:    " "$saved_cpu" "${saved[@]}"
report "unchanged file:           " "$same_cpu" "${same[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
