"""Upgrades: every migration of amends' own apps runs forward over a database that already holds data."""

from __future__ import annotations

from datetime import UTC, datetime
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


def _fill_trust_at(state_apps: Any) -> int:
    """Each couple's generated trust history (commitments, edits, check-ins, verdicts) through the historical
    models of ``trust.0001``; returns how many check-ins were written."""
    from amends.ledger.generate import generate_history

    model = {name: state_apps.get_model("trust", name) for name in ("Commitment", "ScheduleVersion", "CheckIn")}
    confirmation = state_apps.get_model("trust", "Confirmation")
    written = 0
    for n, repair in enumerate(state_apps.get_model("repairs", "Repair").objects.order_by("pk")):
        members = {
            m.role: m.user_id for m in state_apps.get_model("repairs", "Membership").objects.filter(repair=repair)
        }
        history = generate_history(days=400, commitments=4, seed=n)
        for c in history.commitments:
            row = model["Commitment"].objects.create(
                repair=repair, author_id=members["offender"], text=c.text, start=c.start, end=c.end
            )
            for v in c.versions:
                model["ScheduleVersion"].objects.create(
                    commitment=row,
                    effective_from=v.effective_from,
                    kind=v.schedule.kind.value,
                    weekdays=",".join(str(d) for d in sorted(v.schedule.weekdays)),
                    on=v.schedule.on,
                    event=v.schedule.event,
                    text=c.text,
                    end=c.end,
                )
            # In bulk: thousands of rows one INSERT at a time were most of this test's time.
            generated = [x for x in history.check_ins if x.commitment_id == c.id]
            rows = model["CheckIn"].objects.bulk_create(
                model["CheckIn"](repair=repair, commitment=row, on=ci.on, status=ci.status) for ci in generated
            )
            written += len(rows)
            confirmation.objects.bulk_create(
                confirmation(
                    repair=repair, check_in=check_in, partner_id=members["hurt"], verdict=ci.confirmation.value
                )
                for ci, check_in in zip(generated, rows, strict=True)
                if ci.confirmation.value != "none"
            )
    return written


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
        # Trust starts at zero (its first migration needs a later repairs one): fill it at trust.0001.
        executor = MigrationExecutor(connection)
        executor.migrate([("trust", "0001_initial")])
        executor.loader.build_graph()
        check_ins = _fill_trust_at(executor.loader.project_state([("trust", "0001_initial")]).apps)
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
        _trust_reads_after_migrating(check_ins)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert not MigrationExecutor(connection).migration_plan(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _trust_reads_after_migrating(check_ins: int) -> None:
    """The migrated check-ins are all there, and each couple's ledger is read and its closed past stored."""
    from datetime import date

    from amends.services.access import repair_access
    from amends.services.trust_queries import load_ledger
    from amends.web.repairs.models import Membership
    from amends.web.trust.models import CheckIn, LedgerPast

    assert CheckIn.objects.count() == check_ins > 0
    for m in Membership.objects.filter(role="hurt"):
        led = load_ledger(repair_access(m.user, m.repair_id), date(2025, 6, 30))
        assert led.summary.overall.window(90).recorded > 0
    assert LedgerPast.objects.count() == 3


def test_tokens_locks_and_counters_keep_their_rows_when_they_move_to_the_security_app() -> None:
    executor = MigrationExecutor(connection)
    before_move = [("partners", "0003_apitoken_expiry_required"), ("security", None)]
    try:
        executor.migrate(before_move)
        executor.loader.build_graph()
        old = executor.loader.project_state(("partners", "0003_apitoken_expiry_required")).apps
        user = old.get_model("auth", "User").objects.create(username="dana", password="!")
        when = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
        old.get_model("partners", "ApiToken").objects.create(
            user=user, name="laptop", token_hash="h" * 64, prefix="amd_abc", scope="write", expires_at=when
        )
        old.get_model("partners", "AppLock").objects.create(user=user, pin_hash="pbkdf2$x", idle_minutes=7)
        old.get_model("partners", "RateCounter").objects.create(
            key="k" * 64, bucket="coach", window_start=when, count=4
        )
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        from amends.web.security.models import ApiToken, AppLock, RateCounter

        assert list(ApiToken.objects.values_list("name", "scope", "user__username")) == [("laptop", "write", "dana")]
        assert AppLock.objects.get().idle_minutes == 7
        assert RateCounter.objects.get().count == 4
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
