"""Compare two versions of a text sentence by sentence, as safe HTML a person can read on a phone.

Each sentence is the same, changed, added or removed. Only inside a changed sentence are words marked,
so a full rewrite reads as "removed" then "added" instead of a tangle of struck and inserted words.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
# Below this share of words in common, two sentences are different sentences, not one edited.
_SAME_SENTENCE = 0.5
LABELS = {"same": "Same", "changed": "Changed", "added": "Added", "removed": "Removed"}


@dataclass(frozen=True)
class SentenceChange:
    kind: str  # same | changed | added | removed
    html: SafeString

    @property
    def label(self) -> str:
        return LABELS[self.kind]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]


def sentence_diff(old: str, new: str) -> list[SentenceChange]:
    a, b = sentences(old), sentences(new)
    out: list[SentenceChange] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out += [SentenceChange("same", escape(s)) for s in a[i1:i2]]
        else:
            out += _pair_up(a[i1:i2], b[j1:j2])
    return out


def _pair_up(removed: list[str], added: list[str]) -> list[SentenceChange]:
    """Sentences replaced in one place: an edited one is 'changed' with its words marked, the rest stand alone."""
    out: list[SentenceChange] = []
    for k in range(max(len(removed), len(added))):
        old = removed[k] if k < len(removed) else None
        new = added[k] if k < len(added) else None
        if old is not None and new is not None and _likeness(old, new) >= _SAME_SENTENCE:
            out.append(SentenceChange("changed", word_diff(old, new)))
            continue
        if old is not None:
            out.append(SentenceChange("removed", escape(old)))
        if new is not None:
            out.append(SentenceChange("added", escape(new)))
    return out


def _likeness(old: str, new: str) -> float:
    return difflib.SequenceMatcher(a=old.lower().split(), b=new.lower().split(), autojunk=False).ratio()


def word_diff(old: str, new: str) -> SafeString:
    """One sentence with removed words struck and added words marked; words always keep a space between them."""
    a, b = old.split(), new.split()
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
        if op in {"delete", "replace"}:
            parts.append(format_html("<del>{}</del>", " ".join(a[i1:i2])))
        if op in {"insert", "replace"}:
            parts.append(format_html("<ins>{}</ins>", " ".join(b[j1:j2])))
    return mark_safe(" ".join(parts))  # every part is escaped above
