"""``analyze_apology``: the one entry point the CLI, API and web share."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from amends.coach import embed
from amends.coach.apology import advice, scoring
from amends.coach.apology.doc import Doc, build_doc
from amends.coach.apology.elements import ELEMENT_NAMES, apology_words, detect
from amends.coach.apology.report import ApologyReport
from amends.coach.apology.rules import run_rules
from amends.coach.apology.specificity import embedded_texts
from amends.coach.results import Element
from amends.coach.text import TextRejected, check_text


def analyze_apology(text: str, *, mistake: str | None = None) -> ApologyReport:
    """Check an apology draft: which elements it has, what weakens it, and what to add.

    ``mistake`` is the writer's own description of what they did; when given, the
    specificity element asks whether the apology actually names it. Raises
    :class:`amends.coach.text.TextRejected` for text the coach cannot read.

    >>> analyze_apology("I'm sorry if you were hurt.").verdict
    'non_apology'
    """
    doc = _document(text, mistake)
    mistake = doc.mistake
    elements = detect(doc)
    findings = run_rules(doc)
    taken_back = elements["responsibility"].present and any(f.rule in scoring.UNOWNING for f in findings)
    if taken_back:
        elements["responsibility"] = Element("responsibility", False)  # owned, then taken back
    missing = scoring.missing(elements)
    verdict = scoring.verdict(elements, findings, apology_words(doc, elements))
    return ApologyReport(
        text=text,
        mistake=mistake,
        verdict=verdict,
        score=scoring.score(elements, findings, verdict),
        elements=tuple(elements[name] for name in ELEMENT_NAMES),
        findings=tuple(findings),
        suggestions=advice.suggestions(doc, elements, findings, missing, taken_back=taken_back),
        missing=missing,
        outline=advice.outline(doc, elements, findings),
    )


def _document(text: str, mistake: str | None) -> Doc:
    """The checked text and mistake, ready for matching; a blank mistake counts as none. Raises
    :class:`amends.coach.text.TextRejected` for text the coach cannot read."""
    check_text(text, what="apology")
    if isinstance(mistake, str) and not mistake.strip():
        mistake = None
    if mistake is not None:  # anything else that is not text is rejected, with a message, like the draft
        mistake = check_text(mistake, what="mistake")
    return build_doc(text, mistake)


def prewarm(records: Iterable[Mapping[str, Any]]) -> int:
    """Batch-embed, for these batch records (``text`` and ``mistake`` fields), every text
    :func:`analyze_apology` will embed: only records with a mistake whose words no sentence reuses.
    The analysis then finds them in the embedding cache. A record the coach cannot read is left
    for its own analysis to report."""
    texts: list[str] = []
    for record in records:
        text, mistake = record.get("text"), record.get("mistake")
        if not (isinstance(text, str) and isinstance(mistake, str)):
            continue
        try:
            texts += embedded_texts(_document(text, mistake))
        except TextRejected:
            continue
    return embed.prewarm(texts, model=embed.FLOAT)
