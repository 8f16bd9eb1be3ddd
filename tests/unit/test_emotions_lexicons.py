from __future__ import annotations

import json
from importlib import resources

import pytest
from eval.paths import EXAMPLES

from amends.coach.emotions.feelings import FEELING_NAMES
from amends.coach.emotions.lexicon import find_cues, load_lexicon

CASES = [json.loads(line) for line in (EXAMPLES / "feelings.jsonl").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("name", FEELING_NAMES)
def test_each_lexicon_file_has_a_provenance_header(name: str) -> None:
    text = resources.files("amends.coach.emotions").joinpath("cues", f"{name}.txt").read_text()
    assert text.startswith(f"# Cue lexicon: {name}\n# Provenance:")


@pytest.mark.parametrize("name", FEELING_NAMES)
def test_every_cue_has_an_example_that_it_matches(name: str) -> None:
    cues = load_lexicon(name)
    assert len(cues) >= 5
    for cue in cues:
        assert cue.example, f"{name}: cue {cue.phrase!r} has no example"
        assert find_cues(cue.example, (cue,)), f"{name}: {cue.phrase!r} misses its own example"


@pytest.mark.parametrize("case", CASES, ids=[f"{c['feeling']}-{c['expect']}-{i}" for i, c in enumerate(CASES)])
def test_feeling_cue_examples_flag_or_pass(case: dict) -> None:
    found = find_cues(case["text"], load_lexicon(case["feeling"]))
    assert bool(found) == (case["expect"] == "flag"), case["text"]


def test_cue_tables_cover_the_feelings_public_data_does_not_label() -> None:
    for name in ("hurt", "betrayal", "fear_insecurity"):
        kinds = {c["expect"] for c in CASES if c["feeling"] == name}
        assert kinds == {"flag", "pass"}


@pytest.mark.parametrize("name", ["dismissal", "forgiving"])
def test_the_veto_lexicons_have_provenance_and_each_cue_matches_its_example(name: str) -> None:
    text = resources.files("amends.coach.emotions").joinpath("cues", f"{name}.txt").read_text()
    assert text.startswith(f"# Cue lexicon: {name}\n# Provenance:")
    for cue in load_lexicon(name):
        assert find_cues(cue.example, (cue,)), cue.phrase
