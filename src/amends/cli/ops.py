"""``amends backup`` and ``amends restore``: consistent online snapshots, optionally encrypted.

SQLite is copied page by page through its online backup API, so the app can keep running.
PostgreSQL is dumped with ``pg_dump`` in its custom format. An encrypted snapshot is the plain one
sealed with AES-256-GCM under a key derived from a passphrase with scrypt: wrong passphrases and
altered files are refused, never half-restored.

Restore checks everything before it touches the database: it decrypts and authenticates, then
runs SQLite's integrity check (or ``pg_restore --list`` and a full read) on the snapshot, and only then replaces
the data: SQLite through the same backup API (one write transaction), PostgreSQL with
``pg_restore --clean --single-transaction``, so a failure leaves the old data in place.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from amends.cli.app import setup_django

# Models, services and Django itself are imported inside the commands on purpose: Django refuses
# model imports before ``setup_django()`` has configured it, and ``amends --help`` should not load it.
# ``cryptography`` likewise loads only when a snapshot is encrypted or decrypted.
from amends.paths import write_private

MAGIC_ENCRYPTED = b"AMENDS-BACKUP-ENC2\n"
MAGIC_ENCRYPTED_V1 = b"AMENDS-BACKUP-ENC1\n"  # before scrypt N was raised; still restored
MAGIC_SQLITE = b"SQLite format 3\x00"
MAGIC_PGDUMP = b"PGDMP"
# N = 2^17 follows current guidance for scrypt (OWASP's password storage cheat sheet): about 0.4 s
# and 128 MiB here, slow to guess and quick enough to use.
_SCRYPT = {"n": 2**17, "r": 8, "p": 1}
# What a header may ask for, checked before any key is derived: a tampered header must not make
# restore spend more than this (256 MiB, under a second). Version 1 files were all written with 2^15.
_SCRYPT_N_RANGE = {MAGIC_ENCRYPTED: (2**17, 2**18), MAGIC_ENCRYPTED_V1: (2**15, 2**15)}
_HEADER_MAX_BYTES = 1024
_HEADER_KEYS = {"kdf", "n", "r", "p", "salt", "nonce"}


class BackupRefused(click.ClickException):
    """A backup file that is foreign, damaged, altered or sealed with another passphrase: bad input."""

    exit_code = 2


# -- encryption -----------------------------------------------------------------------------------
# The header (KDF parameters, salt, nonce) is the AES-GCM associated data, so any change to it fails
# authentication. It can only be authenticated with the key, and the key comes from the header's
# parameters, so the parameters are checked against fixed bounds first: a forged header costs at most
# one bounded key derivation before it is refused.


def is_encrypted(blob: bytes) -> bool:
    return blob.startswith((MAGIC_ENCRYPTED, MAGIC_ENCRYPTED_V1))


def encrypt(data: bytes, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps({"kdf": "scrypt", **_SCRYPT, "salt": salt.hex(), "nonce": nonce.hex()}).encode()
    sealed = AESGCM(_key(passphrase, salt, _SCRYPT)).encrypt(nonce, data, header)
    return MAGIC_ENCRYPTED + len(header).to_bytes(4, "big") + header + sealed


def decrypt(blob: bytes, passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    magic = MAGIC_ENCRYPTED if blob.startswith(MAGIC_ENCRYPTED) else MAGIC_ENCRYPTED_V1
    rest = blob[len(magic) :]
    size = int.from_bytes(rest[:4], "big")
    if len(rest) < 4 or not 0 < size <= min(_HEADER_MAX_BYTES, len(rest) - 4):
        raise BackupRefused("This backup's header is damaged or not from amends. Nothing was changed.")
    header, sealed = rest[4 : 4 + size], rest[4 + size :]
    params, salt, nonce = _read_header(header, magic)
    try:
        return AESGCM(_key(passphrase, salt, params)).decrypt(nonce, sealed, header)
    except InvalidTag as exc:
        raise BackupRefused(
            "Cannot decrypt this backup: wrong passphrase, or the file was altered. Nothing was changed."
        ) from exc


def _read_header(header: bytes, magic: bytes) -> tuple[dict[str, int], bytes, bytes]:
    """The scrypt parameters, salt and nonce, or a refusal when any of them is out of bounds."""
    damaged = BackupRefused("This backup's header is damaged or not from amends. Nothing was changed.")
    try:
        params = json.loads(header)
    except (ValueError, RecursionError) as exc:
        raise damaged from exc
    if not isinstance(params, dict) or set(params) != _HEADER_KEYS or params["kdf"] != "scrypt":
        raise damaged
    numbers = {k: params[k] for k in ("n", "r", "p")}
    if any(type(v) is not int for v in numbers.values()):
        raise damaged
    low, high = _SCRYPT_N_RANGE[magic]
    n = numbers["n"]
    if not (low <= n <= high and n & (n - 1) == 0 and numbers["r"] == 8 and numbers["p"] == 1):
        raise BackupRefused(
            f"This backup asks for scrypt parameters amends never writes (N={n}, r={numbers['r']}, "
            f"p={numbers['p']}); it was altered. Nothing was changed."
        )
    try:
        salt, nonce = bytes.fromhex(str(params["salt"])), bytes.fromhex(str(params["nonce"]))
    except ValueError as exc:
        raise damaged from exc
    if len(salt) != 16 or len(nonce) != 12:
        raise damaged
    return numbers, salt, nonce


def _key(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=32, n=params["n"], r=params["r"], p=params["p"])
    return kdf.derive(passphrase.encode("utf-8"))


def _passphrase(passphrase_file: Path | None, ask: bool, confirm: bool) -> str | None:
    if passphrase_file is not None:
        text = passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
        if not text:
            raise click.ClickException(f"{passphrase_file} is empty; put the passphrase on its first line.")
        return text
    if ask:
        return str(click.prompt("Backup passphrase", hide_input=True, confirmation_prompt=confirm))
    return None


# -- the database behind Django ----------------------------------------------------------------------


def _database() -> dict[str, Any]:
    from django.db import connections

    return dict(connections["default"].settings_dict)


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"PGHOST": str(db.get("HOST") or "localhost"), "PGPORT": str(db.get("PORT") or 5432)})
    env.update({"PGUSER": str(db.get("USER") or ""), "PGDATABASE": str(db["NAME"])})
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _run(cmd: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    if shutil.which(cmd[0]) is None:
        raise click.ClickException(f"{cmd[0]} is not installed; install PostgreSQL's client tools.")
    result = subprocess.run(cmd, env=env, capture_output=True, check=False)
    if result.returncode != 0:
        raise click.ClickException(f"{cmd[0]} failed: {result.stderr.decode(errors='replace').strip()}")
    return result


def _snapshot(db: dict[str, Any], into: Path) -> None:
    if db["ENGINE"].endswith("sqlite3"):
        source = sqlite3.connect(str(db["NAME"]), timeout=20)
        target = sqlite3.connect(str(into))
        try:
            with target:
                source.backup(target)
        finally:
            target.close()
            source.close()
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={into}"], _pg_env(db))


# -- commands -------------------------------------------------------------------------------------


@click.command()
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), help="Where to write the snapshot.")
@click.option(
    "--passphrase-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Encrypt with the passphrase on this file's first line.",
)
@click.option("--encrypt", is_flag=True, help="Encrypt with a passphrase asked for on the terminal.")
def backup(out: Path | None, passphrase_file: Path | None, encrypt: bool) -> None:
    """Take a consistent snapshot of the database while the app keeps running.

    The file is written under a temporary name and renamed when complete, with mode 0600.
    Default location: $AMENDS_HOME/backups/.

    \b
    Examples:
      amends backup
      amends backup --out /srv/backups/amends.sqlite3 --encrypt
      amends backup --out nightly.bak --passphrase-file /etc/amends/backup-passphrase
    """
    setup_django()
    passphrase = _passphrase(passphrase_file, encrypt, confirm=True)
    db = _database()
    sqlite = db["ENGINE"].endswith("sqlite3")
    out = out or _default_out(sqlite, passphrase is not None)
    out.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".amends-backup-") as work:
        plain = Path(work) / "snapshot"
        _snapshot(db, plain)
        data = plain.read_bytes()
        if passphrase is not None:
            data = encrypt_bytes(data, passphrase)
        part = Path(work) / "out"
        write_private(part, data)
        os.replace(part, out)
    kind = "SQLite" if sqlite else "PostgreSQL"
    sealed = ", encrypted" if passphrase else ""
    click.echo(f"Backed up {kind} to {out} ({len(data):,} bytes{sealed}) in {time.monotonic() - started:.2f} s.")


encrypt_bytes = encrypt  # the flag named ``encrypt`` shadows the function inside ``backup``


def _default_out(sqlite: bool, encrypted: bool) -> Path:
    from django.conf import settings

    suffix = (".sqlite3" if sqlite else ".pgdump") + (".enc" if encrypted else "")
    return _stamped(Path(settings.HOME) / "backups", "amends", suffix)


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def _stamped(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem-<date-time><suffix>``, numbered when a file of that second is there already: two backups or
    restores in one second must not overwrite the first one's file."""
    base = f"{stem}-{_stamp()}"
    path, n = folder / f"{base}{suffix}", 2
    while path.exists():
        path, n = folder / f"{base}-{n}{suffix}", n + 1
    return path


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--passphrase-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Passphrase for an encrypted backup (asked for on the terminal otherwise).",
)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore(file: Path, passphrase_file: Path | None, yes: bool) -> None:
    """Replace the database with a snapshot from ``amends backup``, after checking the snapshot.

    Nothing is replaced unless the file decrypts, authenticates and passes the database's own
    integrity check. For SQLite, the data being replaced is first saved under
    $AMENDS_HOME/backups/pre-restore-*.sqlite3.

    \b
    Examples:
      amends restore ~/amends-data/backups/amends-20250101-120000.sqlite3
      amends restore nightly.bak --passphrase-file /etc/amends/backup-passphrase --yes
    """
    setup_django()
    started = time.monotonic()
    data = file.read_bytes()
    passphrase = None
    if is_encrypted(data):
        passphrase = _passphrase(passphrase_file, True, confirm=False) or ""
        data = decrypt(data, passphrase)
    db = _database()
    sqlite = db["ENGINE"].endswith("sqlite3")
    with tempfile.TemporaryDirectory(prefix="amends-restore-") as work:
        snapshot = Path(work) / "snapshot"
        snapshot.write_bytes(data)
        if sqlite:
            _validate_sqlite(snapshot, data)
        else:
            _validate_pgdump(snapshot, data, db)
        if not yes:
            click.confirm(f"Replace the current database with {file.name}?", abort=True)
        if sqlite:
            _restore_sqlite(snapshot, db, passphrase)
        else:
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    f"--dbname={db['NAME']}",
                    str(snapshot),
                ],
                _pg_env(db),
            )
    _refresh_statistics()
    click.echo(f"Restored {file.name} in {time.monotonic() - started:.2f} s.")


def _refresh_statistics() -> None:
    """Fresh planner statistics for the restored data, on a new connection to the new database:
    until they exist the planner thinks the tables are empty and picks slow plans."""
    from django.db import connection

    from amends.services.maintenance import refresh_statistics

    connection.close()
    refresh_statistics()


def _validate_sqlite(snapshot: Path, data: bytes) -> None:
    if not data.startswith(MAGIC_SQLITE):
        kind = "a PostgreSQL dump" if data.startswith(MAGIC_PGDUMP) else "not an amends backup"
        raise BackupRefused(f"This file is {kind}; this amends uses SQLite. Nothing was changed.")
    wrong_length = _sqlite_length_problem(data)
    if wrong_length:
        raise BackupRefused(f"The backup is damaged: {wrong_length}. Nothing was changed.")
    try:
        conn = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(f"The backup is damaged ({exc}). Nothing was changed.") from exc
    if ok != "ok":
        raise BackupRefused(f"The backup failed SQLite's integrity check ({ok}). Nothing was changed.")
    if "django_migrations" not in tables:
        raise BackupRefused("This SQLite file is not an amends database. Nothing was changed.")


def _sqlite_length_problem(data: bytes) -> str | None:
    """Why the file is not the whole database its header describes, or None.

    A SQLite file is whole pages, as many as its header counts. The integrity check reads only the
    pages the database uses, so a copy cut short inside an unused page, or a damaged free page,
    can pass it; the length cannot."""
    if len(data) < 100:
        return "it is shorter than a SQLite header"
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or len(data) % page_size:
        return f"its {len(data)} bytes are not whole pages of {page_size} bytes (it was cut short or added to)"
    pages = int.from_bytes(data[28:32], "big")
    counted = data[92:96] == data[24:28]  # the header's page count is valid only when these agree
    if counted and pages * page_size != len(data):
        return f"it holds {len(data) // page_size} pages where its header counts {pages}"
    return None


def _validate_pgdump(snapshot: Path, data: bytes, db: dict[str, Any]) -> None:
    if not data.startswith(MAGIC_PGDUMP):
        kind = "a SQLite database" if data.startswith(MAGIC_SQLITE) else "not an amends backup"
        raise BackupRefused(f"This file is {kind}; this amends uses PostgreSQL. Nothing was changed.")
    try:
        listing = _run(["pg_restore", "--list", str(snapshot)], _pg_env(db)).stdout.decode(errors="replace")
        # Reading every data block to /dev/null finds damage past the table of contents, touching no database.
        _run(["pg_restore", "--file=/dev/null", str(snapshot)], _pg_env(db))
    except click.ClickException as exc:
        raise BackupRefused(f"The backup is damaged ({exc.message}). Nothing was changed.") from exc
    if "django_migrations" not in listing:
        raise BackupRefused("This dump is not of an amends database. Nothing was changed.")


def _restore_sqlite(snapshot: Path, db: dict[str, Any], passphrase: str | None) -> None:
    from django.conf import settings
    from django.db import connections

    connections.close_all()
    # The data being replaced is kept aside, sealed with the same passphrase when the backup was:
    # someone who encrypts their backups must not find a plain copy left next to them.
    suffix = ".sqlite3.enc" if passphrase is not None else ".sqlite3"
    keep = _stamped(Path(settings.HOME) / "backups", "pre-restore", suffix)
    keep.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with tempfile.TemporaryDirectory(dir=keep.parent, prefix=".amends-pre-restore-") as work:
        plain = Path(work) / "snapshot"
        _snapshot(db, plain)
        data = plain.read_bytes()
    write_private(keep, encrypt(data, passphrase) if passphrase is not None else data)
    # The backup API copies into the live file under one write lock, so running workers see either
    # the old database or the new one, and the WAL stays consistent.
    source = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
    target = sqlite3.connect(str(db["NAME"]), timeout=20)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
