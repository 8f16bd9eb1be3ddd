"""The apology report: an immutable value that serialises to the JSON contract."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from amends.coach.apology.scoring import LABELS
from amends.coach.results import Element, Finding


@dataclass(frozen=True)
class ApologyReport:
    """What the coach found in one apology. Build it with :func:`analyze_apology`."""

    text: str
    verdict: str  # "strong" | "partial" | "non_apology" | "no_apology"
    score: int  # 0-100
    elements: tuple[Element, ...]
    findings: tuple[Finding, ...]
    suggestions: tuple[str, ...]
    missing: tuple[str, ...]
    outline: tuple[str, ...]
    mistake: str | None = None

    def element(self, name: str) -> Element:
        for element in self.elements:
            if element.name == name:
                return element
        raise KeyError(name)

    @property
    def present(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.elements if e.present)

    @property
    def label(self) -> str:
        """What the verdict is called wherever a person reads it (one label per verdict)."""
        return LABELS[self.verdict]

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.rule for f in self.findings))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "apology",
            "text": self.text,
            "mistake": self.mistake,
            "verdict": self.verdict,
            "label": self.label,
            "score": self.score,
            "elements": {e.name: e.to_dict() for e in self.elements},
            "findings": [f.to_dict() for f in self.findings],
            "suggestions": list(self.suggestions),
            "missing": list(self.missing),
            "outline": list(self.outline),
            "sources": sorted({f.source for f in self.findings if f.source}),
        }
