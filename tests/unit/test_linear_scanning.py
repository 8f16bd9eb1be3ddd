"""The safety scan and the apology coach do work linear in the text's length, whatever its shape.

Work is counted, never timed: the characters each regex is handed (safety) and the characters
of clause text the rules search (apology). Doubling an adversarial input must about double the
work; the quadratic versions quadrupled it. Inputs are small so the tests stay fast; the
20,000-character timings are in ``bench/adversarial.py``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest

from amends.coach.apology import analyze_apology
from amends.coach.apology import doc as apology_doc
from amends.safety import features
from amends.safety.detector import _read_segment, scan_safety
from amends.safety.lexicon import Lexicon, lexicon
from amends.safety.segments import MAX_SEGMENT_CHARS, sentences

SHAPES = {
    "spaces": lambda n: "I am sorry" + " " * n,
    "repeat": lambda n: "sorry if you felt " * (n // 18),
    "punctuation": lambda n: "!?.,;:-" * (n // 7),
    "blank lines": lambda n: "I hurt you\n" * (n // 11),
    "one word": lambda n: "a" * n,
    "run-on words": lambda n: " ".join(f"word{i} and" for i in range(n // 10)),
}


class _Counting:
    """A compiled pattern that adds the length of every string it is handed to a shared tally."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self._pattern, self._tally = pattern, tally

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        self._tally[0] += len(text)
        return self._pattern.search(text, *args)

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        self._tally[0] += len(text)
        return self._pattern.finditer(text, *args)


def _counting_lexicon(tally: list[int]) -> Lexicon:
    lex = lexicon()

    def wrap(p: Any) -> Any:
        return _Counting(p, tally) if isinstance(p, re.Pattern) else p

    return dataclasses.replace(
        lex,
        patterns=tuple(dataclasses.replace(p, regex=wrap(p.regex)) for p in lex.patterns),
        danger=tuple(map(wrap, lex.danger)),
        idioms=tuple(map(wrap, lex.idioms)),
        about_others=tuple(map(wrap, lex.about_others)),
        resolved_past=tuple(map(wrap, lex.resolved_past)),
        recurrence=wrap(lex.recurrence),
        relational=tuple(map(wrap, lex.relational)),
        self_risk_cue=wrap(lex.self_risk_cue),
        similarity_cues=tuple((k, wrap(v)) for k, v in lex.similarity_cues),
        strong_cues=tuple((k, wrap(v)) for k, v in lex.strong_cues),
    )


def _safety_work(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    _read_segment.cache_clear()  # count the work, not what an earlier scan remembered
    features._gate_facts.cache_clear()
    tally = [0]
    counting = _counting_lexicon(tally)
    with monkeypatch.context() as m:
        m.setattr(features, "lexicon", lambda: counting)
        m.setattr("amends.safety.detector.lexicon", lambda: counting)
        scan_safety(text)
    return tally[0]


@pytest.mark.parametrize("shape", SHAPES)
def test_the_safety_regexes_read_each_character_a_bounded_number_of_times(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    small, large = (_safety_work(SHAPES[shape](n), monkeypatch) for n in (1500, 3000))
    assert large <= 2.3 * max(small, 1), (shape, small, large)


@pytest.mark.parametrize("shape", SHAPES)
def test_every_segment_is_short_and_the_segments_cover_the_text_about_once(shape: str) -> None:
    text = SHAPES[shape](6000)
    segs = sentences(text)
    assert all(len(s.text) <= MAX_SEGMENT_CHARS and text[s.start : s.end] == s.text for s in segs)
    assert sum(len(s.text) for s in segs) <= 1.5 * len(text)


def _apology_work(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    tally = [0]
    original = apology_doc.Doc.clause_before

    def counted(self: apology_doc.Doc, pos: int) -> str:
        out = original(self, pos)
        tally[0] += len(out)
        return out

    with monkeypatch.context() as m:
        m.setattr(apology_doc.Doc, "clause_before", counted)
        analyze_apology(text)
    return tally[0]


@pytest.mark.parametrize("shape", ["repeat", "spaces", "run-on words", "blank lines"])
def test_the_apology_rules_search_clause_text_linear_in_the_text(shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = (_apology_work(SHAPES[shape](n), monkeypatch) for n in (1500, 3000))
    assert large <= 2.3 * max(small, 1), (shape, small, large)


def test_the_clause_before_a_word_never_reaches_further_than_the_limit() -> None:
    doc = apology_doc.build_doc("sorry if you felt " * 100)
    assert len(doc.clause_before(len(doc.text) - 1)) <= apology_doc.CLAUSE_REACH
    assert doc.clause_before(18) == "sorry if you felt "


def test_sentence_and_quote_lookups_agree_with_a_plain_scan() -> None:
    text = 'I said "no way". Then I left. \'Sorry\' is easy. I was wrong, and "I know it" hurt.'
    doc = apology_doc.build_doc(text)
    for pos in range(len(text)):
        plain = next(((s, e) for s, e in doc.sentences if s <= pos < e), (0, len(text)))
        assert doc.sentence_of(pos) == plain
        for end in range(pos + 1, min(len(text), pos + 12)):
            assert doc.in_quote((pos, end)) == any(qs <= pos and end <= qe for qs, qe in doc.quoted)
