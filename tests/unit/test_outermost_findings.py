"""One pattern, one finding: a match inside another match of the same rule is not shown again."""

from __future__ import annotations

from amends.coach.results import Finding, outermost


def _f(rule: str, start: int, end: int) -> Finding:
    return Finding(rule, "high", (start, end), "message", "suggestion")


def test_a_match_inside_a_longer_one_of_the_same_rule_goes() -> None:
    kept = outermost([_f("contempt", 0, 13), _f("contempt", 8, 13)])
    assert [f.span for f in kept] == [(0, 13)]


def test_the_same_span_twice_is_kept_once() -> None:
    assert len(outermost([_f("blame", 2, 9), _f("blame", 2, 9)])) == 1


def test_other_rules_and_overlaps_that_do_not_contain_stay() -> None:
    findings = [_f("contempt", 0, 13), _f("criticism", 8, 13), _f("contempt", 10, 20)]
    assert outermost(findings) == findings
