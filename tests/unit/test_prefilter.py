"""The prefilter skips a pattern only where it cannot match (amends.coach.prefilter)."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from eval.paths import EXAMPLES

from amends.coach import matching, prefilter
from amends.coach.emotions.lexicon import load_lexicon
from amends.coach.prefilter import ASCII_TWINS, can_match, needs_of, possible
from amends.coach.reply import cues
from tests.unit.test_lexicons import LEXICONS

REPLY = "amends.coach.reply"


def _every_coach_pattern() -> list[re.Pattern[str]]:
    """Every reply lexicon line, every cue list of the reply coach, every commitment lexicon (as one
    alternation) and every emotion cue: all that is searched through the prefilter."""
    found: list[re.Pattern[str]] = []
    for package, name in LEXICONS:
        # the apology coach reads its lexicons as phrase tries, and a rewrite lexicon is applied, not searched
        if package != "amends.coach.apology" and not name.endswith("_rewrites"):
            found += matching.patterns(package, name) if package == REPLY else matching.one_of(package, name)
    for value in vars(cues).values():
        if isinstance(value, tuple) and value and all(isinstance(p, re.Pattern) for p in value):
            found += value
    for entry in resources.files("amends.coach.emotions").joinpath("cues").iterdir():
        if entry.name.endswith(".txt"):
            found += [cue.pattern for cue in load_lexicon(entry.name.removesuffix(".txt"))]
    return list(dict.fromkeys(found))


def _real_texts() -> list[str]:
    texts = []
    for name in ("replies_real.jsonl", "apologies_real.jsonl", "repair_notes.jsonl"):
        with open(EXAMPLES / name, encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                texts += [row["text"], row.get("partner") or ""]
    return [t for t in dict.fromkeys(texts) if t]


def test_the_twins_are_every_non_ascii_character_a_regex_matches_to_an_ascii_letter() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    twins = {chr(cp) for cp in range(0x80, 0x110000) if letter.fullmatch(chr(cp))}
    assert twins == set(ASCII_TWINS)
    for twin, plain in ASCII_TWINS.items():
        assert re.fullmatch(plain, twin, re.IGNORECASE)


def test_needs_are_read_from_the_pattern() -> None:
    assert needs_of(re.compile(r"\bi had no (?:other )?choice\b")) == frozenset(["i had no "])
    assert needs_of(re.compile(r"\b(?:stay|be) (?:strong|positive)\b")) == frozenset(["strong", "positive"])
    assert needs_of(re.compile(r"\bgrieve|grieving\b")) == frozenset(["grieve", "grieving"])
    # a branch with no plain letters needs nothing, and neither does a pattern that may match nothing
    assert needs_of(re.compile(r"<3|♥|💕")) is None
    assert needs_of(re.compile(r"(?:very )*")) is None


def test_a_pattern_is_skipped_only_when_its_words_are_missing() -> None:
    choice = re.compile(r"\bi had no (?:other )?choice\b", re.IGNORECASE)
    assert possible([choice], "I had NO choice, ok?") == [choice]
    assert possible([choice], "You had a choice.") == []
    # a capital dotted I is matched as "i" by the regex, so the words are found there too
    dotted = "\u0130 had no choice"
    assert choice.search(dotted) and can_match(choice, dotted)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    real = _real_texts()
    # the same texts typed with each character a regex matches to an ASCII letter
    twins = [t.replace("i", "\u0131").replace("s", "\u017f").replace("k", "\u212a") for t in real[:300]]
    return real + twins + [t.upper().replace("I", "\u0130") for t in real[:300]]


def test_no_pattern_of_the_coach_is_skipped_where_it_matches(texts: list[str]) -> None:
    patterns = _every_coach_pattern()
    assert len(patterns) > 500
    missed = [(p.pattern, text) for p in patterns for text in texts if p.search(text) and not can_match(p, text)]
    assert missed == []
    skipped = sum(1 for p in patterns for text in texts[:200] if not can_match(p, text))
    assert skipped > 0.5 * len(patterns) * 200  # the prefilter earns its keep on real text


def test_a_pattern_list_keeps_the_patterns_that_can_match_in_order(texts: list[str]) -> None:
    patterns = tuple(_every_coach_pattern())
    for text in texts[:400]:
        expected = [p for p in patterns if can_match(p, text)]
        assert possible(patterns, text) == expected  # the tuple, read once per list
        assert possible(list(patterns), text) == expected  # any other iterable, read each time


def test_pattern_lists_built_anew_on_each_call_are_not_kept_without_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter, "_PLANS", {})  # the coach's own lists stay cached for the other tests
    choice = re.compile(r"\bi had no (?:other )?choice\b", re.IGNORECASE)
    for _ in range(prefilter.MAX_PLANS + 50):
        assert possible(tuple([choice]), "I had no choice.") == [choice]  # a new tuple each time
    assert len(prefilter._PLANS) <= prefilter.MAX_PLANS
