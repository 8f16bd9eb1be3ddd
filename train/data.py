"""Readers for the shared training data (GoEmotions, AnnoMI) and our own labelled examples."""

from __future__ import annotations

import csv
import json
import random
from collections import defaultdict
from pathlib import Path

import numpy as np
from eval.paths import EXAMPLES, SHARED_DATA

GOEMOTIONS = SHARED_DATA / "goemotions"
ANNOMI = SHARED_DATA / "annomi" / "AnnoMI-full.csv"


def emotion_names() -> list[str]:
    return (GOEMOTIONS / "emotions.txt").read_text(encoding="utf-8").split()


def goemotions(split: str) -> tuple[list[str], np.ndarray]:
    """Texts and a (n, 28) 0/1 label matrix for ``train`` or ``dev``."""
    texts, rows = [], []
    n = len(emotion_names())
    with open(GOEMOTIONS / f"{split}.tsv", encoding="utf-8") as handle:
        for line in handle:
            text, ids, _ = line.rstrip("\n").split("\t")
            row = np.zeros(n, dtype=np.int8)
            row[[int(i) for i in ids.split(",")]] = 1
            texts.append(text)
            rows.append(row)
    return texts, np.stack(rows)


def annomi_therapist() -> list[tuple[str, str, int, int]]:
    """(transcript_id, text, is_reflection, is_open_question) per therapist utterance.

    AnnoMI-full has one row per annotator; an utterance counts as a reflection (or an
    open question) when at least half of its annotators said so.
    """
    votes: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    texts: dict[tuple[str, str], str] = {}
    with open(ANNOMI, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["interlocutor"] != "therapist":
                continue
            key = (row["transcript_id"], row["utterance_id"])
            texts[key] = row["utterance_text"]
            votes[key].append((int(row["reflection_exists"] == "True"), int(row["question_subtype"] == "open")))
    out = []
    for key, vs in votes.items():
        refl = int(2 * sum(v[0] for v in vs) >= len(vs))
        openq = int(2 * sum(v[1] for v in vs) >= len(vs))
        out.append((key[0], texts[key], refl, openq))
    return out


def transcript_split(ids: list[str], seed: int = 7) -> dict[str, str]:
    """Assign whole transcripts to train (70%), dev (15%) or test (15%)."""
    unique = sorted(set(ids), key=int)
    random.Random(seed).shuffle(unique)
    n = len(unique)
    cut1, cut2 = int(0.7 * n), int(0.85 * n)
    return {t: ("train" if i < cut1 else "dev" if i < cut2 else "test") for i, t in enumerate(unique)}


def replies(path: Path | None = None) -> list[dict]:
    with open(path or EXAMPLES / "replies.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def is_heldout(example_id: str) -> bool:
    """Our own examples whose id hash falls in the last fifth are never trained on."""
    import hashlib

    return int(hashlib.sha1(example_id.encode()).hexdigest(), 16) % 5 == 0
