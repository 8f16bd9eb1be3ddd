"""Evaluate the crisis-language detector: real posts first, then our own sentences.

Real posts (labelled per post by ../shared/design/LABELLING.md section 3; a post flags when any of
its sentences does): ``crisis_real_cssrs.jsonl`` (C-SSRS Reddit, Gaur et al. 2019, CC BY) and
``crisis_real_dv.jsonl`` (r/domesticviolence, r/abusiverelationships), each split into ``dev``
(trained and tuned on) and ``held`` (never read while tuning: the honest measure), and ``fresh`` (595 more
posts labelled later, also never trained or tuned on: a second honest measure), plus
``crisis_relctx.jsonl``, relationship-context texts written by the team, split the same way.
The target set is the held real posts plus the held relationship-context texts.

Run: ``.venv/bin/python -m eval.safety [--misses]``. Prints recall and precision overall and per
type for the tune split (thresholds were set on it) and the held-out split (never tuned on),
plus the warm latency per text. ``--misses`` lists the tune split's errors only.

It also reports ``crisis_fresh.jsonl``, a second set written later in more varied voices
(texting style, typos, rambling messages, euphemism), split by a fixed hash of the text into
``fresh-tune`` (may be tuned on) and ``fresh-held`` (never tuned on, the honest measure). And
``crisis_social.jsonl``: 120 short social-media posts written by a second writer who never saw the
detector, split by position into ``social-tune`` and ``social-held`` (never tuned on).
``crisis_probe.jsonl``: repair-app texts two helpers wrote for stop 45, each part 140 hard non-crises and 60 quiet
crises: ``probe-tune`` was read once (44 of 60 caught, 15 false alarms) and then tuned on; ``probe-held`` was
written after the tuning and is never tuned on. Stop 59 added two more parts, written by helpers who saw neither the
detector nor any labelled set: ``probe59-tune`` (190 texts: a general set, one on someone else's risk and one in the
app's own boxes, each read once and then tuned on) and ``probe59-held`` (80 texts written after that tuning,
never tuned on). Stop 60 added two sets by one such helper, each split in halves before any line was read: texts in
the app's own boxes and long forum-style posts, ``probe60-tune`` (100, read and then tuned on) and ``probe60-held``
(100, read once before any change and never tuned on). Stop 61 added one more, on someone else's risk in the app's
register (a partner's crisis after a disclosure, a relative hurt by their partner), split in halves before any line was
read: ``probe61-tune`` (100, read and then tuned on) and ``probe61-held`` (100, never tuned on); and a second
helper's set on whose risk a sentence tells (the writer's or a partner's), ``probe61w-tune`` and ``probe61w-held``.
Stop 62 added one on whose body a harm lands (self-harm told beside a partner, blows dealt, blows taken, violence seen
or heard), 80 and 80, ``probe62-tune`` and ``probe62-held``, and a second helper's on self-injury told without the
stock words, 70 and 70, ``probe62b-tune`` and ``probe62b-held``, each split before any line was read. Stop 63 added
one on abuse told as a question or as a story spread over sentences, with someone else's abuse and abuse long over as
look-alikes, 70 and 70, ``probe63-tune`` and ``probe63-held``, split by the helper before any line was read.
``--misses`` lists the errors of ``fresh-tune`` too, never those of ``fresh-held``.

It also reports the false-alarm rate on ordinary repair writing, which is what users type all
day: the share of texts with ``action != "none"``. ``apologies.jsonl`` ("text") is the tuning
set of hard negatives; ``replies.jsonl`` ("partner" and "text") is held out and only ever
reported in aggregate. ``--misses`` lists false alarms on the apologies (tune) set only.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable
from typing import Any

from amends.coach.text import looks_english
from amends.safety.detector import scan_safety
from amends.safety.lexicon import FLAG_TYPES, THIRD_PARTY
from eval.paths import EXAMPLES


def load(name: str = "crisis_sentences.jsonl") -> list[dict[str, Any]]:
    with open(EXAMPLES / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


FRESH_SPLITS = ("fresh-tune", "fresh-held")
# Short social-media posts by a second writer who never saw the detector (stop 36), split by position.
SOCIAL_SPLITS = ("social-tune", "social-held")


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f} ({num}/{den})" if den else "n/a"


def report(rows: Iterable[tuple[dict[str, Any], frozenset[str]]], title: str) -> None:
    """Recall, precision and false alarms of the writer's own risk (FLAG_TYPES), then the third_party flag apart: a
    flag for someone else's risk is no alarm about the writer, and a text labelled only third_party is no crisis."""
    rows = list(rows)
    others = [(r, got) for r, got in rows if THIRD_PARTY in r["types"] or THIRD_PARTY in got]
    rows = [(r, got & frozenset(FLAG_TYPES)) for r, got in rows]
    tp = sum(1 for r, got in rows if r["flag"] and got)
    fp = sum(1 for r, got in rows if not r["flag"] and got)
    pos = sum(1 for r, _ in rows if r["flag"])
    print(f"\n== {title}: {len(rows)} texts ==")
    print(
        f"  overall  recall {_ratio(tp, pos)}  precision {_ratio(tp, tp + fp)}"
        f"  false alarms {_ratio(fp, len(rows) - pos)}"
    )
    for kind in FLAG_TYPES:
        want = [(r, got) for r, got in rows if kind in r["types"]]
        hit = sum(1 for _, got in want if kind in got)
        said = [(r, got) for r, got in rows if kind in got]
        right = sum(1 for r, _ in said if kind in r["types"])
        print(f"  {kind:<19} recall {_ratio(hit, len(want))}  precision {_ratio(right, len(said))}")
    if others:
        hit = sum(1 for r, got in others if THIRD_PARTY in r["types"] and THIRD_PARTY in got)
        want = sum(1 for r, _ in others if THIRD_PARTY in r["types"])
        said = sum(1 for _, got in others if THIRD_PARTY in got)
        print(f"  {THIRD_PARTY:<19} recall {_ratio(hit, want)}  precision {_ratio(hit, said)}  (someone else at risk)")


# Ordinary repair writing: (file, fields holding a text, split). Every text in it is a negative.
REPAIR_SETS = (("apologies.jsonl", ("text",), "tune"), ("replies.jsonl", ("partner", "text"), "heldout"))


def repair_texts(name: str, fields: tuple[str, ...]) -> list[str]:
    with open(EXAMPLES / name, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r[f] for r in rows for f in fields if isinstance(r.get(f), str) and r[f].strip()]


def false_alarms(texts: list[str]) -> tuple[list[str], dict[str, int]]:
    """The texts that raised any action, and how many raised each flag type."""
    alarmed: list[str] = []
    by_type: dict[str, int] = dict.fromkeys((*FLAG_TYPES, THIRD_PARTY), 0)
    for text in texts:
        got = scan_safety(text)
        if got.action != "none":
            alarmed.append(text)
            for kind in got.types:
                by_type[kind] += 1
    return alarmed, by_type


REAL_SETS = (("cssrs", "crisis_real_cssrs.jsonl"), ("dv", "crisis_real_dv.jsonl"))
REPAIR_FRESH = ("apologies_fresh.jsonl", ("text",), "heldout")
REPAIR_NOTES = (
    "repair_notes.jsonl",
    "repair_notes2.jsonl",
    "repair_notes3.jsonl",
    "repair_notes4.jsonl",
    "repair_notes5.jsonl",
)


# The tuning parts, in labelling order: real posts have dev to dev5, relationship-context texts dev to dev10.
DEV_SPLITS = ("dev", *(f"dev{n}" for n in range(2, 11)))


def _alarm_line(split: str, name: str, texts: list[str]) -> list[str]:
    """Print one set's false-alarm rate and its flag types; return the texts that raised an action."""
    alarmed, by_type = false_alarms(texts)
    kinds = "  ".join(f"{k} {n}" for k, n in by_type.items() if n)
    print(f"  {split:<8} {name:<22} {_ratio(len(alarmed), len(texts))}  {kinds}")
    return alarmed


def _scan_all(rows: list[dict[str, Any]]) -> list[tuple[dict[str, Any], frozenset[str]]]:
    return [(r, scan_safety(r["text"]).types) for r in rows]


def real_sections() -> tuple[list[tuple[str, list[tuple[dict[str, Any], frozenset[str]]]]], list[Any]]:
    """(title, results) for the real posts and the relationship-context texts, held before dev."""
    scanned = {name: _scan_all(load(path)) for name, path in REAL_SETS}
    relctx = _scan_all(load("crisis_relctx.jsonl"))
    sections = []
    for split in ("held", "held2", "held3", "fresh", *DEV_SPLITS):
        both: list[tuple[dict[str, Any], frozenset[str]]] = []
        for name, _ in REAL_SETS:
            part = [(r, g) for r, g in scanned[name] if r["split"] == split]
            sections.append((f"real {name} {split}", part))
            both += part
        sections.append((f"real cssrs+dv {split}", both))
        rel = [(r, g) for r, g in relctx if r["split"] == split]
        if rel:
            sections.append((f"relationship-context (own) {split}", rel))
        if split == "held":
            sections.append(("TARGET: real held + relationship-context held", both + rel))
    dev_rows = [pair for rows in (*scanned.values(), relctx) for pair in rows if pair[0]["split"] == "dev"]
    return [(title, rows) for title, rows in sections if rows], dev_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list errors on the dev and tune splits only")
    args = parser.parse_args()
    scan_safety("warm up the model")
    sections, real_dev = real_sections()
    print("targets: recall >= 0.95, false alarms <= 0.10, per-type recall >= 0.90")
    for title, rows in sections:
        report(rows, title)
    data = load()
    start = time.perf_counter()
    results = [(r, scan_safety(r["text"]).types) for r in data]
    per_text = (time.perf_counter() - start) / len(data) * 1000
    print("\n== older own sentence sets (written by the team; they flatter any detector) ==")
    for split in ("tune", "heldout"):
        report(((r, g) for r, g in results if r["split"] == split), f"crisis_sentences {split}")
    fresh = [(r, scan_safety(r["text"]).types) for r in load("crisis_fresh.jsonl")]
    for split in FRESH_SPLITS:
        report(((r, g) for r, g in fresh if r["split"] == split), f"crisis_fresh {split}")
    social = _scan_all(load("crisis_social.jsonl"))
    for split in SOCIAL_SPLITS:
        report(((r, g) for r, g in social if r["split"] == split), f"crisis_social {split} (a second writer)")
    classes = _scan_all(load("crisis_classes.jsonl"))
    report(classes, "crisis_classes (missed classes and hard negatives; trained on)")
    probe = _scan_all(load("crisis_probe.jsonl"))
    for split, how in (
        ("probe-tune", "read once, then tuned on"),
        ("probe-held", "never tuned on"),
        ("probe59-tune", "stop 59 helpers, read once, then tuned on"),
        ("probe59-held", "stop 59 helper, never tuned on"),
        ("probe60-tune", "stop 60 helper, read once, then tuned on"),
        ("probe60-held", "stop 60 helper, never tuned on"),
        ("probe61-tune", "stop 61 helper, someone else's risk, read once, then tuned on"),
        ("probe61-held", "stop 61 helper, someone else's risk, never tuned on"),
        ("probe61w-tune", "stop 61 second helper, whose risk, read once, then tuned on"),
        ("probe61w-held", "stop 61 second helper, whose risk, never tuned on"),
        ("probe62-tune", "stop 62 helper, whose body the harm lands on, read once, then tuned on"),
        ("probe62-held", "stop 62 helper, whose body the harm lands on, never tuned on"),
        ("probe62b-tune", "stop 62 second helper, self-injury in plain words, read once, then tuned on"),
        ("probe62b-held", "stop 62 second helper, self-injury in plain words, never tuned on"),
        ("probe63-tune", "stop 63 helper, abuse as questions and stories, read once, then tuned on"),
        ("probe63-held", "stop 63 helper, abuse as questions and stories, never tuned on"),
    ):
        report(((r, g) for r, g in probe if r["split"] == split), f"crisis_probe {split} ({how})")
    language_check()
    print(f"\nwarm latency: {per_text:.1f} ms per sentence")
    print("\n== false alarms on ordinary repair writing (action != none) ==")
    tune_alarms: list[str] = []
    for name, fields, split in (*REPAIR_SETS, REPAIR_FRESH):
        alarmed = _alarm_line(split, name, repair_texts(name, fields))
        if split == "tune":
            tune_alarms = alarmed
    # Commitments, check-in notes, argument logs, feeling statements and answers, written by us (sixth stop):
    # the held half is reported apart, as it was never read while the lexicon was tuned.
    for name in REPAIR_NOTES:
        notes = load(name)
        for split in ("tune", "held"):
            _alarm_line(split, name, [r["text"] for r in notes if r["split"] == split])
    if args.misses:  # never the held splits
        for r, got in real_dev + results + fresh + social + classes:
            if r["split"] in ("dev", "tune", "fresh-tune", "social-tune") and (
                bool(got & set(FLAG_TYPES)) != r["flag"] or not _want(r) <= got
            ):
                print(f"  MISS {r['id']} want={sorted(_want(r))} got={sorted(got)}: {r['text'][:300]!r}")
        for text in tune_alarms:
            print(f"  FALSE ALARM (apologies): {text}")


def language_check() -> None:
    """Short messages in other languages must not pass as English (the crisis page then shows the region's
    line with a note that amends reads English only), and English with names, loanwords and slang must.
    ``language_probe.jsonl``, three helpers' sets: ``probe-tune`` read and fixed against; ``probe-held`` never
    read, though a second pass added words of the languages its brief named; ``probe-held2`` written after both
    passes and never fixed against."""
    rows = load("language_probe.jsonl")
    print("\n== language check: short messages (written by helpers) ==")
    for split in ("probe-tune", "probe-held", "probe-held2"):
        part = [r for r in rows if r["split"] == split]
        foreign = [r for r in part if not r["english"]]
        english = [r for r in part if r["english"]]
        passed = sum(1 for r in foreign if looks_english(r["text"]))
        refused = sum(1 for r in english if not looks_english(r["text"]))
        print(
            f"  {split:<11} other languages read as English {_ratio(passed, len(foreign))}"
            f"  English refused {_ratio(refused, len(english))}"
        )


def _want(r: dict[str, Any]) -> set[str]:
    return set(r["types"]) & set(FLAG_TYPES)


if __name__ == "__main__":
    main()
