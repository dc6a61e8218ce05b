#!/usr/bin/env bash
# What the timer screen costs, side by side with a bare Bubble Tea v2 program
# (bench/bare: upstream Bubble Tea at its default 60 frames a second, one
# static line) measured in the same run, both built as releases are
# (CGO_ENABLED=0, -trimpath, -s -w).
#
#   bench/idle.sh [SECONDS]     (default 30 seconds a size)
#
# For each size in SIZES (default "80x24 120x40 250x70") it runs
# `icetimer start --cycle "ice 25m, rest 5m"` and the bare program at once,
# each in a detached tmux pane of that size under script(1), lets them settle
# for SETTLE seconds (default 5), then measures for SECONDS: CPU (nanoseconds
# on a CPU over all threads, from /proc/PID/task/*/schedstat), context
# switches a second (all threads), peak RSS (VmHWM) and its private part
# (RssAnon), bytes written to the terminal a second, and the time to the
# first frame (script's timing log, up to the first write that holds the
# frame). At KEY_SIZE (default 120x40) it
# then sends `?` (the screen shows and hides its keys; the bare program a
# line) KEYS times (default 30) to each with tmux send-keys, each away from
# the screen's redraws on the second, and times from the send until script's
# log grows; and starts both STARTS more times (default 10) for the median and
# worst first frame. Meanwhile `icetimer run --cycle ...` runs without a
# terminal, for its peak RSS.
#
# Targets (issue 22): first frame <= 30 ms; key to screen <= 20 ms median,
# <= 40 ms worst; idle CPU <= 0.2x the bare program's at every size;
# <= 10 wakeups/s; peak RSS <= 14 MB for the screen, <= 10.5 MB for run.
# The machine may be busy: compare the ratios of one run, over several runs.
#
# ICETIMER_BIN=path measures that binary instead of building this tree, to
# compare two builds. ICETIMER_CYCLE="ice 1s, rest 1s" measures another cycle.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
sizes=${SIZES:-80x24 120x40 250x70}
keysize=${KEY_SIZE:-120x40}
keys=${KEYS:-30}
starts=${STARTS:-10}
settle=${SETTLE:-5}
cycle=${ICETIMER_CYCLE:-ice 25m, rest 5m}
out=$PWD/bench/out/idle
rm -rf "$out" && mkdir -p "$out/bin"

release() { CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" "$@"; }
if [ -n "${ICETIMER_BIN:-}" ]; then
	cp "$ICETIMER_BIN" "$out/bin/icetimer"
else
	release -o "$out/bin/icetimer" ./cmd/icetimer
fi
(cd bench/bare && release -o "$out/bin/bare" .) # its own module: upstream Bubble Tea

export XDG_STATE_HOME="$out/state" XDG_CONFIG_HOME="$out/config"
started=() # tmux servers and processes to end on exit, as "socket pid"

# launch NAME SIZE COMMAND...: runs COMMAND under script(1) in a detached
# tmux pane of SIZE on its own tmux server; the pane's process tree is
# pane -> script -> program, so the pid found is this run's program.
launch() {
	local name=$1 size=$2 dir="$out/$1" sock="bench-$1-$$" spid pid=""
	shift 2
	mkdir -p "$dir"
	rm -f "$dir/timing.log" "$dir/term.log"
	tmux -L "$sock" new-session -d -x "${size%x*}" -y "${size#*x}" \
		"exec script -q -f -T $dir/timing.log -O $dir/term.log -c \"exec $*\""
	spid=$(tmux -L "$sock" list-panes -F '#{pane_pid}')
	for _ in $(seq 300); do
		pid=$(pgrep -P "$spid" -x "$(basename "$1")" || true)
		[ -n "$pid" ] && break
		sleep 0.01
	done
	[ -n "$pid" ] || { echo "$name did not start" >&2; exit 1; }
	echo "$pid" >"$dir/pid"
	echo "$sock" >"$dir/sock"
	started+=("$sock $pid")
}

# finish SOCKET PID: quits the program (q, then n: the screen asks whether
# to keep reminding), kills it if it is still there, then ends its server.
finish() {
	local sock=$1 pid=$2
	tmux -L "$sock" send-keys q 2>/dev/null || true
	sleep 0.2
	tmux -L "$sock" send-keys n 2>/dev/null || true
	for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.02; done
	kill "$pid" 2>/dev/null || true
	tmux -L "$sock" kill-server 2>/dev/null || true
}
finish_all() {
	for s in "${started[@]}"; do finish $s; done
	started=()
}
trap 'finish_all; [ -z "${runpid:-}" ] || kill -INT "$runpid" 2>/dev/null || true' EXIT

# sample PID: nanoseconds on a CPU and context switches, over its threads.
sample() {
	local ns sw
	ns=$(cat /proc/"$1"/task/*/schedstat | awk '{n += $1} END {printf "%d", n}')
	sw=$(cat /proc/"$1"/task/*/status | awk '/ctxt_switches/ {n += $2} END {printf "%d", n}')
	echo "$ns $sw"
}
hwm() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
# anon PID: RssAnon, the private part of the RSS (the rest is the binary's
# pages, shared with the page cache).
anon() { awk '/RssAnon/ {print $2}' "/proc/$1/status"; }

# icetimer run, without a terminal, for its peak RSS.
mkdir -p "$out/run"
XDG_STATE_HOME="$out/run/state" XDG_CONFIG_HOME="$out/run/config" \
	"$out/bin/icetimer" run --cycle "$cycle" >"$out/run/out.log" 2>&1 </dev/null &
runpid=$!

echo "bench/idle.sh $secs: icetimer start --cycle \"$cycle\" and bench/bare, side by side; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for size in $sizes; do
	rm -rf "$out/state" "$out/config"
	launch screen "$size" "$out/bin/icetimer" start --cycle "'$cycle'"
	launch bare "$size" "$out/bin/bare"
	sleep "$settle" # past start-up: measure the steady state
	spid=$(cat "$out/screen/pid") bpid=$(cat "$out/bare/pid")
	read -r sn0 ss0 <<<"$(sample "$spid")"
	read -r bn0 bs0 <<<"$(sample "$bpid")"
	sb0=$(stat -c %s "$out/screen/term.log") bb0=$(stat -c %s "$out/bare/term.log")
	sleep "$secs"
	read -r sn1 ss1 <<<"$(sample "$spid")"
	read -r bn1 bs1 <<<"$(sample "$bpid")"
	sb1=$(stat -c %s "$out/screen/term.log") bb1=$(stat -c %s "$out/bare/term.log")
	keyfile=/dev/null
	if [ "$size" = "$keysize" ]; then
		keyfile="$out/keys.txt"
		python3 bench/keys.py "$keys" "$(cat "$out/screen/sock")" "$out/screen/term.log" \
			"$(cat "$out/bare/sock")" "$out/bare/term.log" >"$keyfile"
	fi
	figures=("$((sn1 - sn0)) $((ss1 - ss0)) $((sb1 - sb0)) $(hwm "$spid") $(anon "$spid") $out/screen/timing.log $out/screen/term.log"
		"$((bn1 - bn0)) $((bs1 - bs0)) $((bb1 - bb0)) $(hwm "$bpid") $(anon "$bpid") $out/bare/timing.log $out/bare/term.log")
	finish_all
	if [ "$size" = "$keysize" ]; then
		# More starts, for the first frame's median and worst.
		for _ in $(seq "$starts"); do
			rm -rf "$out/state" "$out/config"
			launch screen "$size" "$out/bin/icetimer" start --cycle "'$cycle'"
			launch bare "$size" "$out/bin/bare"
			sleep 1
			for p in screen bare; do
				python3 bench/firstframe.py "$p" "$out/$p/timing.log" "$out/$p/term.log" >>"$out/firsts.$p"
			done
			finish_all
		done
	fi
	python3 bench/report.py "$size" "$secs" "$keyfile" "${figures[@]}"
	rm -f "$out/firsts.screen" "$out/firsts.bare"
done
mb() { awk '{printf "%.1f", $1 / 1024}'; }
echo "icetimer run: peak rss $(hwm "$runpid" | mb) MB (target 10.5), of it private (RssAnon) $(anon "$runpid" | mb) MB"
