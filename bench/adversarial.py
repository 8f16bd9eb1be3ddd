"""Adversarial inputs: the longest texts the app accepts, built to make a regex backtrack.

Run: ``.venv/bin/python -m bench.adversarial`` (part of ``make bench``; about a minute on 2 cores).
Each input is 20,000 characters (the coach's limit): long runs of spaces, tabs or newlines,
one phrase repeated, punctuation, one endless word. For each analyser it prints the first call
(cold for that text: its sentences are not yet embedded) and the warm median of three more.

Targets (issues 11 and 12): the safety scan <= 200 ms warm, the apology coach <= 100 ms warm.
The reply and emotions coaches are timed too, for the audit. A line over its target says OVER.
``prose`` (20,000 characters of distinct ordinary sentences) is not adversarial: it shows the
cost of reading a long real text, which the encoder dominates.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable

from eval.paths import EXAMPLES

from amends.coach.apology import analyze_apology
from amends.coach.emotions import read_emotions
from amends.coach.reply import analyze_reply
from amends.coach.text import MAX_CHARS
from amends.safety.detector import scan_safety

TARGETS_MS = {"safety": 200.0, "apology": 100.0}


def _fill(unit: str, head: str = "") -> str:
    body = head + unit * (MAX_CHARS // len(unit) + 1)
    return body[:MAX_CHARS]


def _prose() -> str:
    rows = [json.loads(line) for line in (EXAMPLES / "apologies.jsonl").read_text(encoding="utf-8").splitlines()]
    text = ""
    for row in rows:
        if len(text) + len(row["text"]) + 1 > MAX_CHARS:
            break
        text += row["text"] + " "
    return text.strip()


def inputs() -> dict[str, str]:
    return {
        "spaces": _fill(" ", "I am sorry"),
        # A run that ends in a word: a pattern anchored at the end ("whatever[\\s.!]*$") must fail on it at once, not
        # try every split of the run (stop 40: "but whatever" + 19,000 spaces + "x" took 1.1 s in the reply coach).
        "spaces_then_word": _fill(" ", "but whatever")[:-1] + "x",
        "tabs": _fill("sorry\t"),
        "newlines": _fill("I hurt you\n"),
        "blank_lines": _fill("\n", "I am sorry"),
        "sorry_if_you_felt": _fill("sorry if you felt "),
        "commas": _fill("sorry, "),
        "and_and": _fill("and "),
        "but_spaces": _fill("but     "),
        "punctuation": _fill("!?.,;:-"),
        "dashes": _fill("- "),
        "quotes": _fill("\"a\" 'b' "),
        "one_word": _fill("a"),
        "crisis_repeat": _fill("I want to end my life. "),
        "prose": _prose(),
    }


def _analysers() -> dict[str, Callable[[str], object]]:
    return {
        "safety": scan_safety,
        "apology": analyze_apology,
        "reply": lambda text: analyze_reply("I feel like you never listen to me.", text),
        "emotions": read_emotions,
    }


def time_one(fn: Callable[[str], object], text: str) -> tuple[float, float]:
    start = time.perf_counter()
    fn(text)
    cold = (time.perf_counter() - start) * 1000
    warm = []
    for _ in range(3):
        start = time.perf_counter()
        fn(text)
        warm.append((time.perf_counter() - start) * 1000)
    return cold, statistics.median(warm)


def main() -> None:
    analysers = _analysers()
    for fn in analysers.values():
        fn("I am sorry I was late.")  # load models and lexicons before timing
    over = 0
    print(f"{'input':<18} {'analyser':<9} {'chars':>6} {'first ms':>9} {'warm ms':>8}  target")
    for name, text in inputs().items():
        for kind, fn in analysers.items():
            cold, warm = time_one(fn, text)
            target = TARGETS_MS.get(kind)
            verdict = "" if target is None else ("ok" if warm <= target else "OVER")
            if verdict == "OVER" and name != "prose":
                over += 1
            limit = f"<= {target:.0f} {verdict}" if target else ""
            print(f"{name:<18} {kind:<9} {len(text):>6} {cold:>9.1f} {warm:>8.1f}  {limit}")
    print(f"\nadversarial inputs over target: {over}")
    sys.stdout.flush()
    if over:
        sys.exit(1)  # scripts/bench.sh then names this bench as a missed target


if __name__ == "__main__":
    main()
