"""Loaded with -p before Django: every test run gets its own data directory."""

from __future__ import annotations

import os
import tempfile

# Settings read AMENDS_HOME at import, so isolate it before Django loads.
os.environ.setdefault("AMENDS_HOME", tempfile.mkdtemp(prefix="amends-test-home-"))
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
