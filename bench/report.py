"""Prints one size's figures for bench/idle.sh, the screen beside the bare
program.

report.py SIZE SECONDS KEYFILE SCREEN BARE, where SCREEN and BARE are each
"CPU_NS SWITCHES BYTES VMHWM_KB ANON_KB TIMING_LOG TERM_LOG" over the window
(ANON_KB: RssAnon at the window's end, the private part of the RSS), and
KEYFILE is keys.py's output (or /dev/null: no keys at this size). The first
frames of repeated starts, when there were, are in firsts.screen and
firsts.bare beside the programs' directories.
"""
import os
import statistics
import sys

from firstframe import first_frame


def spread(path):
    """The median and the worst of the figures in path, one a line."""
    if not os.path.exists(path):
        return None
    v = [float(x) for x in open(path).read().split() if x != "none"]
    return (f"{statistics.median(v):.1f}", f"{max(v):.1f}") if v else ("none", "none")


def main():
    size, secs, keyfile = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    figures = {}
    keys = [line.split() for line in open(keyfile)]
    for name, arg in zip(("screen", "bare"), sys.argv[4:6]):
        ns, sw, nbytes, hwm, anon, timing, term = arg.split()
        key = next((k for k in keys if k[0] == term), None)
        figures[name] = {
            "cpu": int(ns) / 1e6 / secs,
            "switches": int(sw) / secs,
            "rss": int(hwm) / 1024,
            "anon": int(anon) / 1024,
            "bytes": int(nbytes) / secs,
            "first": first_frame(name, timing, term),
            "starts": spread(os.path.join(os.path.dirname(timing), "..", f"firsts.{name}")),
            "key": key,
        }
    s, b = figures["screen"], figures["bare"]
    ratio = s["cpu"] / b["cpu"] if b["cpu"] else float("inf")
    row = "{:<28}{:>10}{:>10}{:>14}{:>10}"
    print()
    print(row.format(f"{size}, {secs:g} s", "screen", "bare", "screen/bare", "target"))
    print(row.format("cpu, ms a second", f"{s['cpu']:.3f}", f"{b['cpu']:.3f}", f"{ratio:.2f}x", "0.2x"))
    print(row.format("context switches a second", f"{s['switches']:.1f}", f"{b['switches']:.1f}", "", "10"))
    print(row.format("peak rss, MB", f"{s['rss']:.1f}", f"{b['rss']:.1f}", "", "14"))
    # The rest of the RSS is the binary's own pages, shared with the page
    # cache and dropped first when memory is short: private is what a
    # program really costs.
    print(row.format("of it private (RssAnon), MB", f"{s['anon']:.1f}", f"{b['anon']:.1f}", "", ""))
    print(row.format("terminal bytes a second", f"{s['bytes']:.1f}", f"{b['bytes']:.1f}", "", ""))
    print(row.format("first frame, ms (this start)", s["first"], b["first"], "", "30"))
    if s["starts"] and b["starts"]:
        print(row.format("first frame, ms median", s["starts"][0], b["starts"][0], "", "30"))
        print(row.format("first frame, ms worst", s["starts"][1], b["starts"][1], "", ""))
    if s["key"] and b["key"]:
        print(row.format(f"key to screen, ms median", s["key"][1], b["key"][1], "", "20"))
        print(row.format(f"key to screen, ms worst", s["key"][2], b["key"][2], "", "40"))
        print(row.format("keys answered", f"{s['key'][3]}/{s['key'][4]}", f"{b['key'][3]}/{b['key'][4]}", "", ""))


main()
