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
