#!/usr/bin/env bash
# Reading a huge history: `icetimer report` (7 days), `status`, `status
# --json` and `history` over two histories written for the run into a temp
# directory (bench/genhistory): 1 GB of courses one every 10 minutes (some 35
# years, 144 courses a day), and 20,000 courses in the last week (2,880 a
# day). Each command runs RUNS times (default 5): the median time and the
# peak RSS (getrusage of the child). Targets (issue 23), at 1 GB: report
# under 1 s and 30 MB, status --json under 100 ms; linear in the courses of
# a day. ICETIMER_BIN=path measures that binary instead of building this
# tree, to compare two builds; SIZE=bytes changes the huge history's size.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/hugehistory
mkdir -p "$out"
if [ -n "${ICETIMER_BIN:-}" ]; then
	cp "$ICETIMER_BIN" "$out/icetimer"
else
	CGO_ENABLED=0 go build -o "$out/icetimer" ./cmd/icetimer # as releases are built
fi
go build -o "$out/genhistory" ./bench/genhistory
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() { # the state directory's parent, then the commands
	XDG_STATE_HOME="$1" XDG_CONFIG_HOME="$tmp/config" python3 - "$out/icetimer" "${RUNS:-5}" <<'PY'
import os, subprocess, sys, time
binary, runs = sys.argv[1], int(sys.argv[2])
for args in (["report"], ["status"], ["status", "--json"], ["history"]):
    took, rss, failed = [], 0, ""
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.Popen([binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _, status, usage = os.wait4(p.pid, 0)  # waits at most the timeout below
        except KeyboardInterrupt:
            p.kill(); raise
        took.append(time.perf_counter() - start)
        rss = max(rss, usage.ru_maxrss)
        err = p.stderr.read().decode(errors="replace").strip()
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            failed = f"  exit {p.returncode}: {err[:200]}"
        if took[-1] > 120:
            break  # one run of a slow build is enough
    took.sort()
    name = " ".join(args)
    print(f"  {name:<14} median {took[len(took)//2]*1000:8.1f} ms  slowest {took[-1]*1000:8.1f} ms  peak RSS {rss/1024:6.1f} MB{failed}")
PY
}

echo "1 GB of history, one course every 10 minutes:"
"$out/genhistory" -dir "$tmp/huge/icetimer" -size "${SIZE:-1073741824}" -every 10m | sed 's/^/  /'
measure "$tmp/huge"
rm -rf "$tmp/huge"

echo "20,000 courses in the last week, one every 30 seconds:"
"$out/genhistory" -dir "$tmp/dense/icetimer" -courses 20000 -every 30s | sed 's/^/  /'
measure "$tmp/dense"
