"""Commitments offered from the writer's own apology: the sentences where it makes things right or says what
will change, in their words, for the commitments page (Schumann 2018: an offer of repair and a promise of
change are the parts of an apology a partner can later watch being kept)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from amends.coach.apology import analyze_apology
from amends.coach.text import TextRejected
from amends.services.access import RepairAccess, own
from amends.web.repairs.models import ApologyDraft
from amends.web.trust.models import Commitment

# A sentence that promises change is offered as "what will change" even where the same words also make things
# right ("From now on I will call you..."): a commitment is the ongoing kind.
PARTS = ("change", "repair")
_SENTENCE_END = re.compile(r"[.!?\n]")


@dataclass(frozen=True)
class Offered:
    part: str  # "repair" (making it right) or "change" (what will change)
    text: str


def offered_commitments(access: RepairAccess) -> list[Offered]:
    """The sentences of this member's latest apology draft that make it right or promise change, in the text's
    order, leaving out those already made into one of their commitments."""
    draft = own(access, ApologyDraft).first()
    if draft is None:
        return []
    try:
        elements = analyze_apology(draft.text).to_dict()["elements"]
    except TextRejected:
        return []
    kept = [_words(c.text) for c in own(access, Commitment).only("text")]
    found: dict[str, Offered] = {}
    for part in PARTS:
        for start, end in elements.get(part, {}).get("spans", []):
            sentence = _sentence_around(draft.text, start, end)
            if sentence and sentence not in found and not _already_committed(_words(sentence), kept):
                found[sentence] = Offered(part, sentence)
    return sorted(found.values(), key=lambda o: draft.text.find(o.text))


def _sentence_around(text: str, start: int, end: int) -> str:
    bounds = [m.end() for m in re.finditer(r"[.!?\n]\s*", text[:start])]
    lo = bounds[-1] if bounds else 0
    m = _SENTENCE_END.search(text, end)
    hi = m.end() if m else len(text)
    return text[lo:hi].strip()


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def _already_committed(sentence: str, commitments: list[str]) -> bool:
    """The sentence holds the words of a commitment already made ("From now on I will call you before six" holds
    "I will call you before six"), or a commitment holds the whole sentence."""
    return any(c and (f" {c} " in f" {sentence} " or f" {sentence} " in f" {c} ") for c in commitments)
