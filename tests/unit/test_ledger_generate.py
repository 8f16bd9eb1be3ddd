"""The generated history is deterministic, well-formed and valid under the ledger's own rules."""

from __future__ import annotations

import ast
from pathlib import Path

import amends.ledger
from amends.ledger.checkins import validate_check_in
from amends.ledger.generate import CSI4_MAX, generate_history
from amends.ledger.schedule import Kind


def test_same_seed_gives_the_same_history_and_another_seed_does_not():
    assert generate_history(days=120, seed=3) == generate_history(days=120, seed=3)
    assert generate_history(days=120, seed=3) != generate_history(days=120, seed=4)


def test_history_covers_every_schedule_kind_edits_and_end_dates():
    h = generate_history(days=365, commitments=10, seed=1)
    kinds = {v.schedule.kind for c in h.commitments for v in c.versions}
    assert kinds == set(Kind)
    assert any(len(c.versions) > 1 for c in h.commitments)
    assert any(c.end is not None for c in h.commitments)


def test_every_generated_check_in_is_one_the_ledger_would_accept():
    h = generate_history(days=365, seed=2)
    by_id = {c.id: c for c in h.commitments}
    keys = [c.key for c in h.check_ins]
    assert len(keys) == len(set(keys))
    for c in h.check_ins:
        validate_check_in(by_id[c.commitment_id], c.on, h.today)


def test_questionnaire_answers_stay_in_range():
    h = generate_history(days=365, seed=5)
    assert len(h.csi4) == len(h.trust) == len(h.forgiveness) == 52
    assert all(0 <= v <= top for a in h.csi4 for v, top in zip(a.items, CSI4_MAX, strict=True))
    assert all(0 <= v <= 10 for t in h.trust for v in (t.predictability, t.dependability, t.faith, t.trust_today))
    assert all(0 <= v <= 10 for f in h.forgiveness for _, v in f.items)


def test_ledger_never_imports_django():
    root = Path(amends.ledger.__file__).parent
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "django" for n in names), path


def test_overall_window_is_the_sum_of_the_commitments_on_a_mixed_history():
    from amends.ledger.consistency import calendar_series, summarize

    h = generate_history(days=200, seed=9)
    summary = summarize(h.commitments, h.check_ins, today=h.today)
    for n in (7, 30, 90):
        overall = summary.overall.window(n)
        assert overall.due == sum(c.window(n).due for c in summary.commitments)
        assert overall.recorded + overall.overdue + overall.pending == overall.due
    assert len(calendar_series(h.commitments, h.check_ins, start=h.start, end=h.today, today=h.today)) == 200
