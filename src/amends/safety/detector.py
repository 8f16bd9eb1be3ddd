"""Crisis-language detector: finds words that suggest suicide risk, self-harm or partner abuse.

A text is cut into sentences, and long run-on sentences into word windows
(``amends.safety.segments``, linear time). Each segment is read twice:

* by hand-written patterns (``data/patterns.yaml``) with negation, idiom and context checks
  (``amends.safety.features``), so "I would never hurt myself" passes;
* by MiniLM: the segment's embedding and its similarity to the prototype sentences
  (``data/prototypes.yaml``), so paraphrases with no keyword ("everyone would be better off
  without me") are caught.

A small learned head (``amends.safety.learned``, trained by ``make train`` on our own example
sentences and the dev half of labelled real posts) weighs both, per type, and a segment flags a
type when the head's score reaches that type's threshold. A text flags when any of its segments
does: real posts are long, and one sentence can carry the risk.

Action policy (documented for the web layer and routing):

* ``crisis``  - any ``suicide_risk`` or ``self_harm`` flag, or ``abuse_victim`` with signs of
  immediate danger (a threat to kill, a weapon, "not safe", "right now", strangling...);
* ``support`` - any other abuse flag (victim without immediate danger, or perpetration);
* ``none``    - nothing found.

Text that does not look like English is still scanned (a miss costs more than noise), and the
report says ``english: false`` so the caller can show the region's crisis line with a plain note
that amends reads English only: it never passes such a text in silence.

This is a screening aid, not an assessment; a clinician should sign the policy off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from amends.coach.embed import CACHE_SIZE, FLOAT, embed_cached
from amends.coach.results import Span
from amends.coach.text import TextRejected, check_text
from amends.safety.bodies import misread_bodies
from amends.safety.features import (
    PATTERN_SCORE,
    PatternHits,
    model_gate,
    others_at_risk,
    others_suicide_words,
    pattern_hits,
    segment_extras,
    skipped,
    told_as_over,
)
from amends.safety.learned import features, learned
from amends.safety.lexicon import FLAG_TYPES, THIRD_PARTY, WarningSigns, lexicon
from amends.safety.segments import Segment, holding, sentence_says, sentences, word_count

CRISIS_TYPES = frozenset({"suicide_risk", "self_harm"})
ABUSE_TYPES = frozenset({"abuse_victim", "abuse_perpetration"})
# The writer in a pattern's own words ("i just wasnt here"): such a flag never gives way to someone else's risk.
_FIRST_PERSON = re.compile(r"\b(i|i'?m|im|me|my|myself|mine)\b", re.IGNORECASE)
# A segment needs this many words for the head to read it; shorter ones flag by pattern only.
MIN_WORDS = 2


@dataclass(frozen=True)
class SafetyFlag:
    """One stretch of text that suggests a risk, with how confident the detector is."""

    type: str
    span: Span
    score: float
    via: str = "pattern"  # "pattern" (a pattern matched here and the head agreed) | "model"

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
    # False when the text does not look like English: the detector may have missed something,
    # so the caller shows the region's crisis line and says amends reads English only.
    english: bool = True
    # With a ``third_party`` flag, what puts them at risk: "suicide" (suicide or self-harm) and/or "abuse" (a partner
    # of theirs), so the writer is offered the lines that help with that.
    someone_else: tuple[str, ...] = ()

    @property
    def types(self) -> frozenset[str]:
        return frozenset(f.type for f in self.flags)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "flags": [f.to_dict() for f in self.flags],
            "action": self.action,
            "english": self.english,
            "someone_else": list(self.someone_else),
        }


def scan_safety(text: str) -> SafetyReport:
    """Scan ``text`` for crisis language. Raises :class:`TextRejected` for non-text or empty input.

    Example: ``scan_safety("everyone would be better off without me").action == "crisis"``.
    """
    english = _check(text)
    folded = text.replace("\u2019", "'").replace("\u2018", "'")
    segs = sentences(folded)
    flags, someone_else = _someone_elses_risk(_flags(segs), segs)
    flags.sort(key=lambda f: (f.span, f.type))
    danger = _immediate_danger(segs, flags)
    return SafetyReport(
        text=text,
        flags=tuple(flags),
        action=_action(flags, danger),
        immediate_danger=danger,
        english=english,
        someone_else=someone_else,
    )


def _check(text: object) -> bool:
    """Whether the text looks like English; raises for text that cannot be read at all."""
    try:
        check_text(text)
    except TextRejected as exc:
        if exc.code != "not_english":
            raise
        return False
    return True


@lru_cache(maxsize=CACHE_SIZE)
def _read_segment(text: str) -> tuple[PatternHits, np.ndarray]:
    """Pattern hits and cues of one segment, remembered: while a person types, the coach scans the
    same sentences again and again, and only the one that changed is new."""
    hits = pattern_hits(text)
    extras = segment_extras(text, hits)
    extras.setflags(write=False)
    return hits, extras


def segment_scores(segs: list[Segment]) -> tuple[np.ndarray, np.ndarray, list[PatternHits]]:
    """The segment head's (n, 4) scores, the (n, cues) extras and the pattern hits of each segment.

    Work is done once per distinct segment text, so a text that repeats one sentence a thousand
    times costs about what the sentence costs. A pattern match scores at least :data:`PATTERN_SCORE`;
    a segment under :data:`MIN_WORDS` words ("kms", "suicidal.") is too short for the head at all.
    """
    texts = [s.text for s in segs]
    distinct = list(dict.fromkeys(texts))
    read = {t: _read_segment(t) for t in distinct}
    hits = dict(zip(distinct, others_suicide_words(distinct, [read[t][0] for t in distinct]), strict=True))
    extras = {t: r[1] for t, r in read.items()}
    probs = {t: np.array([PATTERN_SCORE * (k in hits[t].spans) for k in FLAG_TYPES], np.float32) for t in distinct}
    readable = [t for t in distinct if word_count(t) >= MIN_WORDS]
    if readable:
        model = learned()
        vectors = embed_cached(readable, model=FLOAT)
        x = features(vectors, model.prototype_sims(vectors), np.stack([extras[t] for t in readable]))
        gated = model_gate(model.head.probs(x), readable, [hits[t] for t in readable])
        probs.update(zip(readable, gated, strict=True))
    return (
        np.stack([probs[t] for t in texts]),
        np.stack([extras[t] for t in texts]),
        [hits[t] for t in texts],
    )


def _flags(segs: list[Segment]) -> list[SafetyFlag]:
    """One flag per type that some segment raises, on the segment that scored highest for it."""
    if not segs:
        return []
    scores, _, hits = segment_scores(segs)
    thresholds = learned().head.thresholds
    found: list[SafetyFlag] = []
    for k, kind in enumerate(FLAG_TYPES):
        i = int(np.argmax(scores[:, k]))
        if scores[i, k] < thresholds[k]:
            continue
        seg, span = segs[i], hits[i].spans.get(kind)
        where = (seg.start + span[0], seg.start + span[1]) if span else (seg.start, seg.end)
        found.append(SafetyFlag(kind, where, float(scores[i, k]), via="pattern" if span else "model"))
    flagged = {f.type for f in found}
    for signs in lexicon().warning_signs:
        across = None if signs.type in flagged else _warning_signs(segs, signs)
        if across is not None:
            found.append(SafetyFlag(signs.type, across, PATTERN_SCORE, via="pattern"))
    return _give_way(_one_abuse_side(found, scores.max(axis=0), thresholds), segs)


# Beside a victim's flag, the head's doubtful suicide readings are a victim's fear, exhaustion and aftermath. On the
# real DV and relationship-context tuning splits (stop 63), of 46 head-only suicide flags under 0.5 in texts that also
# flag as abuse victim, 45 were wrong; all 35 under 0.4 were, and the one right one scored 0.433 ("locked in the
# bedroom thinking about the pills in my bag").
VICTIM_SUICIDE_SCORE = 0.4


def _give_way(found: list[SafetyFlag], segs: list[Segment]) -> list[SafetyFlag]:
    """Drop flags that misread another flag's sentence (head-only ones, and one kind of pattern match).

    * A self-harm flag whose sentence holds a perpetration pattern: "I grabbed her arm so hard it left marks" is a
      blow the writer dealt, and the marks are hers. A victim's blow and a self-harm act often share a sentence and
      are both true ("when he screams at me I go upstairs and cut"), so that pair never gives way.
    * A suicide flag on a sentence where someone else threatens to kill the writer ("he said he would kill me if I
      left"), when the text also flags as abuse victim: the threat is the victim's danger, already a crisis.
    * A harm read on the wrong body (:func:`amends.safety.bodies.misread_bodies`): "I punched the wall until my knuckles
      split" is no blow dealt, "he dug his nails into my arm till it bled" no self-harm.
    * A self-harm flag, when the text also flags as abuse victim, on a sentence that names no act of the writer's on
      their own body (``self_injury_cue``): "My face was bruised and my nose was bleeding" tells what a partner did.
    * A suicide flag, when the text also flags as abuse victim, on a sentence that plans leaving for safety
      (``leaving_plan_cue``) and names no risk to the writer's own life (``self_risk_cue``): "I'm leaving him".
    * A suicide *pattern* flag, when the text also flags as abuse victim, whose match lies inside someone else's threat
      to the writer (:func:`_inside_threat`): "He put a gun to my head during the argument".
    * A head-only suicide flag under :data:`VICTIM_SUICIDE_SCORE`, when the text also flags as abuse victim, on a
      sentence that names no risk to the writer's own life (``self_risk_cue``): "I'm afraid to trust my own judgement
      anymore", "he keeps a gun in the nightstand and reminds me it's there".
    """
    dealt = [f.span for f in found if f.via == "pattern" and f.type == "abuse_perpetration"]
    drop = [f for f in found if f.via == "model" and f.type == "self_harm" and any(_within(d, f.span) for d in dealt)]
    drop += misread_bodies(found, segs)
    if any(f.type == "abuse_victim" for f in found):
        lex = lexicon()
        drop += [f for f in found if f.type == "suicide_risk" and f.via == "pattern" and _inside_threat(f.span, segs)]
        drop += [
            f
            for f in found
            if f.via == "model"
            and (
                (
                    f.type == "suicide_risk"
                    and (
                        sentence_says(f.span, segs, lex.threat_to_writer)
                        or (
                            sentence_says(f.span, segs, lex.leaving_plan_cue)
                            and not sentence_says(f.span, segs, lex.self_risk_cue)
                        )
                    )
                )
                or (f.type == "self_harm" and not sentence_says(f.span, segs, lex.self_injury_cue))
                or (
                    f.type == "suicide_risk"
                    and f.score < VICTIM_SUICIDE_SCORE
                    and not sentence_says(f.span, segs, lex.self_risk_cue)
                )
            )
        ]
    return [f for f in found if f not in drop]


def _someone_elses_risk(found: list[SafetyFlag], segs: list[Segment]) -> tuple[list[SafetyFlag], tuple[str, ...]]:
    """``found`` with a :data:`THIRD_PARTY` flag where someone else is at risk, and what puts them at risk.

    * "suicide": someone says they will end their life, has tried, has the means ready or is hurting themselves
      (``someone_at_risk``: "my wife said she would kill herself if I left"). The writer's own suicide or self-harm
      flag on such a sentence gives way, unless the sentence also tells of the writer's risk (``writer_at_risk``:
      "...and I want to die too") or the flag's own words are the writer's ("I", "me", "my").
    * "abuse": a relative's or friend's partner hurts or controls them (``someone_abused``: "my sister's husband has
      been hitting her").
    * The writer's own suicide or self-harm pattern matching words said of someone else (:func:`_said_of_someone_else`:
      "he said hes just waiting to die") also raises the flag, beside the writer's, which stays.
    * An echo of someone else's suicide risk ("...and honestly so do i", ``writer_echo``) is the writer's own risk.

    LABELLING.md section 3: the writer is offered help for the person they are worried about, never their own crisis
    page."""
    read = {s.text: others_at_risk(s.text) for s in segs}
    said_of_them = _said_of_someone_else(found, segs)
    suicide = bool(said_of_them) or any(r.at_risk for r in read.values())
    abuse = any(r.abused for r in read.values())
    kinds = tuple(kind for kind, told in (("suicide", suicide), ("abuse", abuse)) if told)
    past = {t: r.past_attempt for t, r in read.items()}
    if not kinds:  # an attempt long past raises no flag, but the writer's flag on its words still gives way
        gone = _giving_way(found, segs, past)
        return [f for f in found if f not in gone], ()
    told = [(s.start + a, s.start + b) for s in segs for a, b in read[s.text].at_risk + read[s.text].abused]
    matches = told + said_of_them
    either = {t: r.at_risk + r.past_attempt for t, r in read.items()}
    theirs = _giving_way(found, segs, either)
    flag = SafetyFlag(THIRD_PARTY, min(matches), PATTERN_SCORE, via="pattern")
    kept = [f for f in found if f not in theirs]
    return kept + [flag] + (_writers_echo(kept, segs) if suicide else []), kinds


def _writers_echo(found: list[SafetyFlag], segs: list[Segment]) -> list[SafetyFlag]:
    """The writer's own risk said as an echo of someone else's ("she said she wants to die and honestly so do i"):
    ``writer_echo`` means nothing alone, so it flags only beside someone else's suicide risk, and only where the
    writer has no suicide or self-harm flag yet."""
    if any(f.type in CRISIS_TYPES for f in found):
        return []
    echo = lexicon().writer_echo
    first = next(((s, m) for s in segs for m in echo.finditer(s.text)), None)
    if first is None:
        return []
    s, m = first
    return [SafetyFlag("suicide_risk", (s.start + m.start(), s.start + m.end()), PATTERN_SCORE, via="pattern")]


def _said_of_someone_else(found: list[SafetyFlag], segs: list[Segment]) -> list[Span]:
    """The writer's suicide and self-harm *pattern* matches that seem said of someone else: the nearest person named
    before the match is a third person in a subject's place ("he said hes just waiting to die", "shes been googling how
    many pills"), in the same clause, within a few words, with no "I", "me" or "we" in the rest of the clause ("he
    makes me want to die") and no one who would be better off (the writer's burden). They add the third_party help
    but never take the writer's flag away: twice, on held-out sets, a text that told of both people's risk in words
    no rule reads as the writer's would have lost its writer flag (data card, stop 61)."""
    out = []
    for flag in found:
        if flag.via != "pattern" or flag.type not in CRISIS_TYPES:
            continue
        sentence = next(holding(flag.span, segs), None)
        if sentence is not None and _theirs_by_grammar(
            sentence.text, flag.span[0] - sentence.start, flag.span[1] - sentence.start
        ):
            out.append(flag.span)
    return out


def _theirs_by_grammar(text: str, start: int, end: int) -> bool:
    lex = lexicon()
    before = text[:start]
    last = next(reversed(list(lex.third_person.finditer(before))), None)
    if last is None or lex.writer_at_risk.search(text) or lex.their_loss.search(text):
        return False
    between = before[last.end() :]
    clause = between + text[start:end] + _NEXT_CLAUSE.split(text[end:], maxsplit=1)[0]
    if _WRITER_OR_US.search(clause) or _BENEFIT.search(clause):
        return False
    if _CLAUSE_TURN.search(between) or len(between.split()) > _NEAR_WORDS:
        return False
    head = before[: last.start()].rstrip()
    # Only the few characters before the third person are read, so a long sentence costs no more than a short one.
    return not head or bool(_SUBJECT_SLOT.search(head[-_SLOT_CHARS:]))


# How far before a match its third person may be named, and what ends their clause ("after what he did, nothing is worth
# living for" is the writer's).
_NEAR_WORDS = 10
_CLAUSE_TURN = re.compile(r"[,;:\u2014\u2013]| - ")
# The third person must be the one who speaks or acts: first in the sentence, or after a word that opens a clause or
# reports speech ("he said hes just waiting to die"), not an object ("gave my guitar to my brother").
_SUBJECT_SLOT = re.compile(
    r"(?:[\"'(]|\b(?:that|and|but|because|cos|coz|when|while|if|said|says|saying|told me|tells me|texted me|texted|"
    r"messaged me|wrote|think|thinks|guess|since|so|now|then|after|like|how|why|whether|as|worried|scared|afraid))\W*$",
    re.IGNORECASE,
)
_SLOT_CHARS = 24
# "we both want to die" is the writer's too; so is any first person in the rest of the clause ("she'd be better off with
# the insurance than with me"), which ends at a comma or a new "and"/"but" ("he bought a rope and I found it").
_NEXT_CLAUSE = re.compile(r"[,;:\u2014\u2013]|\b(?:and|but|so)\b", re.IGNORECASE)
_WRITER_OR_US = re.compile(
    r"\b(i|i'?m|im|i'?ve|ive|i'?d|me|my|myself|mine|we|we'?re|we'?ve|us|our|ourselves)\b", re.IGNORECASE
)
# Someone who would be better off or provided for is who the writer would leave behind, not who is at risk.
_BENEFIT = re.compile(r"\b(better off|better provided|provided for|insurance|burden)\b", re.IGNORECASE)


def _giving_way(found: list[SafetyFlag], segs: list[Segment], told: dict[str, tuple[Span, ...]]) -> list[SafetyFlag]:
    """The writer's suicide and self-harm flags that give way to someone else's risk told in their sentence: none in a
    text that tells of the writer's own risk anywhere (``writer_at_risk``, ``writer_echo``: "she says she wants to die.
    honestly so do i"), which is read once per text."""
    crisis = [f for f in found if f.type in CRISIS_TYPES]
    lex = lexicon()
    if not crisis or any(lex.writer_at_risk.search(s.text) or lex.writer_echo.search(s.text) for s in segs):
        return []
    return [f for f in crisis if _told_of_someone_else(f, segs, told)]


def _told_of_someone_else(flag: SafetyFlag, segs: list[Segment], told: dict[str, tuple[Span, ...]]) -> bool:
    """Is ``flag`` on a sentence that tells of someone else's risk, with nothing of the writer's own in it?"""
    sentences_of_flag = list(holding(flag.span, segs))
    if not sentences_of_flag or any(not told[s.text] for s in sentences_of_flag):
        return False
    first = sentences_of_flag[0]
    words = first.text[flag.span[0] - first.start : flag.span[1] - first.start]
    return flag.via == "model" or not _FIRST_PERSON.search(words)


def _inside_threat(span: Span, segs: list[Segment]) -> bool:
    """Does a threat to the writer (``threat_to_writer``) hold ``span`` whole? "He put a gun to my head" matches the
    suicide pattern of a gun held to one's own head, but the hand is his: the victim's danger, already a crisis."""
    threat = lexicon().threat_to_writer
    return any(
        _within(span, (s.start + m.start(), s.start + m.end()))
        for s in holding(span, segs)
        for m in threat.finditer(s.text)
    )


def _warning_signs(segs: list[Segment], signs: WarningSigns) -> Span | None:
    """A first sign and a second one in different sentences ("gave my guitar to my brother. won't be needing
    it"; "I didn't want you to see my thighs. it's healing"), or, when ``first_twice``, two first signs ("the vet
    papers are on the fridge. Look after the girls for me"): no sentence names a risk, the text does. The
    span runs from one sign to the one that completes it."""
    distinct = dict.fromkeys(s.text for s in segs)  # a text that repeats a sentence reads it once
    first = [t for t in distinct if any(p.search(t) for p in signs.first)]
    if not first:
        return None  # most texts: no sign at all, so the second signs need no search
    closing = {t for t in distinct if any(p.search(t) for p in signs.second)}
    opening = {t for t in first if not skipped(t, None) or _over_but_back(t, closing)}
    if not opening:
        return None  # skipped: a film, a friend, a past now over
    opened = [i for i, s in enumerate(segs) if s.text in opening]
    completing = [i for i, s in enumerate(segs) if s.text in closing] + (opened if signs.first_twice else [])
    for i in opened:
        for j in completing:
            if segs[j].end <= segs[i].start or segs[i].end <= segs[j].start:  # another sentence
                return (min(segs[i].start, segs[j].start), max(segs[i].end, segs[j].end))
    return None


def _over_but_back(text: str, closing: set[str]) -> bool:
    """A sign told as a past now over ("Two years ago I swallowed what was in the medicine cabinet") whose text says,
    in another sentence, with a completing sign (``closing``), that it is back ("Lately that same quiet feeling is
    back"): the past is not over (dev7)."""
    lex = lexicon()
    if not told_as_over(text) or any(p.search(text) for p in lex.about_others):
        return False
    return any(other != text and lex.recurrence.search(other) for other in closing)


def _one_abuse_side(found: list[SafetyFlag], row: np.ndarray, thresholds: np.ndarray) -> list[SafetyFlag]:
    """Victim and perpetrator wording look alike; when both flag the same words, or one flag's words lie
    inside the other's sentence, keep one side: a pattern match wins ("I told her I'd kill her" is a threat
    the writer made, whatever the head guessed for the sentence), else the one further above its threshold."""
    abuse = [f for f in found if f.type in ABUSE_TYPES]
    if len(abuse) < 2 or not (_within(abuse[0].span, abuse[1].span) or _within(abuse[1].span, abuse[0].span)):
        return found

    def rank(f: SafetyFlag) -> tuple[bool, float]:
        k = FLAG_TYPES.index(f.type)
        return (f.via == "pattern", float(row[k] - thresholds[k]))

    keep = max(abuse, key=rank)
    return [f for f in found if f.type not in ABUSE_TYPES or f is keep]


def _within(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _immediate_danger(segs: list[Segment], flags: list[SafetyFlag]) -> bool:
    if not any(f.type == "abuse_victim" for f in flags):
        return False
    return any(p.search(t) for t in {s.text for s in segs} for p in lexicon().danger)


def _action(flags: list[SafetyFlag], danger: bool) -> str:
    if any(f.type in CRISIS_TYPES for f in flags) or danger:
        return "crisis"
    return "support" if flags else "none"
