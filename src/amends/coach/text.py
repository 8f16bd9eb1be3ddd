"""Checks every coach input passes before analysis, with messages that say what to do."""

from __future__ import annotations

import re

from amends.coach.matching import read
from amends.limits import chars

MAX_CHARS = chars("text")

# Words that nearly every English text contains (a lexicon file). A text of several words that holds
# almost none of them is very unlikely to be English.
_ENGLISH_WORDS = frozenset(" ".join(read("amends.coach", "english_words").lines).split())
# The same kind of words in the other languages people are likeliest to write in (a lexicon file).
_OTHER_WORDS = frozenset(" ".join(read("amends.coach", "other_languages").lines).split()) - _ENGLISH_WORDS
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# A letter English never writes: not ASCII, and not one of the accented letters of loanwords English keeps
# (café, naïve, jalapeño, façade, über, doppelgänger, crème brûlée). "się", "tőle", "rău", "živeti" hold one.
_FOREIGN_LETTER = re.compile(r"[^\W\d_A-Za-zéèêëàâäïîôöüûçñÉÈÊËÀÂÄÏÎÔÖÜÛÇÑ]")


class TextRejected(ValueError):
    """The text cannot be analysed; ``str(exc)`` is a message for the user."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def check_text(text: object, *, what: str = "text") -> str:
    """Return ``text`` unchanged if the coach can read it, else raise :class:`TextRejected`."""
    if not isinstance(text, str):
        raise TextRejected(f"The {what} must be plain text.", "not_text")
    if "\x00" in text:
        raise TextRejected(f"The {what} looks like a binary file, not text. Paste the words instead.", "binary")
    if not text.strip():
        raise TextRejected(f"The {what} is empty. Write a few words first.", "empty")
    if len(text) > MAX_CHARS:
        raise TextRejected(
            f"The {what} is {len(text):,} characters long; the coach reads up to {MAX_CHARS:,}. "
            "Shorten it or split it into parts.",
            "too_long",
        )
    if not looks_english(text):
        raise TextRejected("amends' coach reads English for now.", "not_english")
    return text


def looks_english(text: str) -> bool:
    """A cheap language check: Latin letters, and once long enough some common English words, no fewer
    than the words of other languages (their common words, and words spelled with letters English never
    writes)."""
    letters = len(_LETTER.findall(text))  # regex, not a Python loop: texts run to 20,000 characters
    if not letters:
        return True  # emoji or punctuation only: nothing to object to
    latin = len(_ASCII_LETTER.findall(text))
    if latin / letters < 0.7:
        return False
    found = _WORD.findall(text)
    words = [w.lower().replace("’", "'") for w in found]
    hits = sum(1 for w in words if w in _ENGLISH_WORDS)
    # Words in capitals ("EST", "NO") are abbreviations or shouting, no sign of another language.
    foreign = [w for w, seen in zip(words, found, strict=True) if w in _OTHER_WORDS and not _is_caps(seen)]
    spelled = _foreign_spelled(text, found, words)
    if len(words) < 4:
        # Too short to weigh: English unless another language's words outnumber the English ones ("boję się
        # go"), each counted once, so "Oh la la" stays English.
        return hits >= len(set(foreign)) + spelled
    # "Quiero morir, no puedo más con esta vida" holds one English word ("no") in eight, but three of
    # Spanish: outnumbered, the English ones are chance. Up to six words a tie is not English either: "mi
    # novio me pega" has one of each.
    other = len(foreign) + spelled
    return hits / len(words) >= 0.12 and (other < hits or (other == hits and len(words) > 6))


def _is_caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _foreign_spelled(text: str, found: list[str], words: list[str]) -> int:
    """How many words (``found`` as written, ``words`` lowercased) are spelled with a letter English never
    writes and are not in the other-language list already. Capitalised words are left out: a name
    ("Łukasz hit me again") is no sign of the language around it."""
    if not _FOREIGN_LETTER.search(text):
        return 0  # the common case: one scan of the text, not one per word
    return sum(
        1
        for seen, w in zip(found, words, strict=True)
        if not seen[0].isupper() and _FOREIGN_LETTER.search(seen) and w not in _OTHER_WORDS
    )


def decode_bytes(data: bytes, *, what: str = "file") -> str:
    """Decode user-supplied bytes as UTF-8, refusing binary data with a clear message."""
    if b"\x00" in data:
        raise TextRejected(f"The {what} looks binary, not text. Give a UTF-8 text file.", "binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TextRejected(
            f"The {what} is not valid UTF-8 text (byte {exc.start}). Save it as UTF-8 and try again.",
            "bad_encoding",
        ) from exc
