"""Warm the embedding cache for the public data: ``python -m train.embed_all``."""

from __future__ import annotations

from amends.coach.embed import INT8
from train.cache import cached_embed
from train.data import annomi_therapist, goemotions


def main() -> None:
    for split in ("dev", "train"):
        texts, _ = goemotions(split)
        cached_embed(f"goemotions-{split}", texts, model=INT8, with_max=True)
    rows = annomi_therapist()
    cached_embed("annomi-therapist", [r[1] for r in rows], model=INT8)


if __name__ == "__main__":
    main()
