#!/usr/bin/env bash
# A saved course over a history of 100,000 courses (years of heavy use and
# more): how long `icetimer status` takes, and how long a resumed screen takes
# to its first frame in an 80x24 tmux pane. Targets (issue 8): status under
# 100 ms, first frame under 300 ms. COURSES=n changes the history's length.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${COURSES:-100000}
out=bench/out/bighistory
rm -rf "$out" && mkdir -p "$out"
go build -o "$out/icetimer" ./cmd/icetimer
export XDG_STATE_HOME="$PWD/$out/state" XDG_CONFIG_HOME="$PWD/$out/config"
dir="$XDG_STATE_HOME/icetimer"

# One real history line, written by icetimer itself: a 2-second course.
"$out/icetimer" run --cycle "ice 1s, rest 1s" --window 2s --quiet off >/dev/null 2>&1 || true
[ -s "$dir/history.jsonl" ] || { echo "no history line was written" >&2; exit 1; }
# n copies of it, course i moved i hours into the past: days of history,
# with only the last lines in today.
python3 - "$dir/history.jsonl" "$n" <<'PY'
import datetime, re, sys
path, n = sys.argv[1], int(sys.argv[2])
line = open(path).read().splitlines()[-1]
stamp = re.compile(r'"(\d{4}-\d\d-\d\dT[0-9:.]+(?:Z|[+-]\d\d:\d\d))"')
def shifted(hours):
    def move(m):
        t = datetime.datetime.fromisoformat(m.group(1).replace('Z', '+00:00'))
        return '"' + (t - datetime.timedelta(hours=hours)).isoformat() + '"'
    return stamp.sub(move, line)
with open(path, 'w') as f:
    for i in range(n, 0, -1):
        f.write(shifted(i) + '\n')
    f.write(line + '\n')
PY
echo "history: $(wc -l <"$dir/history.jsonl") courses, $(du -h "$dir/history.jsonl" | cut -f1)"

sock="icetimer-bighistory-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; }
trap cleanup EXIT
# A saved course: started in a screen that is then quit (the course goes on).
tmux -L "$sock" new-session -d -x 80 -y 24 "$out/icetimer start ice-20-20"
for _ in $(seq 300); do [ -s "$dir/state.json" ] && break; sleep 0.01; done
sleep 0.5
tmux -L "$sock" send-keys q; sleep 0.2; tmux -L "$sock" send-keys n 2>/dev/null || true
for _ in $(seq 300); do tmux -L "$sock" has-session 2>/dev/null || break; sleep 0.01; done

# status, 20 times: the median and the slowest.
python3 - "$out/icetimer" <<'PY'
import subprocess, sys, time
runs = []
for _ in range(20):
    t = time.perf_counter()
    p = subprocess.run([sys.argv[1], "status"], capture_output=True, text=True)
    runs.append((time.perf_counter() - t) * 1000)
    if p.returncode != 0:
        sys.exit(f"status failed: {p.stderr}")
runs.sort()
print(f"status:         median {runs[10]:.1f} ms, slowest {runs[-1]:.1f} ms (target 100 ms): {p.stdout.strip()}")
PY

# The resumed screen, under script(1), which records when each byte came.
tmux -L "$sock" new-session -d -x 80 -y 24 \
	"exec script -q -f -T $out/timing.log -O $out/term.log -c \"exec $out/icetimer\""
for _ in $(seq 300); do grep -q left "$out/term.log" 2>/dev/null && break; sleep 0.01; done
python3 - "$out/timing.log" "$out/term.log" <<'PY'
import sys
timing, log = sys.argv[1], open(sys.argv[2], 'rb').read()
t, pos = 0.0, 0
for line in open(timing):
    f = line.split()
    if len(f) == 3 and f[0] != 'O':
        continue
    delay, n = f[-2:]
    t += float(delay); pos += int(n)
    if b'left' in log[:pos]:
        print(f"first frame:    {t*1000:.1f} ms after start, resuming (target 300 ms)"); break
else:
    print("first frame:    none")
PY
tmux -L "$sock" send-keys q; sleep 0.2; tmux -L "$sock" send-keys n 2>/dev/null || true
