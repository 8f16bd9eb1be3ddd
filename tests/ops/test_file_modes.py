"""Files holding a couple's data are created 0600, whatever the mode of the folder they land in."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User

from amends.cli import cli
from amends.paths import make_private


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)  # as a person might have made it, readable by every local user
    return folder


def test_the_database_and_its_wal_and_shm_files_are_0600_in_a_0755_home(open_folder: Path) -> None:
    env = {**os.environ, "AMENDS_HOME": str(open_folder)}
    env.pop("DATABASE_URL", None)
    migrated = subprocess.run(
        [sys.executable, "-m", "amends.cli", "migrate"], env=env, capture_output=True, text=True, timeout=300
    )
    assert migrated.returncode == 0, migrated.stderr
    database = open_folder / "amends.sqlite3"
    assert _mode(open_folder) == 0o755 and _mode(database) == 0o600
    conn = sqlite3.connect(database)  # WAL mode persists in the file; the sidecars appear on first use
    try:
        conn.execute("CREATE TABLE probe (x)")
        conn.commit()
        for sidecar in ("amends.sqlite3-wal", "amends.sqlite3-shm"):
            assert _mode(open_folder / sidecar) == 0o600, sidecar
    finally:
        conn.close()


def test_an_existing_database_left_readable_by_others_is_made_private(open_folder: Path) -> None:
    database = open_folder / "amends.sqlite3"
    database.write_bytes(b"")
    database.chmod(0o644)
    (open_folder / "amends.sqlite3-wal").write_bytes(b"")
    (open_folder / "amends.sqlite3-wal").chmod(0o644)
    make_private(database)
    assert _mode(database) == 0o600 and _mode(open_folder / "amends.sqlite3-wal") == 0o600


@pytest.mark.django_db(transaction=True)
def test_backups_and_exports_are_0600_in_a_0755_folder_even_over_an_older_file(open_folder: Path) -> None:
    User.objects.create_user("alice", password=None)
    backup, export = open_folder / "snap.bak", open_folder / "alice.zip"
    for path in (backup, export):
        path.write_bytes(b"older")
        path.chmod(0o644)
    assert CliRunner().invoke(cli, ["backup", "--out", str(backup)]).exit_code == 0
    result = CliRunner().invoke(cli, ["export", "--user", "alice", "--out", str(export)])
    assert result.exit_code == 0, result.output
    assert _mode(backup) == 0o600 and _mode(export) == 0o600
    assert export.read_bytes().startswith(b"PK")
