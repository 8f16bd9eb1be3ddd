"""`amends commitments`, `amends checkin` and `amends report` as a local user."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User

from amends.cli import cli
from amends.services import trust as service
from amends.services.repairs import start_repair
from amends.web.trust.models import CheckIn, Commitment

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def repair() -> Any:
    alice = User.objects.create_user("alice", password="a calm harbour 42")
    return start_repair(
        alice, role="offender", kind="broken_promise", title="The missed dinner", description="I missed the dinner."
    )


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def test_add_list_and_check_in_as_the_only_user(repair: Any) -> None:
    added = run("commitments", "add", "I will put my phone away during dinner", "--kind", "daily")
    assert added.exit_code == 0, added.output
    assert "Can you keep this every time?" in added.output
    c = Commitment.objects.get()
    listed = run("commitments", "list", "--repair", str(repair.pk))
    assert "phone away" in listed.output
    first = run("checkin", str(c.pk), "--status", "kept")
    again = run("checkin", str(c.pk), "--status", "kept")
    assert first.exit_code == 0 and "Recorded." in first.output
    assert "nothing changed" in again.output and CheckIn.objects.count() == 1


def test_future_check_in_is_refused_with_exit_code_1(repair: Any) -> None:
    run("commitments", "add", "I will put my phone away during dinner")
    c = Commitment.objects.get()
    tomorrow = (service.today_for(0) + timedelta(days=1)).isoformat()
    result = run("checkin", str(c.pk), "--status", "kept", "--on", tomorrow)
    assert result.exit_code == 1 and "hasn't happened yet" in result.output


def test_surveillance_commitment_is_refused(repair: Any) -> None:
    result = run("commitments", "add", "I will check your phone every night.")
    assert result.exit_code == 1 and not Commitment.objects.exists()


def test_report_in_markdown_and_html(repair: Any) -> None:
    run("commitments", "add", "I will put my phone away during dinner")
    md = run("report", "--repair", str(repair.pk), "--format", "md")
    assert md.exit_code == 0, md.output
    assert "# Progress summary: The missed dinner" in md.output and "phone away" in md.output
    html = run("report", "--repair", str(repair.pk), "--format", "html")
    assert "<h1>Progress summary" in html.output and "<svg" in html.output


def test_unknown_user_is_a_clean_error(repair: Any) -> None:
    result = run("commitments", "list", "--user", "nobody")
    assert result.exit_code == 1 and "No local user" in result.output


def test_a_crisis_note_on_a_check_in_is_answered_with_the_crisis_line_first(repair: Any) -> None:
    from amends.web.accounts.models import Profile

    Profile.objects.update_or_create(user=repair.created_by, defaults={"region": "UK"})
    run("commitments", "add", "I will put my phone away during dinner")
    c = Commitment.objects.get()
    note = "I have pills saved up and I'm going to take them all tonight"
    result = run("checkin", str(c.pk), "--status", "missed", "--note", note)
    assert result.exit_code == 0, result.output
    assert "116 123" in result.output  # Samaritans
    assert result.output.index("116 123") < result.output.index("Recorded.")
