"""Does the apology name the behaviour the writer said they are apologising for?

Word overlap first (cheap, and exact when the writer reuses their own words); sentence
embeddings only when overlap is unsure, all sentences of the text embedded in one call, so
the common case costs no model time (the p50 budget is 10 ms; one embedding is about 7 ms).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc, normalise
from amends.coach.embed import FLOAT, embed_cached, embed_one
from amends.coach.results import Span

_WORD = re.compile(r"[a-z][a-z'-]*")
# Cosine similarity between a sentence and the mistake above which the sentence is taken to
# name it (all-MiniLM-L6-v2; paraphrases of one act score ~0.5-0.8, unrelated apology lines < 0.35).
SIMILARITY_THRESHOLD = 0.5
# A sentence that names what the writer did speaks in the first person or around "sorry";
# embedding only those, and at most a few, keeps a call within the latency budget.
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|my|sorry|apologi[sz]e)\b")
MAX_EMBEDDED = 4


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    return dict(line.split(maxsplit=1) for line in lexicon.read_lines("irregular"))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A lemma-ish stem: irregular table, then common suffixes (missed/missing/misses -> miss)."""
    word = word.strip("'-")
    irregular = _irregular()
    if word in irregular:
        return irregular[word]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: len(word) - len(suffix)] + repl
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # stopped -> stopp -> stop
            return irregular.get(base, base)
    return word


def content_stems(text: str) -> set[str]:
    stop = lexicon.words("stopwords")
    return {stem(w) for w in _WORD.findall(normalise(text)) if w not in stop and len(w) > 1}


@lru_cache(maxsize=1)
def _act_families() -> dict[str, str]:
    """Stem -> family of ``act_families.txt``: words that name the same kind of act ("affair", "cheated")."""
    out: dict[str, str] = {}
    for line in lexicon.read_lines("act_families"):
        family, _, words = line.partition(":")
        out.update((stem(word), family.strip()) for word in words.split())
    return out


def act_families(stems: set[str]) -> set[str]:
    families = _act_families()
    return {families[s] for s in stems if s in families}


def _overlap_spans(doc: Doc, wanted: set[str]) -> tuple[list[Span], list[Span]]:
    """Sentences that share enough content words with the mistake, and ones that share some."""
    need = 1 if len(wanted) <= 2 else 2
    wanted_acts = act_families(wanted)
    strong, weak = [], []
    for span in doc.sentences:
        if doc.in_quote(span):
            continue
        stems = content_stems(doc.text[span[0] : span[1]])
        shared = stems & wanted
        if len(shared) >= need or act_families(stems) & wanted_acts:  # the same kind of act, in other words
            strong.append(span)
        elif shared:
            weak.append(span)
    return strong, weak


def _similar_spans(doc: Doc, candidates: list[Span]) -> Iterator[Span]:
    assert doc.mistake is not None
    target = embed_one(doc.mistake.strip(), model=FLOAT)
    # Cached: a batch run embeds these ahead of time, all texts at once (see :func:`embedded_texts`).
    vectors = embed_cached([doc.text[s:e] for s, e in candidates], model=FLOAT)
    for span, vec in zip(candidates, vectors, strict=True):
        if float(vec @ target) >= SIMILARITY_THRESHOLD:
            yield span


def _candidates(doc: Doc) -> tuple[list[Span], list[Span]]:
    """Sentences that reuse the mistake's words, and, when none does, the few to compare by meaning."""
    assert doc.mistake is not None
    strong, weak = _overlap_spans(doc, content_stems(doc.mistake))
    if strong:
        return strong, []
    # No sentence reuses the writer's words: a paraphrase may still name the act.
    candidates = weak or [s for s in doc.sentences if not doc.in_quote(s) and _FIRST_PERSON.search(doc.norm, *s)]
    return [], candidates[:MAX_EMBEDDED]


def mistake_spans(doc: Doc) -> Iterator[Span]:
    """Sentences of the apology that name the mistake (``doc.mistake`` must be set)."""
    strong, candidates = _candidates(doc)
    yield from strong
    if candidates:
        yield from _similar_spans(doc, candidates)


def embedded_texts(doc: Doc) -> list[str]:
    """The texts :func:`mistake_spans` will embed for ``doc``: none when word overlap decides."""
    if doc.mistake is None:
        return []
    _, candidates = _candidates(doc)
    return [doc.mistake.strip(), *(doc.text[s:e] for s, e in candidates)] if candidates else []
