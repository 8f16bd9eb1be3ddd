"""``amends backup`` and ``amends restore``: exact round trips, and nothing replaced by a bad file."""

from __future__ import annotations

import functools
import json
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User

from amends.cli import cli, ops
from amends.web.repairs.models import JourneyAnswer, Repair
from tests.ops.conftest import table_contents

pytestmark = pytest.mark.django_db(transaction=True)

_REAL_KEY = ops._key


@functools.cache
def _derived_once(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return _REAL_KEY(passphrase, salt, {"n": n, "r": r, "p": p})


@pytest.fixture(autouse=True)
def _each_key_derived_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real scrypt at the real N, but each (passphrase, salt, parameters) derived once per process:
    # restoring a file this module just sealed derives the same key again, 0.4 s of CPU each time.
    monkeypatch.setattr(
        ops,
        "_key",
        lambda passphrase, salt, params: _derived_once(passphrase, salt, params["n"], params["r"], params["p"]),
    )


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
    assert refused.exit_code == 2 and "wrong passphrase" in refused.output
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
        assert result.exit_code == 2 and "Nothing was changed" in result.output, result.output
    assert table_contents() == changed
    assert Repair.objects.count() == 1


def _sqlite_file(path: Path) -> bytes:
    """A small SQLite database shaped like an amends one, with free pages at the end (rows deleted)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE django_migrations (id INTEGER PRIMARY KEY, app TEXT)")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.executemany("INSERT INTO notes (text) VALUES (?)", [("words " * 200,) for _ in range(50)])
    conn.commit()
    conn.execute("DELETE FROM notes WHERE id > 10")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("cut", [1, 100, 4096])
def test_a_sqlite_backup_cut_short_is_refused_even_where_the_integrity_check_passes(cut: int, tmp_path: Path) -> None:
    whole = _sqlite_file(tmp_path / "whole.sqlite3")
    ops._validate_sqlite(tmp_path / "whole.sqlite3", whole)  # the whole file is accepted
    (tmp_path / "short.sqlite3").write_bytes(whole[:-cut])
    with pytest.raises(ops.BackupRefused, match="damaged.*Nothing was changed"):
        ops._validate_sqlite(tmp_path / "short.sqlite3", whole[:-cut])


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
    assert result.exit_code == 2 and "altered" in result.output


def _encrypted_backup(tmp_path: Path) -> Path:
    (tmp_path / "pass").write_text("correct horse battery staple\n")
    result = _invoke("backup", "--out", str(tmp_path / "snap.enc"), "--passphrase-file", str(tmp_path / "pass"))
    assert result.exit_code == 0, result.output
    return tmp_path / "snap.enc"


def _with_header(blob: bytes, header: bytes, magic: bytes = ops.MAGIC_ENCRYPTED) -> bytes:
    """The same sealed data behind another header, as someone editing the file would make it."""
    size = int.from_bytes(blob[len(magic) : len(magic) + 4], "big")
    sealed = blob[len(magic) + 4 + size :]
    return magic + len(header).to_bytes(4, "big") + header + sealed


def _restore_refused(tmp_path: Path, blob: bytes) -> str:
    (tmp_path / "edited.enc").write_bytes(blob)
    result = _invoke("restore", str(tmp_path / "edited.enc"), "--passphrase-file", str(tmp_path / "pass"), "--yes")
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output, result.output
    assert "Nothing was changed" in result.output
    return result.output


def _header(blob: bytes) -> dict[str, Any]:
    size = int.from_bytes(blob[len(ops.MAGIC_ENCRYPTED) : len(ops.MAGIC_ENCRYPTED) + 4], "big")
    start = len(ops.MAGIC_ENCRYPTED) + 4
    return dict(json.loads(blob[start : start + size]))


def test_new_encrypted_backups_use_scrypt_n_of_at_least_2_to_the_17(filled: Any, tmp_path: Path) -> None:
    blob = _encrypted_backup(tmp_path).read_bytes()
    assert blob.startswith(ops.MAGIC_ENCRYPTED)
    assert _header(blob)["n"] >= 2**17 and stat.S_IMODE((tmp_path / "snap.enc").stat().st_mode) == 0o600


def test_a_header_asking_for_a_huge_scrypt_n_is_refused_before_any_key_is_derived(
    filled: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    blob = _encrypted_backup(tmp_path).read_bytes()
    derived: list[int] = []
    monkeypatch.setattr(ops, "_key", lambda passphrase, salt, params: derived.append(params["n"]) or b"k" * 32)
    for n, r, p in ((2**24, 8, 1), (2**17, 1024, 1), (2**17, 8, 64), (2**17 + 1, 8, 1), (0, 8, 1)):
        header = json.dumps({**_header(blob), "n": n, "r": r, "p": p}).encode()
        assert "altered" in _restore_refused(tmp_path, _with_header(blob, header))
    assert derived == []


def test_a_header_that_is_a_json_list_or_garbage_gives_one_clear_line_and_exit_2(filled: Any, tmp_path: Path) -> None:
    blob = _encrypted_backup(tmp_path).read_bytes()
    for header in (b"[1, 2, 3]", b"[]", b'"scrypt"', b"{not json", b"\xff\xfe", b'{"kdf": "scrypt"}', b"[" * 900):
        assert "header is damaged" in _restore_refused(tmp_path, _with_header(blob, header))
    too_long = ops.MAGIC_ENCRYPTED + (2**31).to_bytes(4, "big") + b"{}"
    assert "header is damaged" in _restore_refused(tmp_path, too_long)
    assert "header is damaged" in _restore_refused(tmp_path, ops.MAGIC_ENCRYPTED + b"\x00")


def test_a_tampered_header_within_bounds_fails_authentication(filled: Any, tmp_path: Path) -> None:
    blob = _encrypted_backup(tmp_path).read_bytes()
    header = _header(blob)
    for change in ({"n": 2**18}, {"salt": "00" * 16}, {"nonce": "11" * 12}):
        edited = _with_header(blob, json.dumps({**header, **change}).encode())
        assert "wrong passphrase, or the file was altered" in _restore_refused(tmp_path, edited)


def test_a_wrong_passphrase_gives_one_line_and_exit_2(filled: Any, tmp_path: Path) -> None:
    blob = _encrypted_backup(tmp_path).read_bytes()
    (tmp_path / "pass").write_text("not the passphrase\n")
    assert "wrong passphrase" in _restore_refused(tmp_path, blob)


def test_a_version_1_backup_with_scrypt_n_2_to_the_15_still_restores(
    filled: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    before = table_contents()
    (tmp_path / "pass").write_text("correct horse battery staple\n")
    assert _invoke("backup", "--out", str(tmp_path / "plain.bak")).exit_code == 0
    monkeypatch.setattr(ops, "_SCRYPT", {"n": 2**15, "r": 8, "p": 1})
    monkeypatch.setattr(ops, "MAGIC_ENCRYPTED", ops.MAGIC_ENCRYPTED_V1)
    old = ops.encrypt((tmp_path / "plain.bak").read_bytes(), "correct horse battery staple")
    monkeypatch.undo()
    assert old.startswith(b"AMENDS-BACKUP-ENC1\n")
    (tmp_path / "old.enc").write_bytes(old)
    _change_everything(filled)
    result = _invoke("restore", str(tmp_path / "old.enc"), "--passphrase-file", str(tmp_path / "pass"), "--yes")
    assert result.exit_code == 0, result.output
    assert table_contents() == before


def test_the_pre_restore_copy_of_an_encrypted_restore_is_encrypted_and_private(filled: Any, tmp_path: Path) -> None:
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the pre-restore copy is kept for SQLite; PostgreSQL restores in one transaction")
    snap = _encrypted_backup(tmp_path)
    kept_before = set((Path(settings.HOME) / "backups").glob("pre-restore-*"))
    result = _invoke("restore", str(snap), "--passphrase-file", str(tmp_path / "pass"), "--yes")
    assert result.exit_code == 0, result.output
    (kept,) = set((Path(settings.HOME) / "backups").glob("pre-restore-*")) - kept_before
    assert kept.name.endswith(".sqlite3.enc") and stat.S_IMODE(kept.stat().st_mode) == 0o600
    blob = kept.read_bytes()
    assert ops.is_encrypted(blob) and b"SQLite format 3" not in blob
    assert ops.decrypt(blob, "correct horse battery staple").startswith(ops.MAGIC_SQLITE)


def test_a_restore_leaves_the_planner_fresh_statistics_for_the_restored_tables(filled: Any, tmp_path: Path) -> None:
    from django.db import connection

    assert _invoke("backup", "--out", str(tmp_path / "snap.bak")).exit_code == 0
    assert _invoke("restore", str(tmp_path / "snap.bak"), "--yes").exit_code == 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM pg_stat_user_tables WHERE relname = %s AND last_analyze IS NOT NULL",
                [Repair._meta.db_table],
            )
        else:  # SQLite keeps its planner statistics in sqlite_stat1
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        assert cursor.fetchone()[0] == 1


def test_two_restores_in_one_second_keep_both_pre_restore_copies(
    filled: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the pre-restore copy is kept for SQLite; PostgreSQL restores in one transaction")
    # The clock is frozen at one second: the copy's name must not depend on the second having moved on.
    monkeypatch.setattr(ops, "_stamp", lambda: "20261203-120000")
    assert _invoke("backup", "--out", str(tmp_path / "snap.bak")).exit_code == 0
    backups = Path(settings.HOME) / "backups"
    before = set(backups.glob("pre-restore-20261203-120000*"))
    for _ in range(2):
        result = _invoke("restore", str(tmp_path / "snap.bak"), "--yes")
        assert result.exit_code == 0, result.output
    kept = set(backups.glob("pre-restore-20261203-120000*")) - before
    assert len(kept) == 2, sorted(p.name for p in kept)


def test_two_backups_in_one_second_do_not_overwrite_each_other(filled: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.conf import settings

    monkeypatch.setattr(ops, "_stamp", lambda: "20261203-120001")
    backups = Path(settings.HOME) / "backups"
    before = set(backups.glob("amends-20261203-120001*"))
    for _ in range(2):
        result = _invoke("backup")
        assert result.exit_code == 0, result.output
    assert len(set(backups.glob("amends-20261203-120001*")) - before) == 2
