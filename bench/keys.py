"""Key-to-screen latency for bench/idle.sh.

keys.py N SOCKET LOG [SOCKET LOG ...] sends `?` N times to the program in
each tmux server SOCKET and times, from just before `tmux send-keys` runs,
until script(1)'s LOG of that program's terminal grows. The keys go at
0.3 s, 0.6 s, ... past a whole second of the wall clock, away from the timer
screen's redraw on the second, so that what the log gets is the answer to
the key. Prints "LOG median_ms worst_ms answered sent" for each program.
"""
import os
import statistics
import subprocess
import sys
import time


def main():
    n = int(sys.argv[1])
    programs = list(zip(sys.argv[2::2], sys.argv[3::2]))
    took = {log: [] for _, log in programs}
    for _ in range(n):
        second = int(time.time()) + 1
        for i, (sock, log) in enumerate(programs):
            time.sleep(max(0.0, second + 0.3 * (i + 1) - time.time()))
            before = os.stat(log).st_size
            start = time.perf_counter()
            subprocess.run(["tmux", "-L", sock, "send-keys", "?"], check=True)
            while time.perf_counter() - start < 0.25:
                if os.stat(log).st_size > before:
                    took[log].append((time.perf_counter() - start) * 1000)
                    break
                time.sleep(0.0002)
    for _, log in programs:
        t = took[log]
        if t:
            print(f"{log} {statistics.median(t):.1f} {max(t):.1f} {len(t)} {n}")
        else:
            print(f"{log} none none 0 {n}")


main()
