"""Upgrades: every migration of amends' own apps runs forward over a database that already holds data."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps as live_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.ops.conftest import table_contents

pytestmark = pytest.mark.django_db(transaction=True)


def _earliest_targets(executor: MigrationExecutor) -> list[tuple[str, str | None]]:
    """Each amends app at its first migration, or at zero when that first migration needs a later one elsewhere."""
    graph = executor.loader.graph
    labels = {c.label for c in live_apps.get_app_configs() if c.name.startswith("amends.")}
    firsts = {label: graph.root_nodes(label)[0] for label in labels if graph.root_nodes(label)}
    targets: list[tuple[str, str | None]] = []
    for label, first in sorted(firsts.items()):
        needs = {node for node in graph.forwards_plan(first) if node[0] in labels and node != first}
        early = all(node == firsts.get(node[0]) for node in needs)
        targets.append(first if early else (label, None))
    return targets


def _fill_at(state_apps: Any) -> None:
    """A couple with answers, history and a draft, written through the historical models."""
    user_model = state_apps.get_model("auth", "User")
    repair_model = state_apps.get_model("repairs", "Repair")
    membership = state_apps.get_model("repairs", "Membership")
    answer_model = state_apps.get_model("repairs", "JourneyAnswer")
    revision = state_apps.get_model("repairs", "JourneyAnswerRevision")
    draft = state_apps.get_model("repairs", "ApologyDraft")
    for n in range(3):
        alice = user_model.objects.create(username=f"alice{n}", password="!")
        bob = user_model.objects.create(username=f"bob{n}", password="!")
        repair = repair_model.objects.create(created_by=alice, kind="lying", title=f"Loan {n}", description="I lied.")
        membership.objects.create(repair=repair, user=alice, role="offender")
        membership.objects.create(repair=repair, user=bob, role="hurt")
        for user in (alice, bob):
            answer = answer_model.objects.create(
                repair=repair, author=user, step="name-it", prompt="what", text=f"answer {n} ✓", revision=3
            )
            revision.objects.create(answer=answer, text="earlier", revision=2)
        draft.objects.create(repair=repair, author=alice, version=1, text="I am sorry I lied about the loan.")


def _rows_survive(before: dict[str, list[str]], after_tables: set[str]) -> None:
    """Each table present at the start still holds at least as many rows, and the couple's own rows unchanged."""
    with connection.cursor() as cursor:
        for table, rows in before.items():
            if table not in after_tables or not rows:
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            assert cursor.fetchone()[0] >= len(rows), table


def test_migrations_run_forward_from_the_first_over_a_filled_database() -> None:
    executor = MigrationExecutor(connection)
    firsts = _earliest_targets(executor)
    assert ("repairs", "0001_initial") in firsts
    leaves = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(firsts)
        executor.loader.build_graph()
        _fill_at(executor.loader.project_state([t for t in firsts if t[1]]).apps)
        before = table_contents()
        executor = MigrationExecutor(connection)
        executor.migrate(leaves)
        after = table_contents()
        _rows_survive(before, set(after))
        from amends.web.repairs.models import JourneyAnswer, Membership

        assert Membership.objects.count() == 6
        assert sorted(JourneyAnswer.objects.values_list("text", flat=True)) == sorted(
            [f"answer {n} ✓" for n in range(3)] * 2
        )
        assert set(JourneyAnswer.objects.values_list("revision", flat=True)) == {3}
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert not MigrationExecutor(connection).migration_plan(MigrationExecutor(connection).loader.graph.leaf_nodes())
