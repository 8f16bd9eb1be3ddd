"""Crisis-language detector: finds words that suggest suicide risk, self-harm or partner abuse.

Two halves work together, because recall matters more than precision here:

* hand-written patterns (``data/patterns.yaml``) with a small negation check, so
  "I would never hurt myself" passes while "I don't want to live anymore" flags;
* MiniLM similarity to prototype sentences (``data/prototypes.yaml``), so paraphrases
  with no keyword ("everyone would be better off without me") are caught. A sentence
  flags only when it is closer to a type's prototypes than to every look-alike
  ("this is killing me") kept in the same file. Similarity flags also pass structural checks
  (``_similarity_allowed``) so ordinary repair writing - "I'm sorry for the pain I caused",
  "I know how scared you were", "I kissed someone at the party" - does not raise an alarm.

Action policy (documented for the web layer and routing):

* ``crisis``  - any ``suicide_risk`` or ``self_harm`` flag, or ``abuse_victim`` with signs of
  immediate danger (a threat to kill, a weapon, "not safe", "right now", strangling...);
* ``support`` - any other abuse flag (victim without immediate danger, or perpetration);
* ``none``    - nothing found.

This is a screening aid, not an assessment; a clinician should sign the policy off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from amends.coach.results import Span
from amends.coach.text import TextRejected, check_text
from amends.safety.lexicon import FLAG_TYPES, Pattern, lexicon, prototypes

PATTERN_SCORE = 0.9
# Cosine thresholds per type, tuned on the "tune" split of tests/examples/crisis_sentences.jsonl.
THRESHOLDS = {"suicide_risk": 0.45, "self_harm": 0.5, "abuse_victim": 0.45, "abuse_perpetration": 0.45}
# An abuse similarity flag whose segment shows no violence/threat/control cue needs this much.
NO_CUE_THRESHOLD = 0.65
MARGIN = 0.02  # how much closer to a risk prototype than to the nearest look-alike
CRISIS_TYPES = frozenset({"suicide_risk", "self_harm"})
ABUSE_TYPES = frozenset({"abuse_victim", "abuse_perpetration"})

_SENTENCE = re.compile(r"[^.!?\n;]+[.!?;]*")
_CLAUSE_BREAK = re.compile(r",\s+|\s+(?:but|and|because|so|though)\s+|\s+-+\s+|:\s+", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z']+")
_FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|ive|me|myself)\b", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(you|you're|youre|you've|you'd|you'll|your|yours|yourself|u|ur)\b", re.IGNORECASE)
_PSEUDO_NEG_NEXT = frozenset({"stop", "help", "even", "one", "matter"})
# Who does what to whom, for similarity abuse flags (MiniLM barely tells "he hit me" from
# "I hit him"): a third-person actor with the writer as object reads as victim; the writer
# acting on "her/him/them" with no "me/my" in the segment reads as perpetration.
_OTHER_ACTOR = re.compile(
    r"\b(he|she|they|he's|she's|they're|hes|shes|my (partner|husband|wife|boyfriend|girlfriend|bf|gf|ex))\b",
    re.IGNORECASE,
)
_OTHER_OBJECT = re.compile(r"\b(him|her|them|his|their|hers|theirs)\b", re.IGNORECASE)
_WRITER = re.compile(r"\b(i|me|my|i'm|im|i've|ive|i'd|myself)\b", re.IGNORECASE)
_WRITER_OBJECT = re.compile(r"\b(me|my|myself)\b", re.IGNORECASE)
_WRITER_SUBJECT = re.compile(r"\b(i|i've|ive|i'd|i'm|im)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SafetyFlag:
    """One stretch of text that suggests a risk, with how confident the detector is."""

    type: str
    span: Span
    score: float
    via: str = "pattern"  # "pattern" | "similarity"

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "span": [self.span[0], self.span[1]], "score": round(self.score, 3)}


@dataclass(frozen=True)
class SafetyReport:
    """What the detector found in a text and what the app should do about it."""

    text: str
    flags: tuple[SafetyFlag, ...]
    action: str  # "none" | "support" | "crisis"
    immediate_danger: bool = False
    kind: str = "safety"

    @property
    def types(self) -> frozenset[str]:
        return frozenset(f.type for f in self.flags)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "flags": [f.to_dict() for f in self.flags],
            "action": self.action,
        }


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    text: str


def scan_safety(text: str) -> SafetyReport:
    """Scan ``text`` for crisis language. Raises :class:`TextRejected` for non-text or empty input.

    Example: ``scan_safety("everyone would be better off without me").action == "crisis"``.
    """
    _check(text)
    folded = text.replace("\u2019", "'").replace("\u2018", "'")
    sentences = _sentences(folded)
    negated: set[int] = set()
    flags = _pattern_flags(sentences, negated)
    taken = {(f.type, _owner(f.span, sentences)) for f in flags}
    flags += _similarity_flags(sentences, taken, negated)
    flags = _one_abuse_side(flags, sentences)
    flags.sort(key=lambda f: (f.span, f.type))
    danger = _immediate_danger(folded, flags)
    return SafetyReport(text=text, flags=tuple(flags), action=_action(flags, danger), immediate_danger=danger)


def _check(text: object) -> None:
    try:
        check_text(text)
    except TextRejected as exc:
        if exc.code != "not_english":  # scan other languages anyway: a miss costs more than noise
            raise


def _sentences(text: str) -> list[_Segment]:
    out = []
    for m in _SENTENCE.finditer(text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            out.append(_Segment(m.start() + lead, m.start() + lead + len(body), body))
    return out


def _clauses(sentence: _Segment) -> list[_Segment]:
    parts, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence.text):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(sentence.text)))
    out = []
    for s, e in parts:
        chunk = sentence.text[s:e]
        if len(_TOKEN.findall(chunk.lower())) >= 3 and (s, e) != (0, len(sentence.text)):
            out.append(_Segment(sentence.start + s, sentence.start + e, chunk))
    return out


def _owner(span: Span, sentences: list[_Segment]) -> int:
    for i, seg in enumerate(sentences):
        if seg.start <= span[0] < seg.end:
            return i
    return -1


def _negated(sentence: str, start: int) -> bool:
    words = _TOKEN.findall(sentence[:start].lower())[-4:]
    negations = lexicon().negations
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if (word in negations or word.endswith("n't")) and nxt not in _PSEUDO_NEG_NEXT:
            return True
    return False


def _skipped(sentence: str, matched: str | None) -> bool:
    """Whether a sentence is about someone else, fiction, news or a past that is over.

    A pattern hit in the user's own voice ("...I want to kill myself") survives talk of others.
    """
    lex = lexicon()
    if any(p.search(sentence) for p in lex.resolved_past) and not lex.recurrence.search(sentence):
        return True
    if any(p.search(sentence) for p in lex.about_others):
        return matched is None or not _FIRST_PERSON.search(matched)
    return False


def _in_idiom(sentence: str, start: int, end: int) -> bool:
    return any(
        m.start() <= start < m.end() or start <= m.start() < end for p in lexicon().idioms for m in p.finditer(sentence)
    )


def _pattern_hit(pattern: Pattern, seg: _Segment, negated: set[int], index: int) -> SafetyFlag | None:
    for m in pattern.regex.finditer(seg.text):
        if pattern.negatable and _negated(seg.text, m.start()):
            negated.add(index)  # a denied risk: do not let similarity re-raise it
            continue
        if _in_idiom(seg.text, m.start(), m.end()) or _skipped(seg.text, m.group()):
            continue
        return SafetyFlag(pattern.type, (seg.start + m.start(), seg.start + m.end()), PATTERN_SCORE)
    return None


def _pattern_flags(sentences: list[_Segment], negated: set[int]) -> list[SafetyFlag]:
    flags: dict[tuple[str, int], SafetyFlag] = {}
    for i, seg in enumerate(sentences):
        for pattern in lexicon().patterns:
            if (pattern.type, i) in flags:
                continue
            hit = _pattern_hit(pattern, seg, negated, i)
            if hit:
                flags[(pattern.type, i)] = hit
    return list(flags.values())


def _one_abuse_side(flags: list[SafetyFlag], sentences: list[_Segment]) -> list[SafetyFlag]:
    """Victim and perpetrator wording look alike to MiniLM; keep one side per sentence.

    A pattern hit beats a similarity hit; between two similarity hits the closer one wins.
    """
    best: dict[int, SafetyFlag] = {}
    for f in flags:
        if f.type in ABUSE_TYPES:
            i = _owner(f.span, sentences)
            rank = (f.via == "pattern", f.score)
            if i not in best or rank > (best[i].via == "pattern", best[i].score):
                best[i] = f
    keep = set(map(id, best.values()))
    return [f for f in flags if f.type not in ABUSE_TYPES or id(f) in keep]


@lru_cache(maxsize=1)
def _prototype_matrix() -> tuple[np.ndarray, tuple[str, ...]]:
    from amends.coach.embed import embed

    labels: list[str] = []
    texts: list[str] = []
    for kind, sentences in prototypes().items():
        labels += [kind] * len(sentences)
        texts += list(sentences)
    return embed(texts), tuple(labels)


def _similarity_flags(sentences: list[_Segment], taken: set[tuple[str, int]], negated: set[int]) -> list[SafetyFlag]:
    segments: list[tuple[int, _Segment]] = []
    for i, seg in enumerate(sentences):
        if i in negated or _skipped(seg.text, None):
            continue
        segments += [(i, s) for s in [seg, *_clauses(seg)] if _scorable(s.text)]
    if not segments:
        return []
    from amends.coach.embed import embed_cached

    matrix, labels = _prototype_matrix()
    # Cached per clause: while a user types, only the clause that changed is embedded again.
    sims = embed_cached([s.text for _, s in segments]) @ matrix.T
    best: dict[tuple[str, int], SafetyFlag] = {}
    for (i, seg), row in zip(segments, sims, strict=True):
        for kind, score in _scores(row, labels).items():
            kind = _abuse_side(kind, seg.text)
            if not _similarity_allowed(kind, seg.text, score):
                continue
            key = (kind, i)
            if key not in taken and (key not in best or best[key].score < score):
                best[key] = SafetyFlag(kind, (seg.start, seg.end), float(score), via="similarity")
    return list(best.values())


def _abuse_side(kind: str, text: str) -> str:
    """Re-side a similarity abuse flag by who acts on whom in the segment.

    "every time I try to leave he stands in front of the door" is the victim's side even if it
    sits nearer a perpetration prototype; "I dragged her out of the car" is the perpetrator's.
    """
    if kind not in ABUSE_TYPES:
        return kind
    other_acts = bool(_OTHER_ACTOR.search(text))
    on_other = bool(_OTHER_OBJECT.search(text))
    if other_acts and _WRITER.search(text) and not on_other:
        return "abuse_victim"
    if not other_acts and on_other and _WRITER_SUBJECT.search(text) and not _WRITER_OBJECT.search(text):
        return "abuse_perpetration"
    return kind


def _scorable(text: str) -> bool:
    if len(_TOKEN.findall(text.lower())) < 3:
        return False
    return not any(p.search(text) for p in lexicon().idioms) and not _skipped(text, None)


def _similarity_allowed(kind: str, text: str, score: float) -> bool:
    """Structural checks a similarity flag must pass on top of the cosine tests.

    * self-risk and victim flags need the writer to be the one at risk: a segment in a repair
      frame ("I'm sorry for the pain I caused", "I know how scared you were", "I made you feel
      like a burden") or about "you" with no "I" in it is the partner's feelings or regret,
      unless a first-person risk cue survives ("sorry, I'm such a burden");
    * abuse flags need violence, threat, fear or control content (see ``similarity_cues``)
      or, without it, a cosine of at least ``NO_CUE_THRESHOLD``.
    """
    lex = lexicon()
    cue = dict(lex.similarity_cues).get(kind)
    if cue is not None and not cue.search(text) and score < NO_CUE_THRESHOLD:
        return False
    if kind == "abuse_perpetration":
        return True  # perpetration is about "you" by nature: "I'm sorry I pushed you"
    if lex.self_risk_cue is not None and lex.self_risk_cue.search(text):
        return True
    if kind == "self_harm" and _SECOND_PERSON.search(text):
        return False  # "I smashed your laptop", "I don't deserve you": not harm to oneself
    if _SECOND_PERSON.search(text) and not _FIRST_PERSON.search(text):
        return False
    return not any(p.search(text) for p in lex.relational)


def _scores(row: np.ndarray, labels: tuple[str, ...]) -> dict[str, float]:
    by_kind: dict[str, float] = {}
    for label, sim in zip(labels, row, strict=True):
        by_kind[label] = max(by_kind.get(label, -1.0), float(sim))
    ceiling = by_kind.get("pass", -1.0) + MARGIN
    return {k: by_kind[k] for k in FLAG_TYPES if by_kind[k] >= THRESHOLDS[k] and by_kind[k] > ceiling}


def _immediate_danger(text: str, flags: list[SafetyFlag]) -> bool:
    if not any(f.type == "abuse_victim" for f in flags):
        return False
    return any(p.search(text) for p in lexicon().danger)


def _action(flags: list[SafetyFlag], danger: bool) -> str:
    if any(f.type in CRISIS_TYPES for f in flags) or danger:
        return "crisis"
    return "support" if flags else "none"
