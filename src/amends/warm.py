"""Load everything the coach and the safety scan read, once per process, before a worker takes requests.

The first request of each kind should cost what a warm one does, so ``amends serve`` calls ``warm_up``
before it accepts connections and ``/readyz`` answers "warming" until it has finished. The lock makes
concurrent callers wait for the one warm-up rather than each repeating it.
"""

from __future__ import annotations

import datetime as dt
import threading

from amends.coach.apology import analyze_apology
from amends.coach.emotions import read_emotions
from amends.coach.reply import analyze_reply
from amends.ledger.commitment_check import check_commitment
from amends.safety.detector import scan_safety
from amends.safety.recurring import ArgumentEntry, find_recurring

_lock = threading.Lock()
_done = threading.Event()

# One short text per engine, touching the encoder, the heads, every lexicon and the prototype vectors.
_PARTNER = "I felt invisible when you forgot my birthday dinner, like I don't matter to you."
_REPLY = "I'm so sorry. You waited an hour alone; that must have felt like I didn't care. What was that like?"
_HOSTILE_REPLY = "Not this again. It was one dinner."  # reaches the partner findings head past its gate
_APOLOGY = "I'm sorry I forgot your birthday dinner. That was my fault, and from now on I'll put it in my calendar."
_APOLOGY_WITHOUT_MISTAKE = "I was late again and you waited alone; I'm sorry, and I did not call you."
_ROUNDS = 8


def warm_up() -> None:
    """Run each engine once on a fixed text, so every lazy load happens here and not in a request."""
    with _lock:
        if _done.is_set():
            return
        # Several rounds on texts that differ (the encoder remembers a text it has seen), not one:
        # Python specialises a function's bytecode after it has run a few times, and until then the
        # first request cost up to three times a warm one (bench/coldstart.py).
        for n in range(_ROUNDS):
            late = f" I was {n + 2} hours late."
            analyze_apology(_APOLOGY + late, mistake="forgot the birthday dinner")
            analyze_apology(_APOLOGY_WITHOUT_MISTAKE + late)
            analyze_reply(_PARTNER, _REPLY + late)
            analyze_reply(_PARTNER, _HOSTILE_REPLY + late)
            read_emotions(_PARTNER + late)
            scan_safety(_PARTNER + late)
            check_commitment(f"I will text you when I leave work, every weekday by {n + 5}pm.")
        day = dt.date(2026, 1, 1)
        entries = [ArgumentEntry(str(i), day, "chores", "who does the dishes") for i in range(2)]
        find_recurring(entries)
        _done.set()


def is_warm() -> bool:
    return _done.is_set()
