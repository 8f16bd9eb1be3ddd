"""``amends backup`` and ``amends restore``: exact round trips, and nothing replaced by a bad file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User

from amends.cli import cli
from amends.web.repairs.models import JourneyAnswer, Repair
from tests.ops.conftest import table_contents

pytestmark = pytest.mark.django_db(transaction=True)


def _change_everything(filled: dict[str, Any]) -> None:
    JourneyAnswer.objects.update(text="changed after the backup")
    filled["repair1"].delete()
    User.objects.create_user("mallory", password=None)


def _invoke(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_backup_then_change_then_restore_gives_back_exactly_the_backed_up_tables(filled: Any, tmp_path: Path) -> None:
    before = table_contents()
    result = _invoke("backup", "--out", str(tmp_path / "snap.bak"))
    assert result.exit_code == 0, result.output
    _change_everything(filled)
    assert table_contents() != before
    result = _invoke("restore", str(tmp_path / "snap.bak"), "--yes")
    assert result.exit_code == 0, result.output
    assert table_contents() == before


def test_an_encrypted_backup_restores_only_with_its_passphrase(filled: Any, tmp_path: Path) -> None:
    (tmp_path / "pass").write_text("correct horse battery staple\n")
    (tmp_path / "wrong").write_text("incorrect horse\n")
    before = table_contents()
    assert (
        _invoke("backup", "--out", str(tmp_path / "snap.enc"), "--passphrase-file", str(tmp_path / "pass")).exit_code
        == 0
    )
    assert b"quoted" not in (tmp_path / "snap.enc").read_bytes()  # sealed, not merely wrapped
    _change_everything(filled)
    changed = table_contents()
    refused = _invoke("restore", str(tmp_path / "snap.enc"), "--passphrase-file", str(tmp_path / "wrong"), "--yes")
    assert refused.exit_code == 1 and "wrong passphrase" in refused.output
    assert table_contents() == changed  # nothing replaced
    ok = _invoke("restore", str(tmp_path / "snap.enc"), "--passphrase-file", str(tmp_path / "pass"), "--yes")
    assert ok.exit_code == 0, ok.output
    assert table_contents() == before


def test_a_damaged_backup_is_refused_before_anything_is_replaced(filled: Any, tmp_path: Path) -> None:
    assert _invoke("backup", "--out", str(tmp_path / "snap.bak")).exit_code == 0
    data = bytearray((tmp_path / "snap.bak").read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    (tmp_path / "damaged.bak").write_bytes(bytes(data[: len(data) - 100]))
    (tmp_path / "junk.bak").write_bytes(b"not a backup at all")
    _change_everything(filled)
    changed = table_contents()
    for name in ("damaged.bak", "junk.bak"):
        result = _invoke("restore", str(tmp_path / name), "--yes")
        assert result.exit_code == 1 and "Nothing was changed" in result.output, result.output
    assert table_contents() == changed
    assert Repair.objects.count() == 1


def test_a_tampered_encrypted_backup_is_refused(filled: Any, tmp_path: Path) -> None:
    (tmp_path / "pass").write_text("correct horse battery staple\n")
    assert (
        _invoke("backup", "--out", str(tmp_path / "snap.enc"), "--passphrase-file", str(tmp_path / "pass")).exit_code
        == 0
    )
    data = bytearray((tmp_path / "snap.enc").read_bytes())
    data[-10] ^= 1
    (tmp_path / "snap.enc").write_bytes(bytes(data))
    result = _invoke("restore", str(tmp_path / "snap.enc"), "--passphrase-file", str(tmp_path / "pass"), "--yes")
    assert result.exit_code == 1 and "altered" in result.output
