"""``make test-clock`` moves the clock of the process under test (tests/shifted_clock.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
from datetime import date

from django.utils import timezone

from amends.services import tokens
from amends.web.trust.models import Commitment


def test_the_clock_starts_where_it_was_sent():
    assert timezone.now().date() == tokens.clock().date() == date(2031, 3, 8)
    assert Commitment._meta.get_field("created_at").get_default().date() == date(2031, 3, 8)
"""


def _probe(tmp_path: Path, now: str | None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_probe.py").write_text(PROBE)
    env = {k: v for k, v in os.environ.items() if k not in ("AMENDS_TEST_NOW", "PYTEST_XDIST_WORKER")}
    env |= {"AMENDS_TEST_NOW": now} if now else {}
    command = [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "-p", "no:cacheprovider"]
    return subprocess.run([*command, str(tmp_path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_a_run_sent_to_another_day_reads_that_day_everywhere(tmp_path: Path) -> None:
    run = _probe(tmp_path, "2031-03-08T12:00:00+00:00")
    assert run.returncode == 0, run.stdout + run.stderr


def test_without_it_the_clock_is_the_real_one(tmp_path: Path) -> None:
    run = _probe(tmp_path, None)
    assert run.returncode == 1 and "2031" in run.stdout, run.stdout + run.stderr
