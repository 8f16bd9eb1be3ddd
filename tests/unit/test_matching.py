"""The one matcher: a lexicon file's header and lines, compiled once, and spans with their filters."""

from __future__ import annotations

from amends.coach import matching
from amends.ledger.rules.absolute import without_absolutes


def test_a_lexicon_splits_its_provenance_header_from_its_patterns() -> None:
    blame = matching.read("amends.coach.reply", "blame")
    assert blame.provenance[0].startswith("Written by the amends team")
    assert blame.lines[0].startswith(r"\byou made me\b")
    assert not any(line.startswith("#") for line in blame.lines)
    # a comment among the patterns says why they are there; it is neither header nor pattern
    assert "Added 2026-11-30 from the real-text dev half." not in " ".join(blame.provenance + blame.lines)


def test_a_lexicon_is_read_and_compiled_once() -> None:
    assert matching.patterns("amends.coach.reply", "blame") is matching.patterns("amends.coach.reply", "blame")
    assert matching.read("amends.ledger", "hedged") is matching.read("amends.ledger", "hedged")


def test_a_straight_apostrophe_in_a_pattern_also_finds_a_curly_one() -> None:
    (pattern,) = matching.compile_each(r"\bit's not my fault\b")
    assert matching.find("It’s not my fault.", [pattern]) == [(0, 17)]


def test_a_contraction_typed_without_its_apostrophe_still_matches_but_not_one_that_makes_another_word() -> None:
    (wasnt,) = matching.compile_each(r"\bi wasn't trying to\b")
    assert matching.find("i wasnt trying to imply that", [wasnt]) == [(0, 17)]
    (were,) = matching.compile_each(r"\bwe're done\b")
    assert matching.find("we were done by six", [were]) == []  # 're is kept: "were" is another word
    (well,) = matching.compile_each(r"\bwe'll see\b")
    assert matching.find("well see about that", [well]) == []


def test_an_apostrophe_in_a_lookbehind_stays_required_so_the_lookbehind_keeps_its_width() -> None:
    (pattern,) = matching.compile_each(r"(?<!don't )\bcalm down\b")
    assert matching.find("don't calm down", [pattern]) == []
    assert matching.find("dont calm down", [pattern]) == [(5, 14)]


def test_quoted_words_are_left_out_only_when_asked() -> None:
    text = 'She told me "calm down" and I hated it.'
    calm = matching.compile_each(r"\bcalm down\b")
    assert matching.find(text, calm) == [(13, 22)]
    assert matching.find(text, calm, skip_quoted=True) == []


def test_disowned_words_are_left_out_only_when_asked() -> None:
    text = "I'm not going to say you're overreacting."
    over = matching.compile_each(r"\byou're overreacting\b")
    assert matching.find(text, over) == [(21, 40)]
    assert matching.find(text, over, skip_disowned=True) == []


def test_negated_words_are_left_out_only_when_asked() -> None:
    idiot = matching.compile_each(r"\bidiot\b")
    assert matching.find("You're not an idiot.", idiot, skip_negated=True) == []
    assert matching.find("You're an idiot.", idiot, skip_negated=True) == [(10, 15)]


def test_each_line_reports_its_own_match_but_one_alternation_never_overlaps() -> None:
    text = "I will never lie to you again."
    lines = ["never", "never lie"]
    assert matching.find(text, matching.compile_each(*lines)) == [(7, 12), (7, 16)]
    assert [m.span() for m in matching.one_of("amends.ledger", "absolute")[0].finditer(text)] == [(7, 12)]


def test_rewrites_apply_in_file_order() -> None:
    assert without_absolutes("I will never be late again.") == "I won't be late."
    assert without_absolutes("I'll text you every single day forever.") == "I'll text you each day."


def test_a_quote_is_one_line_cut_to_its_limit() -> None:
    assert matching.quote("  you\nmade me ,", (0, 15), 60) == "you made me"
    assert matching.quote("x" * 100, (0, 100), 10) == "x" * 9 + "…"


def test_contains_says_whether_any_pattern_matches() -> None:
    acts = matching.one_of("amends.ledger", "concrete")
    assert matching.contains("I'll be more considerate by texting you first.", acts)
    assert not matching.contains("I'll be more considerate.", acts)


def test_an_apostrophe_inside_a_character_class_also_matches_a_curly_one() -> None:
    (pattern,) = matching.compile_each(r"\bdon[\w']+ say\b")
    assert matching.find("I don’t say that.", [pattern]) == [(2, 11)]
