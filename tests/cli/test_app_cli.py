from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User
from django.db import connection

from amends.cli import cli
from amends.paths import secret_key


def test_secret_key_is_generated_once_with_owner_only_permissions(tmp_path: Path) -> None:
    first = secret_key(tmp_path)
    assert len(first) >= 50
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600
    assert secret_key(tmp_path) == first


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite-specific: this run uses PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000


@pytest.mark.django_db(transaction=True)
def test_reset_password_is_the_local_recovery_path() -> None:
    User.objects.create_user("alice", password="old harbour 42")
    result = CliRunner().invoke(cli, ["users", "reset-password", "alice", "--password", "new harbour 42"])
    assert result.exit_code == 0, result.output
    assert User.objects.get(username="alice").check_password("new harbour 42")


@pytest.mark.django_db(transaction=True)
def test_reset_password_for_an_unknown_user_says_so() -> None:
    result = CliRunner().invoke(cli, ["users", "reset-password", "nobody", "--password", "new harbour 42"])
    assert result.exit_code == 1 and "No account named 'nobody'" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_prints_the_url_and_serves_pages(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "AMENDS_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)  # this test is about the embedded default
    proc = subprocess.Popen(
        [sys.executable, "-m", "amends.cli", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        text=True,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert f"http://127.0.0.1:{port}/" in line
        body = _get(f"http://127.0.0.1:{port}/healthz")
        assert b'"ok"' in body
        assert b"htmx" in _get(f"http://127.0.0.1:{port}/static/amends/vendor/htmx.min.js")[:2000]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _get(url: str) -> Any:
    for _ in range(50):
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url}")


def test_help_lists_commands_with_examples() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0 and "serve" in result.output and "Examples" in result.output
