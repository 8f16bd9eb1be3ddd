"""The stylesheets' width rules change layout only.

The browser tests run axe at phone width alone (tests/browser/test_phone_pages.py). That holds only
while a width rule never hides or shows anything and never changes a colour: then every element axe
reads at 1280 px is there, with the same colours, at 360 px, where targets and spacing are smallest.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "src" / "amends" / "web" / "static" / "amends"
# Properties that decide whether something is shown, or how it reads against its background.
_SHOWN_OR_COLOURED = re.compile(
    r"(?<![\w-])(display\s*:\s*none|visibility|opacity|content|color|background|border-color|outline-color|filter)\b"
)


def width_rules(css: str) -> list[str]:
    """The bodies of the ``@media`` rules whose condition names a width."""
    bodies = []
    for match in re.finditer(r"@media([^{]*)\{", css):
        if "width" not in match.group(1):
            continue
        depth, at = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(css[at], 0)
            at += 1
        bodies.append(css[match.end() : at - 1])
    return bodies


@pytest.mark.parametrize("sheet", sorted(p.name for p in STATIC.glob("*.css")))
def test_no_width_rule_hides_shows_or_recolours_anything(sheet: str) -> None:
    css = re.sub(r"/\*.*?\*/", "", (STATIC / sheet).read_text(), flags=re.S)
    found = [m.group(0) for body in width_rules(css) for m in _SHOWN_OR_COLOURED.finditer(body)]
    assert not found, f"{sheet}: a width rule sets {found}; run axe at every width in test_phone_pages.py"


def test_the_check_reads_a_width_rule_that_hides_something() -> None:
    css = "a { color: red } @media (max-width: 600px) { nav { display: none } .x { padding: 0 } } @media print { b {} }"
    assert [_SHOWN_OR_COLOURED.findall(body) for body in width_rules(css)] == [["display: none"]]
    assert not _SHOWN_OR_COLOURED.search("main { padding: 1rem .9rem 3rem; font-size: 16px; gap: .9rem }")
