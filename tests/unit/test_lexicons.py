"""Every coach rule keeps its patterns in lexicon files headed by their provenance, and every file compiles."""

from __future__ import annotations

import inspect
import re
from importlib import resources
from types import ModuleType

import pytest

from amends.coach import matching
from amends.coach.reply.rules import RULES as REPLY_RULES
from amends.ledger.rules import RULES as COMMITMENT_RULES

PACKAGES = ("amends.coach.apology", "amends.coach.reply", "amends.ledger")
LEXICONS = [
    (package, path.name.removesuffix(".txt"))
    for package in PACKAGES
    for path in sorted(resources.files(package).joinpath("lexicons").iterdir(), key=lambda p: p.name)
    if path.name.endswith(".txt")
]
IDS = [f"{package}:{name}" for package, name in LEXICONS]
# What a header may name as the ground it rests on: a dated work, or a framework by its author.
FRAMEWORK = re.compile(r"\b(?:19|20)\d\d\b|Gottman|Schumann|Lewicki|Worthington|Johnson|EPITOME|Rempel|Gollwitzer")
# Word lists that are looked up as words, not compiled as patterns.
WORD_LISTS = {
    ("amends.coach.apology", "irregular"),
    ("amends.coach.apology", "stopwords"),
    ("amends.coach.apology", "act_families"),
}


def _compile(package: str, name: str) -> object:
    if package == "amends.coach.apology":
        return matching.phrases(package, name)
    if name.endswith("_rewrites"):
        return matching.rewrites(package, name)
    return matching.patterns(package, name) + matching.one_of(package, name)


def test_every_coach_has_its_lexicons() -> None:
    assert {package for package, _ in LEXICONS} == set(PACKAGES)
    assert len(LEXICONS) >= 40


@pytest.mark.parametrize(("package", "name"), LEXICONS, ids=IDS)
def test_every_lexicon_says_who_wrote_it_and_what_it_rests_on(package: str, name: str) -> None:
    lexicon = matching.read(package, name)
    assert lexicon.provenance[0].startswith("Written by"), f"{name}.txt must open with who wrote it"
    assert FRAMEWORK.search(" ".join(lexicon.provenance)), f"{name}.txt must name the framework it rests on"


@pytest.mark.parametrize(("package", "name"), LEXICONS, ids=IDS)
def test_every_lexicon_has_patterns_that_compile(package: str, name: str) -> None:
    lexicon = matching.read(package, name)
    assert lexicon.lines and not any(line.startswith("#") for line in lexicon.lines)
    if (package, name) not in WORD_LISTS:
        assert _compile(package, name)


@pytest.mark.parametrize("rule", [*REPLY_RULES, *COMMITMENT_RULES], ids=lambda r: r.__name__)
def test_reply_and_commitment_rules_keep_their_patterns_in_their_lexicon(rule: ModuleType) -> None:
    package = rule.__name__.rsplit(".rules.", 1)[0]
    assert matching.read(package, rule.NAME).lines, f"{rule.NAME} has no lexicons/{rule.NAME}.txt"
    assert "re.compile" not in inspect.getsource(rule), f"{rule.NAME}: patterns belong in its lexicon file"


@pytest.mark.parametrize("package", PACKAGES[1:])
def test_every_reply_and_commitment_lexicon_is_read_by_a_rule_or_the_cues(package: str) -> None:
    rules = [r for r in (*REPLY_RULES, *COMMITMENT_RULES) if r.__name__.startswith(f"{package}.rules.")]
    sources = " ".join(inspect.getsource(r) for r in rules)
    if package == "amends.coach.reply":
        from amends.coach.reply import cues  # the mechanisms' cue lists are lexicons too

        sources += inspect.getsource(cues)
    for name in [n for p, n in LEXICONS if p == package]:
        assert name in {r.NAME for r in rules} or f'"{name}"' in sources, f"nothing reads {package} lexicons/{name}.txt"


def test_the_apology_rules_read_their_lexicons_through_the_same_matcher() -> None:
    from amends.coach.apology import lexicon

    assert lexicon.pattern("blame") is matching.phrases("amends.coach.apology", "blame")
    assert lexicon.read_lines("blame") == matching.read("amends.coach.apology", "blame").lines
