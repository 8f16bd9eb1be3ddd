"""The core library never imports Django: checked by reading every core module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = ["coach", "journey", "ledger", "measures", "safety"]
SRC = Path(__file__).resolve().parents[2] / "src" / "amends"


def _modules() -> list[Path]:
    return [p for package in CORE for p in sorted((SRC / package).rglob("*.py"))]


@pytest.mark.parametrize("module", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_core_module_does_not_import_django(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert not name.startswith(("django", "amends.web", "amends.services")), f"{module}: {name}"
