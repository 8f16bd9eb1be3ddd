"""Where amends keeps a user's data: one directory, movable with $AMENDS_HOME."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    """The data directory ($AMENDS_HOME, else the platform's user-data dir), created private (0700)."""
    configured = os.environ.get("AMENDS_HOME")
    path = Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir("amends"))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def secret_key(directory: Path | None = None) -> str:
    """Read the app's secret key, generating it on first use as a file only the owner can read."""
    path = (directory or data_dir()) / "secret_key"
    if not path.exists():
        # O_EXCL: two workers starting at once must not write two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def make_private(path: Path) -> Path:
    """Create ``path`` empty if missing, and leave it readable by its owner only (0600).

    The folder's mode is not relied on: AMENDS_HOME may already exist as 0755, and other local users
    must still not read a couple's data. SQLite gives its -wal and -shm files the mode of the
    database file, so creating the database this way covers them too.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.fchmod(fd, 0o600)  # an existing file keeps its old mode through os.open
    finally:
        os.close(fd)
    for suffix in ("-wal", "-shm", "-journal"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.chmod(0o600)
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` with mode 0600, whatever mode an earlier file there had."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(handle.fileno(), 0o600)
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
