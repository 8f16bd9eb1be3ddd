"""One matcher for every coach rule: lexicon files in, spans out.

A lexicon is package data, ``<package>/lexicons/<name>.txt``: a provenance header of ``#`` lines
(who wrote it, and the framework it rests on), ending at the first blank line or pattern, then one
regular expression per line. A ``#`` line after the header says why the patterns under it are there.
A few macros stand for shapes of English many lines need (``{im}`` is "I'm", "im" or "I am"; see
:data:`MACROS`).

A lexicon compiles in one of three ways, each cached, so a file is read and compiled once:

- :func:`phrases`: the lines are phrases found as whole words in text already in normal form
  (lower case, straight quotes), longest first, written as one regex trie (:mod:`regex_trie`).
  The apology coach reads its lexicons so (:mod:`amends.coach.apology.lexicon`).
- :func:`patterns`: the lines are whole regular expressions, case-insensitive, each searched on
  its own, so two lines can report the same words (the reply rules).
- :func:`one_of`: the same lines as one alternation, whose matches never overlap (the
  commitment rules).

:func:`rewrites` reads a lexicon of ``PATTERN => REPLACEMENT`` lines, for a suggestion that
rewrites the writer's own sentence.

In the last two an apostrophe also matches a curly one, so "it's" finds "it’s" as typed.
:func:`find` gives the spans, and on request leaves out words quoted from someone else, disowned
("I'm not going to say you're overreacting") or negated ("you're not an idiot").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import ModuleType

from amends.coach import regex_trie
from amends.coach.prefilter import possible
from amends.coach.results import Finding, Span

PACKAGE = "amends.coach"

# "I'm", "im", "i am" and the curly forms (already straightened) all read as one token.
MACROS = {
    "{im}": r"(?:i'?m|i am)",
    "{ive}": r"(?:i'?ve|i have)",
    "{ill}": r"(?:i'?ll|i will|i'm going to|im going to|i am going to|i'?m gonna|im gonna)",
    "{adv}": r"(?:(?:so|really|truly|very|deeply|genuinely|sincerely|incredibly|terribly|honestly|"
    r"just|also|completely|totally|actually|seriously|sooo*|rly|realy|truely)\s+){0,3}",
    "{w}": r"[\w']+",
    # Up to four words of a reported saying ("you were being so ", "it was "), with no comma, "and" or "but".
    "{said}": r"(?:(?!(?:and|but|because|yet|now)\b)[\w']+ ){0,4}",
}


@dataclass(frozen=True)
class Lexicon:
    """One lexicon file: who wrote it and what it rests on, and its patterns as written."""

    package: str
    name: str
    provenance: tuple[str, ...]
    lines: tuple[str, ...]


@cache
def read(package: str, name: str) -> Lexicon:
    """``<package>/lexicons/<name>.txt``: its provenance header and its pattern lines, stripped."""
    text = resources.files(package).joinpath("lexicons", f"{name}.txt").read_text(encoding="utf-8")
    header: list[str] = []
    lines: list[str] = []
    in_header = True  # the header is the opening run of comment lines, up to a blank line or a pattern
    for raw in text.splitlines():
        line = raw.strip()
        in_header = in_header and line.startswith("#")
        if in_header:
            header.append(line.lstrip("#").strip())
        elif line and not line.startswith("#"):
            lines.append(line)
    return Lexicon(package, name, tuple(header), tuple(lines))


def expand(pattern: str) -> str:
    """The pattern with every macro written out."""
    for macro, regex in MACROS.items():
        pattern = pattern.replace(macro, regex)
    return pattern


# An escaped character, a character class, a group's opening (a lookbehind's apart), a group's close, or an
# apostrophe outside a character class.
_REGEX_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\(\?<[=!]|\(|\)|'")
# The contractions people often type without the apostrophe ("wasnt", "im", "ive", "thats"), where the bare
# form is rarely another word; 're, 'll and 'd are left out ("were", "well", "ill", "shed" are words).
_DROPPABLE = re.compile(r"(?:t|m|ve|s)(?![a-z])")


def either_apostrophe(pattern: str) -> str:
    """The pattern with each apostrophe also matching a curly one, inside a character class or out, and
    optional in a contraction people often type without it (:data:`_DROPPABLE`), except inside a
    lookbehind, which must keep a fixed width."""
    source = expand(pattern)
    out: list[str] = []
    groups: list[str] = []
    last = 0
    for match in _REGEX_TOKEN.finditer(source):
        token = match.group()
        if token == "'":
            behind = any(group.startswith("(?<") for group in groups)
            droppable = not behind and _DROPPABLE.match(source, match.end())
            token = "['’]?" if droppable else "['’]"
        elif token.startswith("["):
            token = token.replace("'", "'’")
        elif token.startswith("("):
            groups.append(token)
        elif token == ")" and groups:
            groups.pop()
        out += [source[last : match.start()], token]
        last = match.end()
    return "".join(out) + source[last:]


@cache
def phrases(package: str, name: str) -> re.Pattern[str]:
    """One compiled alternation of every line, longest phrases first, with shared openings written
    once (:mod:`regex_trie`), for text in normal form.

    Every phrase starts with a word character; saying so up front (a ``(?=\\w)`` look-ahead) lets
    the engine skip each space and mark at once instead of trying every phrase there.
    """
    lines = sorted(read(package, name).lines, key=len, reverse=True)
    return re.compile(
        r"(?<![\w'])(?=\w)" + regex_trie.alternation([either_apostrophe(line) for line in lines]) + r"(?![\w])"
    )


@cache
def patterns(package: str, name: str) -> tuple[re.Pattern[str], ...]:
    """Every line compiled on its own, in file order."""
    return compile_each(*read(package, name).lines)


def compile_each(*sources: str) -> tuple[re.Pattern[str], ...]:
    """Patterns written in code compiled as :func:`patterns` compiles a file's lines."""
    return tuple(re.compile(either_apostrophe(source), re.IGNORECASE) for source in sources)


@cache
def one_of(package: str, name: str) -> tuple[re.Pattern[str]]:
    """Every line in one alternation, earlier lines first where two match at one place."""
    lines = read(package, name).lines
    return (re.compile("|".join(f"(?:{either_apostrophe(line)})" for line in lines), re.IGNORECASE),)


@cache
def rewrites(package: str, name: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """A lexicon of rewrites, one ``PATTERN => REPLACEMENT`` a line, compiled as :func:`patterns`
    compiles a line, to apply in file order (an empty replacement deletes what the pattern finds)."""
    pairs = (line.rpartition("=>") for line in read(package, name).lines)
    return tuple((compile_each(pattern.rstrip())[0], replacement.strip()) for pattern, _, replacement in pairs)


# LABELLING.md §2: a pattern that is disowned ("I'm not going to say you're overreacting") or quoted
# ("she said \"calm down\"") is not said to the partner; nor is a name-call that is denied ("not an idiot").
_DISOWNED = re.compile(
    r"(?:\b(?:not going to|not gonna|won't|will not|never|don't|do not|wouldn't|not)\s+(?:ever\s+)?"
    r"(?:say|tell you|call you|claim|pretend|hide behind|ask you to|expect you to|want you to|need you to)"
    # "There's no version of this where you're wrong to feel that" (stop 54).
    r"|\bi(?:'m| am) not saying|\bno (?:version of this|world|universe) (?:where|in which))\s+(?:that\s+)?"
    r"(?:(?:it's|it is|it was|you're|you are|you were)\s+)?$",
    re.IGNORECASE,
)
# How far a report of the writer's own words is read: the frame just before the words, and for a plain report
# ("I said you were...") its sentence and the next, where it may be owned ("... That was cruel.").
_REPORT_REACH = 80
_OWNING_REACH = 300
_SENTENCE_END = re.compile(r"[.!?\n]+")


def reported_own_words(text: str, start: int) -> bool:
    """Whether the words at ``start`` are hurtful words the writer reports having said and owns ("I'm sorry I told
    you to calm down", "I said you were overreacting, and I was wrong to"): an act named, not said to the partner
    now (lexicons ``owned_saying``, ``reported_saying`` and ``owning_words``). Bounded looks keep a long text linear."""
    if framed_before(text, start, PACKAGE, "owned_saying", _REPORT_REACH):
        return True
    if not framed_before(text, start, PACKAGE, "reported_saying", _REPORT_REACH):
        return False
    lo = max(0, start - _OWNING_REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    lo = ends[-1] if ends else lo
    hi = min(len(text), start + _OWNING_REACH)
    after = [m.end() for m in _SENTENCE_END.finditer(text, start, hi)]
    hi = after[1] if len(after) > 1 else hi
    return any(p.search(text, lo, hi) for p in patterns(PACKAGE, "owning_words"))


def owns_saying(sentence: str) -> bool:
    """Whether the sentence reports hurtful words the writer said and owns them there ("I'm sorry I told you to calm
    down."), anywhere in it and not taken back (``owning_undone``): a sentence that names such an act is not itself an
    attack (``reply._finding``)."""
    if any(p.search(sentence) for p in patterns(PACKAGE, "owning_undone")):
        return False  # "I'm sorry I said it, but I was tired": taken back in the same breath
    return any(p.search(sentence) for p in patterns(PACKAGE, "owned_saying"))


def framed_before(text: str, start: int, package: str, name: str, reach: int) -> bool:
    """Whether a line of lexicon ``<package>/lexicons/<name>.txt`` matches the words just before ``start``, within
    ``reach`` characters: each line is a frame that ends at the framed word. The search runs in place, not on a slice,
    so a window that begins inside a word ("Dani said") does not read its tail as a word ("i said"); and it is bounded,
    so a long text stays linear."""
    return any(p.search(text, max(0, start - reach), start) for p in _ending(package, name))


@cache
def _ending(package: str, name: str) -> tuple[re.Pattern[str], ...]:
    """A lexicon's lines compiled to match only where the searched text ends (each line ends at a framed word)."""
    return compile_each(*(f"(?:{line})$" for line in read(package, name).lines))


_QUOTED = re.compile(r'"[^"\n]{1,300}"|“[^”\n]{1,300}”')
# Single quotes too ("I won't hide behind 'it was only a joke'", "when I said 'it didn't mean anything'"): opened after
# a space, closed before a space or punctuation, and an apostrophe between letters inside does not close them.
_SINGLE_QUOTED = re.compile(
    r"(?:(?<=\s)|^)(?:'(?:[^'\n]|(?<=\w)'(?=\w)){2,300}'|‘(?:[^’\n]|(?<=\w)’(?=\w)){2,300}’)(?=[\s.,!?;:)]|$)"
)
_NEGATED = re.compile(r"\b(?:not|n't|never|no)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def find(
    text: str,
    compiled: Iterable[re.Pattern[str]],
    *,
    skip_quoted: bool = False,
    skip_disowned: bool = False,
    skip_negated: bool = False,
) -> list[Span]:
    """Every match of every pattern in ``text``, pattern by pattern, less the ones the flags leave out."""
    compiled = possible(compiled, text)
    if not (skip_quoted or skip_disowned or skip_negated):
        return [m.span() for p in compiled for m in p.finditer(text)]
    quoting = skip_quoted and ('"' in text or "“" in text)
    quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(unwrapped(text))] if quoting else []
    if skip_quoted and ("'" in text or "‘" in text):
        quotes += [(m.start(), m.end()) for m in _SINGLE_QUOTED.finditer(text)]
    return [
        (m.start(), m.end())
        for p in compiled
        for m in p.finditer(text)
        if not (
            skip_disowned
            and (_DISOWNED.search(text[max(0, m.start() - 40) : m.start()]) or reported_own_words(text, m.start()))
        )
        and not any(qs <= m.start() and m.end() <= qe for qs, qe in quotes)
        and not (skip_negated and _NEGATED.search(text[max(0, m.start() - 30) : m.start()]))
    ]


_WRAPPED = re.compile(r'^(\s*)"(.*)"(\s*)$', re.S)


def unwrapped(text: str) -> str:
    """The text with one pair of double quotes around the whole of it blanked out (same length, so spans
    still index the text): a message wrapped whole in quotes, as a CSV export writes it (with inner quotes
    doubled), is the writer's own words, not a quotation of someone else."""
    m = _WRAPPED.match(text)
    return f"{m.group(1)} {m.group(2)} {m.group(3)}" if m else text


# A name denied ("you're not an idiot", "I never called you a liar"); unlike _NEGATED, an interjected "no"
# ("No thanks, jackass") denies nothing.
_DENIED = re.compile(r"\b(?:not|n't|never)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def denied(text: str, start: int) -> bool:
    """Whether the words just before ``start`` deny what follows ("not", "n't", "never")."""
    return bool(_DENIED.search(text[max(0, start - 30) : start]))


def contains(text: str, compiled: Iterable[re.Pattern[str]]) -> bool:
    """Whether any pattern matches anywhere in ``text`` (stops at the first match, unlike :func:`find`)."""
    return any(p.search(text) for p in compiled)


def straighten(text: str) -> str:
    """Curly apostrophes made straight. Same length, so spans still index the original text."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def quote(text: str, span: Span, limit: int) -> str:
    """The writer's words at ``span`` on one line, cut to ``limit`` characters."""
    words = " ".join(text[span[0] : span[1]].split()).strip(" ,;:")
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def trimmed(text: str, span: Span) -> Span:
    """``span`` without the whitespace at its ends: a pattern that reads up to the next word ("sorry if you
    were upset, but ") quotes and highlights the words only."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else span


def finding(rule: ModuleType, span: Span, suggestion: str | None = None) -> Finding:
    """A finding with the rule module's declared name, severity, message, suggestion and source."""
    return Finding(
        rule=rule.NAME,
        severity=rule.SEVERITY,
        span=span,
        message=rule.MESSAGE,
        suggestion=rule.SUGGESTION if suggestion is None else suggestion,
        source=rule.SOURCE,
    )
