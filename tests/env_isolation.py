"""Loaded with -p before Django: every test run, and every xdist worker in it, gets its own data directory."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Settings read AMENDS_HOME at import, so isolate it before Django loads. xdist sets PYTEST_XDIST_WORKER
# before a worker loads its plugins; each worker gets a folder of its own under the run's directory.
_home = os.environ.get("AMENDS_HOME") or tempfile.mkdtemp(prefix="amends-test-home-")
_worker = os.environ.get("PYTEST_XDIST_WORKER")
if _worker:
    _home = str(Path(_home) / _worker)
    Path(_home).mkdir(mode=0o700, parents=True, exist_ok=True)
os.environ["AMENDS_HOME"] = _home
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
