#!/usr/bin/env bash
# Idle cost of the timer screen: runs `icetimer start --cycle "ice 25m, rest 5m"`
# in a detached tmux pane of each size in SIZES (default "80x24 250x70") for
# SECONDS (default 60) and prints CPU, wakeups, peak memory, bytes written to
# the terminal and time to first frame.
# Targets: <= 0.25 % of a core, <= 80 wakeups/s, <= 14 MB, bytes/s within 2x
# of the old 5-row screen's at 80x24 and < 200 at 250x70, first frame <= 100 ms.
# ICETIMER_BIN=path measures that binary instead of building this tree, to
# compare two builds under the same conditions. ICETIMER_CYCLE="ice 1s, rest 1s"
# measures another cycle (the short-cycle budget: 5 % of a core, 50 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
cycle=${ICETIMER_CYCLE:-ice 25m, rest 5m}
out=bench/out
mkdir -p "$out"
if [ -n "${ICETIMER_BIN:-}" ]; then
	cp "$ICETIMER_BIN" "$out/icetimer"
else
	CGO_ENABLED=0 go build -o "$out/icetimer" ./cmd/icetimer # as releases are built
fi
measure() {
	local size=$1
	rm -rf "$out/term.log" "$out/timing.log" "$out/state" "$out/config"

	sock="icetimer-bench-$$"
	pid=""
	# Quit the program we started (and only it), then the tmux server: killing
	# the server alone leaves script(1) and icetimer running, detached, for ever.
	cleanup() {
		if [ -n "$pid" ]; then
			tmux -L "$sock" send-keys q 2>/dev/null || true
		sleep 0.2; tmux -L "$sock" send-keys n 2>/dev/null || true
			for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.02; done
			kill "$pid" 2>/dev/null || true
		fi
		tmux -L "$sock" kill-server 2>/dev/null || true
	}
	trap cleanup EXIT
	export XDG_STATE_HOME="$PWD/$out/state" XDG_CONFIG_HOME="$PWD/$out/config"
	# script(1) records every byte the program writes to its terminal, with
	# timing. Both execs keep the process tree pane -> script -> icetimer, so the
	# figures are this run's icetimer's, not another one's on the same machine.
	tmux -L "$sock" new-session -d -x "${size%x*}" -y "${size#*x}" \
		"exec script -q -f -T $out/timing.log -O $out/term.log -c \"exec $out/icetimer start --cycle '$cycle'\""
	script_pid=$(tmux -L "$sock" list-panes -F '#{pane_pid}')

	for _ in $(seq 200); do
		pid=$(pgrep -P "$script_pid" -x icetimer || true)
		[ -n "$pid" ] && break
		sleep 0.01
	done
	[ -n "$pid" ] || { echo "icetimer did not start" >&2; exit 1; }
	sleep 2 # past start-up: measure the steady state

	ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
	# Nanoseconds on a CPU, summed over the threads: clock ticks count 10 ms
	# each, too coarse to tell two builds apart in a minute.
	cpuns() { cat /proc/"$pid"/task/*/schedstat | awk '{n += $1} END {printf "%d", n}'; }
	switches() { cat /proc/"$pid"/task/*/status | awk '/ctxt_switches/ {n += $2} END {print n}'; }
	bytes() { stat -c %s "$out/term.log"; }

	t0=$(ticks) s0=$(switches) b0=$(bytes) n0=$(cpuns)
	sleep "$secs"
	t1=$(ticks) s1=$(switches) b1=$(bytes) n1=$(cpuns)
	hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
	hz=$(getconf CLK_TCK)
	threads=$(ls "/proc/$pid/task" | wc -l)

	# Time to first frame: the timing log's delays summed up to the first write
	# that holds the frame (the countdown's "left").
	first=$(python3 - "$out/timing.log" "$out/term.log" <<-'PY'
	import sys
	timing, log = sys.argv[1], open(sys.argv[2], 'rb').read()
	t, pos = 0.0, 0
	for line in open(timing):
	    f = line.split()
	    if len(f) == 3 and f[0] != 'O':  # advanced format: "O delay bytes"
	        continue
	    delay, n = f[-2:]
	    t += float(delay); pos += int(n)
	    if b'left' in log[:pos]:
	        print(f"{t*1000:.1f}"); break
	else:
	    print("none")
	PY
	)

	awk -v ns="$((n1 - n0))" -v t="$((t1 - t0))" -v hz="$hz" -v s="$((s1 - s0))" -v b="$((b1 - b0))" -v secs="$secs" -v hwm="$hwm" -v first="$first" -v threads="$threads" -v pid="$pid" -v size="$size" -v cycle="$cycle" 'BEGIN {
		printf "run:            %d s, icetimer start --cycle \"%s\", %s tmux pane\n", secs, cycle, size
		printf "cpu:            %d ticks = %.3f %% of a core (target 0.25 %%)\n", t, 100 * t / hz / secs
		printf "cpu (schedstat): %.3f ms/s = %.3f %% of a core\n", ns / 1e6 / secs, ns / 1e7 / secs
		printf "wakeups:        %.1f context switches/s, summed over icetimer pid %d'"'"'s %d threads (target 80)\n", s / secs, pid, threads
		printf "peak rss:       %.1f MB (target 14)\n", hwm / 1024
		printf "terminal bytes: %.1f bytes/s\n", b / secs
		printf "first frame:    %s ms after start (target 100)\n", first
	}'
	cleanup
	pid=""
}

for size in ${SIZES:-80x24 250x70}; do
	measure "$size"
done
