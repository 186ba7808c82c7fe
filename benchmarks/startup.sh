#!/usr/bin/env bash
# Measures the time from starting `optimlings` (release build) to its first prompt on a
# pseudo-terminal, for a first run (empty data folder) and a later run (existing progress).
# Usage: benchmarks/startup.sh [RUNS]   (default 30 runs per case)
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-30}"
swift build -c release --product optimlings >&2
binary="$(swift build -c release --show-bin-path)/optimlings"

python3 - "$binary" "$runs" <<'PYTHON'
import os, pty, select, shutil, statistics, sys, tempfile, time

binary, runs = sys.argv[1], int(sys.argv[2])
lessons = os.path.abspath("lessons") if os.path.isdir("lessons") else None

def time_to_prompt(data, home):
    arguments = [binary, "--data", data] + (["--lessons", lessons] if lessons else [])
    start = time.perf_counter()
    pid, master = pty.fork()
    if pid == 0:
        os.execve(binary, arguments, {"HOME": home, "TERM": "xterm", "NO_COLOR": "1",
                                      "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    seen = b""
    while b"> " not in seen:
        ready, _, _ = select.select([master], [], [], 10)
        if not ready:
            raise SystemExit("no prompt within 10 s; output so far: %r" % seen)
        seen += os.read(master, 4096)
    elapsed = time.perf_counter() - start
    os.write(master, b"\x04")
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 10)
            if not ready:
                os.kill(pid, 9)
                raise SystemExit("optimlings did not exit on Ctrl-D within 10 s")
            if not os.read(master, 4096):
                break
    except OSError:
        pass  # EIO: the program exited and closed the terminal.
    os.waitpid(pid, 0)
    os.close(master)
    return elapsed * 1000

def report(name, samples):
    samples.sort()
    print("%-10s median %6.1f ms  min %6.1f ms  max %6.1f ms  (%d runs)" % (
        name, statistics.median(samples), samples[0], samples[-1], len(samples)))

root = tempfile.mkdtemp(prefix="optimlings-startup-")
try:
    home = os.path.join(root, "home")
    os.mkdir(home)
    first = []
    for index in range(runs):
        first.append(time_to_prompt(os.path.join(root, "fresh-%d" % index), home))
    later_data = os.path.join(root, "later")
    time_to_prompt(later_data, home)
    later = [time_to_prompt(later_data, home) for _ in range(runs)]
    print("lessons folder: %s" % (lessons or "none"))
    report("first run", first)
    report("later run", later)
finally:
    shutil.rmtree(root)
PYTHON
