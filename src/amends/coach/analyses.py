"""The coach's kinds of analysis, by name, so the CLI batch, the API and the web share one table."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any


@dataclass(frozen=True)
class Analysis:
    name: str
    module: str
    function: str
    # input field -> keyword argument of the analyser; the first field is the main text
    fields: tuple[tuple[str, str], ...]
    required: tuple[str, ...]
    # optional function of ``module`` taking a list of input records (already parsed) that
    # batch-embeds, ahead of time, the texts the analyser will embed for them; batch runs call it
    prewarm: str | None = None

    def analyser(self) -> Callable[..., Any]:
        return getattr(import_module(self.module), self.function)  # type: ignore[no-any-return]

    def warm(self, records: Sequence[Mapping[str, Any]]) -> None:
        """Run the prewarm hook, if any, over records about to be analysed one by one."""
        if self.prewarm is not None and records:
            getattr(import_module(self.module), self.prewarm)(list(records))

    def run(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """Analyse one input record (already parsed) and return the JSON-ready result."""
        for name in self.required:
            if name not in record or record[name] is None:
                raise ValueError(f"missing the text field '{name}'")
            if not isinstance(record[name], str):
                kind = type(record[name]).__name__
                raise ValueError(f"the field '{name}' must be text (a string in quotes), not {kind}")
        kwargs = {arg: record.get(field) for field, arg in self.fields if record.get(field) is not None}
        return self.analyser()(**kwargs).to_dict()  # type: ignore[no-any-return]


ANALYSES: dict[str, Analysis] = {
    "apology": Analysis(
        "apology",
        "amends.coach.apology",
        "analyze_apology",
        (("text", "text"), ("mistake", "mistake")),
        ("text",),
        prewarm="prewarm",
    ),
    "emotions": Analysis(
        "emotions", "amends.coach.emotions", "read_emotions", (("text", "text"),), ("text",), prewarm="prewarm"
    ),
    "reply": Analysis(
        "reply",
        "amends.coach.reply",
        "analyze_reply",
        (("partner", "partner_message"), ("text", "reply")),
        ("text",),
        prewarm="prewarm",
    ),
    "safety": Analysis("safety", "amends.safety.detector", "scan_safety", (("text", "text"),), ("text",)),
}
