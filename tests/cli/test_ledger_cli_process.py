"""`amends commitments`, `checkin` and `report` in a fresh process on the embedded database, as a person runs them.

No database fixture: each command opens its own SQLite file under a temporary AMENDS_HOME (DATABASE_URL
is dropped), so this runs once, in the SQLite run, whatever database the test run itself has.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _fresh_process(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``amends`` in its own process, as a person would: nothing of Django is set up beforehand."""
    env = {**os.environ, "AMENDS_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "amends.cli", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_commitments_checkin_and_report_run_in_a_fresh_process(tmp_path: Path) -> None:
    seed = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'amends.web.settings'; django.setup();"
        "from django.contrib.auth.models import User; from amends.services.repairs import start_repair;"
        "start_repair(User.objects.create_user('alice', password=None), role='offender', kind='broken_promise',"
        " title='The missed dinner', description='I missed the dinner.')"
    )
    assert _fresh_process(tmp_path, "migrate").returncode == 0
    env = {**os.environ, "AMENDS_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "-c", seed], check=True, env=env, timeout=120)
    added = _fresh_process(tmp_path, "commitments", "add", "I will put my phone away during dinner")
    assert added.returncode == 0, added.stderr
    listed = _fresh_process(tmp_path, "commitments", "list")
    assert listed.returncode == 0 and "phone away" in listed.stdout, listed.stderr
    checked = _fresh_process(tmp_path, "checkin", "1", "--status", "kept")
    assert checked.returncode == 0 and "Recorded." in checked.stdout, checked.stderr
    report = _fresh_process(tmp_path, "report", "--format", "md")
    assert report.returncode == 0, report.stderr
    assert "Traceback" not in report.stderr and "phone away" in report.stdout
