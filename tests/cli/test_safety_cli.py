"""amends help-now, safety scan and screen through Click's runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from amends.cli import cli
from amends.measures import load_instrument


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AMENDS_HOME", str(tmp_path))
    return tmp_path


def run(*args: str, stdin: str | bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.output


def test_help_now_prints_lines_with_dates() -> None:
    code, out = run("help-now", "--region", "UK")
    assert code == 0 and "116 123" in out and "verified 2026-11-28" in out
    assert out.startswith("amends is not monitored.")


def test_help_now_unknown_region_gives_international_help() -> None:
    code, out = run("help-now", "--region", "XX")
    assert code == 0 and "findahelpline.com" in out


def test_help_now_json() -> None:
    code, out = run("help-now", "--region", "US", "--json")
    assert code == 0 and json.loads(out)["groups"]


def test_scan_shows_the_crisis_line_when_action_is_crisis() -> None:
    code, out = run("safety", "scan", "-", "--region", "US", stdin="I can't go on like this")
    assert code == 0 and "988" in out


def test_scan_says_nothing_was_found_only_when_nothing_was() -> None:
    assert "No crisis language found" not in run("safety", "scan", "-", stdin="I can't go on like this")[1]
    assert "No crisis language found" not in run("safety", "scan", "-", stdin="he hit me last night")[1]
    assert "No crisis language found" in run("safety", "scan", "-", stdin="We argued about the dishes.")[1]


def test_scan_offers_help_for_someone_else_at_risk_not_the_writers_crisis_lines() -> None:
    code, out = run("safety", "scan", "-", "--region", "UK", stdin="My wife said she would kill herself if I left.")
    assert code == 0 and "someone you care about may be at risk" in out and "116 123" in out
    assert "It sounds like things may be very hard right now" not in out
    code, out = run("safety", "scan", "-", "--region", "UK", stdin="My sister's husband has been hitting her.")
    assert "being hurt or controlled by a partner" in out and "0808 2000 247" in out


def test_scan_json_from_file(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("he hit me", encoding="utf-8")
    code, out = run("safety", "scan", str(path), "--json")
    data = json.loads(out)
    assert code == 0 and data["action"] == "support" and data["flags"][0]["type"] == "abuse_victim"


@pytest.mark.parametrize(
    ("stdin", "shown", "not_shown"),
    [
        ("he hit me last night", "0808 2000 247", "0808 802 4040"),  # Refuge, not Respect
        ("I said I would kill him if he ever left me", "0808 802 4040", "0808 2000 247"),  # Respect, not Refuge
    ],
)
def test_scan_gives_each_side_of_abuse_its_own_lines(stdin: str, shown: str, not_shown: str) -> None:
    code, out = run("safety", "scan", "-", "--region", "UK", stdin=stdin)
    assert code == 0 and shown in out and not_shown not in out


@pytest.mark.parametrize("stdin", [b"\x00\x01binary", b"   ", b"\xff\xfe\xfa"])
def test_scan_bad_input_exits_2_with_a_clear_message(stdin: bytes) -> None:
    code, out = run("safety", "scan", "-", stdin=stdin)
    assert code == 2 and "Error:" in out


def test_scan_missing_file_exits_2(tmp_path: Path) -> None:
    code, out = run("safety", "scan", str(tmp_path / "nope.txt"))
    assert code == 2 and "cannot read" in out


@pytest.fixture
def sam() -> Any:
    from django.contrib.auth.models import User

    return User.objects.create_user("sam", password="a calm harbour 42")


@pytest.mark.django_db(transaction=True)
def test_screen_phq2_scores_and_keeps_it_through_the_web_service(sam: Any) -> None:
    from amends.web.safety_web.models import ScreenResult

    code, out = run("screen", "phq2", stdin="2\n1\n")
    assert code == 0 and "PHQ-9" in out, out
    row = ScreenResult.objects.get(user=sam)
    assert row.instrument == "phq2" and row.total == 3


@pytest.mark.django_db(transaction=True)
def test_screen_phq9_item9_shows_crisis_lines_immediately(sam: Any) -> None:
    code, out = run("screen", "phq9", "--region", "UK", stdin="0\n0\n0\n0\n0\n0\n0\n0\n1\n")
    assert code == 0 and "116 123" in out


@pytest.mark.django_db(transaction=True)
def test_screen_asq_skips_item5_when_all_no(sam: Any) -> None:
    code, out = run("screen", "asq", stdin="no\nno\nno\nno\n")
    assert code == 0 and "thoughts of killing yourself right now" not in out


@pytest.mark.django_db(transaction=True)
def test_screen_asq_asks_item5_after_a_refusal_and_an_acute_yes_routes_to_help_now(sam: Any) -> None:
    code, out = run("screen", "asq", "--region", "US", stdin="no\nrefused\nno\nno\nyes\n")
    assert code == 0 and "right now" in out and "988" in out
    assert out.index("988") < out.index(load_instrument("asq").scoring["bands"][2]["meaning"])


@pytest.mark.django_db(transaction=True)
def test_a_positive_hark_from_the_cli_raises_the_same_signal_as_the_web(sam: Any) -> None:
    from amends.web.safety_web.models import SafetySignal

    code, out = run("screen", "hark", "--region", "UK", stdin="no\nyes\nno\nno\n")
    assert code == 0 and "0808 2000 247" in out
    assert SafetySignal.objects.filter(user=sam, kind="abuse_victim", source="hark").exists()


@pytest.mark.django_db(transaction=True)
def test_screen_with_several_accounts_asks_which_one(sam: Any) -> None:
    from django.contrib.auth.models import User

    User.objects.create_user("kim", password="a calm harbour 42")
    code, out = run("screen", "hark", stdin="no\nno\nno\nno\n")
    assert code == 1 and "--user" in out
