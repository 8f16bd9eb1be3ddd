"""Every environment setting is documented, in the datasette style."""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def test_every_environment_setting_is_documented() -> None:
    from amends.web.settings import ENVIRONMENT

    text = DOCS.read_text()
    for name in ENVIRONMENT:
        assert f"`{name}`" in text, name


def test_readme_shows_the_two_commands() -> None:
    readme = (DOCS.parent.parent / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    assert "docs/screenshots/" in readme
