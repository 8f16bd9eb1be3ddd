"""Cold start: the first request of each kind in a fresh process, after ``warm_up``, against the warm p50.

Run: ``.venv/bin/python -m bench.coldstart``. Each kind runs in its own new Python process that does what
a worker does before it takes requests (``amends.warm.warm_up``), then times its first call on a text it
has never seen, then 30 more unseen texts for the warm p50. Target: first <= 2x warm p50.
"""

from __future__ import annotations

import json
import subprocess
import sys

KINDS = ("safety_scan", "apology", "reply", "emotions")
TARGET_RATIO = 2.0

_CHILD = r"""
import json, statistics, sys, time
from amends.warm import warm_up
from amends import analyze_apology, analyze_reply, read_emotions, scan_safety

kind = sys.argv[1]
t0 = time.perf_counter(); warm_up(); warm_s = time.perf_counter() - t0
texts = [f"I am sorry I forgot the dinner on day {i}; you sat alone for {i + 5} minutes." for i in range(31)]
run = {
    "safety_scan": lambda t: scan_safety(t),
    "apology": lambda t: analyze_apology(t),
    "reply": lambda t: analyze_reply("You forgot me again and I felt so alone.", t),
    "emotions": lambda t: read_emotions(t),
}[kind]
times = []
for t in texts:
    s = time.perf_counter(); run(t); times.append((time.perf_counter() - s) * 1000)
print(json.dumps({"warm_up_s": warm_s, "first_ms": times[0], "p50_ms": statistics.median(times[1:])}))
"""


def measure(kind: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, kind], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    print(
        f"{'kind':<12} {'warm-up s':>9} {'first ms':>9} {'warm p50 ms':>12} {'ratio':>6}  target <= {TARGET_RATIO:g}x"
    )
    failed = False
    for kind in KINDS:
        r = measure(kind)
        ratio = r["first_ms"] / max(r["p50_ms"], 1e-6)
        failed |= ratio > TARGET_RATIO
        print(f"{kind:<12} {r['warm_up_s']:>9.2f} {r['first_ms']:>9.2f} {r['p50_ms']:>12.2f} {ratio:>6.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
