"""Gentle help for the hurt partner to say how they feel.

Gottman's "gentle start-up" phrases a complaint as "I feel … about … and I need …": a feeling,
the situation (not the person's character) and a positive need. This module checks a draft for
those three parts. The writer is the person who was hurt, so their pain is never read as blame:
"You made me feel worthless when you said that" names a feeling and a moment, and counts as one.
Where a sentence describes the partner's character (the reply coach's criticism and contempt rules),
the coach offers a gentler start-up as an option, in words written for the hurt partner; it never
tells them they are making the other defensive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from amends.coach.emotions import EmotionReport, read_emotions
from amends.coach.emotions.feelings import FEELINGS
from amends.coach.reply import analyze_reply
from amends.coach.results import Finding, Span
from amends.coach.text import check_text

SOURCE = 'Gottman, gentle start-up ("I feel … about … I need …")'
_I_FEEL = re.compile(
    r"\bI\s+(?:feel|felt|am feeling|was feeling|'m feeling|’m feeling)\b"
    r"|\b(?:made|makes|make|left|leaves|leave)\s+me\s+(?:feel|feeling)\b"
    r"|\b(?:it|that|this|what you said|what you did)\s+(?:really\s+)?(?:hurt|hurts|scared|scares|frightened)\b"
    r"|\bI\s+(?:was|am|'m|’m)\s+(?:so\s+|really\s+|very\s+)?(?:hurt|scared|afraid|angry|sad|lonely|humiliated)\b",
    re.I,
)
# "I was terrified", "I'm devastated", "I got so anxious": the writer, then within two words a feeling word that the
# emotions reader found with its cue lexicons (our own lists, ``amends.coach.emotions``).
_I_AM = re.compile(r"\bI(?:'m|’m| am| was| felt| feel| get| got| have been|'ve been|’ve been)\s+(?:\w+\s+){0,2}$", re.I)
# Feelings the emotions reader may name that are no hurt to put into words (``FeelingSpec.name``), and the same
# feelings as the report names them.
_NOT_A_COMPLAINT = frozenset({"love_care", "hope", "remorse"})
_NOT_A_COMPLAINT_SHOWN = frozenset(f.display.lower() for f in FEELINGS if f.name in _NOT_A_COMPLAINT)
_SITUATION_AFTER_FEELING = re.compile(r"\b(?:about|when|that|because|after)\b", re.I)
# A moment told first: "When you didn't come home until 3am, I was terrified".
_SITUATION_FIRST = re.compile(
    r"(?:^|(?<=[.!?\n])\s*)(?:when|after|since|every time|whenever|the night|the day)\b", re.I
)
# "I'd like" and "I'm asking" join the I with no space between.
_NEED = re.compile(r"\bI(?:\s+(?:need|needed|would like|want|wish|am asking)|['’]d like|['’]m asking)\b", re.I)
_CLAUSE_END = re.compile(r"[,.;!?\n]")
# Character attacks, from the reply coach. Its "blame" and "counterattack" rules are about a reply to a
# hurt partner ("you made me do it"); the hurt partner naming what the other did is not blame.
_ATTACK_RULES = {"criticism", "contempt"}
GENTLER = "gentler_start"
GENTLER_MESSAGE = (
    "What you feel is real and fair to say. This part describes who they are rather than what happened, "
    "and that can be harder for them to take in."
)
GENTLER_SUGGESTION = 'If you want, try the moment and your feeling instead: "When …, I felt …, and I need …".'
# "I feel like you don't care", "I felt that he lied": a thought about them, said with "feel". The gentle start-up
# asks for the feeling itself, so this is no feeling part unless a feeling word follows ("I feel like it was
# humiliating"); the coach says so, in words for the hurt partner.
_THOUGHT_FRAME = re.compile(
    r"\bI\s+(?:feel|felt|am feeling|'m feeling|’m feeling)\s+(?:like|that|as if|as though)\s+"
    r"(?=(?:you|you're|you’re|he|he's|she|she's|they|they're|nobody|no one)\b)",
    re.I,
)
_MOMENT = re.compile(r"\b(?:when|whenever|after|every time)\b", re.I)
THOUGHT = "thought_as_feeling"
THOUGHT_MESSAGE = (
    "This says what you think about them. A feeling word says what it has been like for you, and they can take "
    "that in more easily."
)
BLANKS = (
    "I feel [the feeling, in one or two words]",
    "… about [what happened, the event rather than who they are]",
    "… and I need [one thing they could do that would help]",
)


@dataclass(frozen=True)
class FeelingStatementReport:
    text: str
    feeling: tuple[Span, ...]
    situation: tuple[Span, ...]
    need: tuple[Span, ...]
    findings: tuple[Finding, ...]
    named_feelings: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return bool(self.feeling and self.situation and self.need) and not self.findings

    def outline(self) -> list[str]:
        """The three-part form: the writer's own words for each part they have, a blank for each they lack."""
        parts = (self.feeling, self.situation, self.need)
        lines = [self.text[p[0][0] : p[0][1]] if p else blank for p, blank in zip(parts, BLANKS, strict=True)]
        hurt_side = [name for name in self.named_feelings if name not in _NOT_A_COMPLAINT_SHOWN]
        if not self.feeling and hurt_side:
            lines[0] = f"I feel [the feeling, in one or two words: it reads like {' or '.join(hurt_side[:2])}]"
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "feeling_statement",
            "text": self.text,
            "parts": {
                "feeling": [[s, e] for s, e in self.feeling],
                "situation": [[s, e] for s, e in self.situation],
                "need": [[s, e] for s, e in self.need],
            },
            "findings": [f.to_dict() for f in self.findings],
            "named_feelings": list(self.named_feelings),
            "complete": self.complete,
            "outline": self.outline(),
            "source": SOURCE,
        }


def check_feeling_statement(text: str) -> FeelingStatementReport:
    """Check a draft of "how I feel" for feeling, situation and need, and for attacks. Each part's span is its
    clause, so the page highlights, and the outline keeps, the writer's own words."""
    check_text(text, what="message")
    emotions = read_emotions(text)
    thoughts = _thoughts(text, emotions)
    feeling_at = [at for at in _feeling_starts(text, emotions) if not any(a <= at < b for a, b in thoughts)]
    situation_at = sorted(
        {m.start() for m in _SITUATION_AFTER_FEELING.finditer(text) if feeling_at and m.start() > feeling_at[0]}
        | {m.start() + len(m.group()) - len(m.group().lstrip()) for m in _SITUATION_FIRST.finditer(text)}
        # "I feel like you don't care when you're on your phone": the moment, after the thought
        | {m.start() for a, b in thoughts for m in _MOMENT.finditer(text, a, b)}
    )
    need_at = [m.start() for m in _NEED.finditer(text)]
    firsts = [at[0] for at in (feeling_at, situation_at, need_at) if at]  # each part is its first clause
    feeling = tuple(_clause(text, _clause_start(text, at, firsts), at, firsts) for at in feeling_at[:1])
    situation = tuple(_clause(text, at, at, firsts) for at in situation_at[:1])
    need = tuple(_clause(text, at, at, firsts) for at in need_at[:1])
    named = tuple(f.display.lower() for f in emotions.feelings if f.score >= 0.3)
    findings = _thought_findings(thoughts, named) + _attacks(text)
    return FeelingStatementReport(text, feeling, situation, need, findings, named)


def _thoughts(text: str, emotions: EmotionReport) -> list[Span]:
    """Each "I feel like you..." clause in which no hurt-side feeling word was found."""
    cues = [span for f in emotions.feelings if f.name not in _NOT_A_COMPLAINT for span in f.spans]
    out = []
    for m in _THOUGHT_FRAME.finditer(text):
        stop = _CLAUSE_END.search(text, m.end())
        end = stop.start() if stop else len(text)
        if not any(m.end() <= s < end for s, _ in cues):
            out.append((m.start(), end))
    return out


def _thought_findings(thoughts: list[Span], named: tuple[str, ...]) -> tuple[Finding, ...]:
    hurt_side = [name for name in named if name not in _NOT_A_COMPLAINT_SHOWN] or ["hurt"]
    return tuple(
        Finding(
            THOUGHT,
            "low",
            span,
            THOUGHT_MESSAGE,
            f'If you want, name the feeling under it: "I feel {hurt_side[0]} when …".',
            SOURCE,
        )
        for span in thoughts
    )


def _feeling_starts(text: str, emotions: EmotionReport) -> list[int]:
    """Where the writer names a feeling: "I feel...", "you made me feel...", or "I was" before a cue word that the
    emotions reader already found (every feeling with a cue is in its report, with the cue's span)."""
    starts = {m.start() for m in _I_FEEL.finditer(text)}
    for found in emotions.feelings:
        if found.name in _NOT_A_COMPLAINT:
            continue
        for cue_start, _ in found.spans:
            frame = _I_AM.search(text, max(0, cue_start - 40), cue_start)
            if frame:
                starts.add(frame.start())
    return sorted(starts)


def _clause_start(text: str, at: int, starts: list[int]) -> int:
    """Back from ``at`` to the start of its clause ("You made me feel…" from "made me feel"), unless another part
    holds the words before it ("When you laughed at me I got so anxious")."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, at)]
    begin = ends[-1] if ends else 0
    if any(begin <= s < at for s in starts):
        return at
    return begin + len(text[begin:at]) - len(text[begin:at].lstrip())


def _clause(text: str, at: int, part: int, starts: list[int]) -> Span:
    """From ``at`` to the end of its clause or the start of another part (``part`` is where this one was found),
    trailing spaces left out."""
    stop = _CLAUSE_END.search(text, at)
    end = min([stop.start() if stop else len(text), *(s for s in starts if s > part)])
    return (at, at + len(text[at:end].rstrip()))


def _attacks(text: str) -> tuple[Finding, ...]:
    report = analyze_reply(None, text)
    return tuple(
        Finding(GENTLER, "low", f.span, GENTLER_MESSAGE, GENTLER_SUGGESTION, SOURCE)
        for f in report.findings
        if f.rule in _ATTACK_RULES
    )
