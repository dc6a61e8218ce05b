"""Time to the first frame, for bench/idle.sh.

firstframe.py NAME TIMING_LOG TERM_LOG prints the milliseconds from
script(1)'s start to the first write that holds NAME's frame (see MARKERS),
or "none".
"""
import re
import sys

# What shows that the first frame is there: the screen's big digits (block
# characters, or '#' in ASCII), the bare program's line.
MARKERS = {"screen": re.compile("[█▀▄#]".encode()), "bare": re.compile(b"static line")}


def first_frame(name, timing, term):
    """Milliseconds from script's start to the first write that holds the frame."""
    log = open(term, "rb").read()
    log = log[log.index(b"\n") + 1 :]  # script's header line is not in the timing
    t, pos = 0.0, 0
    for line in open(timing):
        f = line.split()
        if len(f) == 3 and f[0] != "O":  # advanced format: "O delay bytes"
            continue
        delay, n = f[-2:]
        t += float(delay)
        pos += int(n)
        if MARKERS[name].search(log[:pos]):
            return f"{t * 1000:.1f}"
    return "none"


if __name__ == "__main__":
    print(first_frame(*sys.argv[1:4]))
