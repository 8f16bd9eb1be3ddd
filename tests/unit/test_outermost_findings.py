"""One pattern, one finding: a match inside another match of the same rule is not shown again."""

from __future__ import annotations

import random

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


def test_the_sweep_keeps_exactly_what_pairwise_containment_keeps() -> None:
    # The definition, pair by pair; the function sweeps in span order instead, which must agree.
    def by_pairs(findings: list[Finding]) -> list[Finding]:
        def covered(i: int, f: Finding) -> bool:
            return any(
                j != i
                and o.rule == f.rule
                and o.span[0] <= f.span[0] <= f.span[1] <= o.span[1]
                and (o.span != f.span or j < i)
                for j, o in enumerate(findings)
            )

        return [f for i, f in enumerate(findings) if not covered(i, f)]

    rng = random.Random(7)
    for _ in range(300):
        findings = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 20)
            findings.append(_f(rng.choice(["blame", "excuse"]), start, start + rng.randint(0, 8)))
        assert outermost(findings) == by_pairs(findings)
