"""Where the shared datasets live: ``../shared/data`` beside the repository, or $AMENDS_SHARED_DATA."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("AMENDS_SHARED_DATA", REPO.parent / "shared" / "data"))
EXAMPLES = REPO / "tests" / "examples"
