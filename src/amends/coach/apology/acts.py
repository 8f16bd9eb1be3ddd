"""The writer's own acts: which named behaviours a text owns, and whether it is about the writer's conduct at all.

Shared by the elements (responsibility, specificity, remorse) and the rules that ask whether an act is at issue
(LABELLING.md section 1: "a first-person active clause with a transgression verb"; an elided subject counts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from amends.coach import matching
from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc
from amends.coach.results import Span

# "I" as the teller of someone else's claim ("you said I lied") does not admit anything.
_REPORTED = re.compile(
    r"(?:you|she|he|they|people|everyone) (?:\w+ )?"
    r"(?:said|say|says|think|thinks|claim|claims|accused me of|accuse me of|told me)(?: that)?\s*$"
)
CONDITIONAL_BEFORE = re.compile(r"\b(?:if|whether|unless|in case)\b(?:\s+\S+){0,4}\s*$")


@lru_cache(maxsize=1)
def behaviour_pattern() -> re.Pattern[str]:
    """'I' (with optional adverbs) before a concrete behaviour from behaviours.txt, or the behaviour alone
    right after an apology."""
    verbs = sorted(lexicon.read_lines("behaviours"), key=len, reverse=True)
    # "didnt come", "wasnt there": apostrophes as the lexicons read them (matching.either_apostrophe); and "did not
    # call", as careful and second-language writers put it.
    body = "|".join(
        matching.either_apostrophe(re.escape(v)).replace("didn['’]?t", "(?:didn['’]?t|did not)") for v in verbs
    )
    adverbs = (
        "just|totally|completely|really|actually|then|also|even|still|basically|stupidly|deliberately|"
        "carelessly|literally|kind of|kinda|sort of|shouldn't have|should not have|shouldnt have|should never have|"
        "must have|might have|may have|probably"
    )
    # The subject may be left out right after the apology ("Sorry, forgot", "sorry about that, clicked
    # the wrong box"): LABELLING.md §1 counts an elided subject.
    subject = r"(?:(?<![\w'])i |(?<=sorry )|(?<=sorry, )|(?<=about that, )|(?<=my bad, )|(?<=oops, ))"
    return re.compile(subject + r"(?:(?:" + adverbs + r")\s+){0,2}(?:" + body + r")\b")


# "Sorry for whatever I said": an act left unnamed on purpose (LABELLING.md section 1 lists it as vague).
_WHATEVER_BEFORE = re.compile(r"\b(?:what ?ever|what)\s*$")  # and "sorry you got offended by what I said"


def admissible(doc: Doc, span: Span) -> bool:
    """Not quoted, negated, conditional or a report of someone else's claim."""
    if doc.in_quote(span) or doc.negated(span[0]):
        return False
    before = doc.clause_before(span[0])
    return not (CONDITIONAL_BEFORE.search(before) or _REPORTED.search(before) or _WHATEVER_BEFORE.search(before))


# Compiled at import, like every pattern here: compiled on first use, it cost the first apology of a
# worker three times a warm one (bench/coldstart.py).
_CLAUSE_BREAK = re.compile(r"[,;:.!?\n]|\b(?:but|and i|because)\b")


def clause_end(doc: Doc, start: int, limit: int = 70) -> int:
    """End of the clause starting at ``start``, so a span covers the object of the verb too."""
    stop = min(doc.sentence_of(start)[1], start + limit)
    m = _CLAUSE_BREAK.search(doc.norm[start:stop])
    return start + m.start() if m else stop


# "Didn't mean to be rude": the writer's own act, owned as unintended.
_DID_NOT_MEAN = re.compile(r"\b(?:didn'?t|did not|never) mean(?:t)? to\b")


def own_conduct(doc: Doc) -> bool:
    """The text is about something the writer did: a mistake was given, or a first-person act is owned."""
    if doc.mistake or _DID_NOT_MEAN.search(doc.norm):
        return True
    if any(True for _ in lexicon.find(doc, "forgiveness_request")):
        return True  # "Sorry. I hope you can forgive me": asking forgiveness owns a wrong
    return any(True for _ in lexicon.find(doc, "responsibility", negatable=False)) or any(
        is_act(doc, m) for m in behaviour_pattern().finditer(doc.norm)
    )


# "I lost my brother a few years back": a bereavement, not an act that wronged anyone.
_BEREAVED = re.compile(
    r"\s+(?:my|our) (?:\w+ )?(?:brother|sister|mum|mom|mother|dad|father|husband|wife|son|daughter|child|baby|"
    r"grandma|grandmother|grandpa|grandfather|gran|nan|aunt|uncle|cousin|friend|best friend|dog|cat|pet|job|home)\b"
)


# "I said sorry like ten times", "I've said I'm sorry already": an apology mentioned, not an act that wronged anyone
# (LABELLING.md §1 lists "I said sorry already" as no remorse; it is no owned transgression either).
_APOLOGY_SAID = re.compile(
    r" (?:that )?(?:(?:i'?m|im|i am|i was) )?(?:so |really |very )?(?:sorry|an apology|apologies)\b"
)


def is_act(doc: Doc, m: re.Match[str]) -> bool:
    """A behaviours.txt match that is an act: not a bereavement ("I lost my brother") nor an apology said."""
    if m.group().endswith("lost") and _BEREAVED.match(doc.norm, m.end()):
        return False
    return not (m.group().endswith("said") and _APOLOGY_SAID.match(doc.norm, m.end()))


# "Sorry if I used the wrong pronoun": the apology is hedged (the conditional finding) and owns nothing, but the act
# is named all the same (LABELLING.md section 1: specificity names the concrete behaviour).
_SORRY_IF_BEFORE = re.compile(r"\b(?:sorry|apologi[sz]e|apologies)\W+if(?:\s+i)?\s*$")


def behaviours(doc: Doc, *, hedged: bool = False) -> Iterator[Span]:
    """The acts the text names and owns; with ``hedged``, then also those named in a hedged apology
    (:data:`_SORRY_IF_BEFORE`), from the same scan."""
    in_hedged = []
    for m in behaviour_pattern().finditer(doc.norm):
        span = (m.start(), m.end())
        if not is_act(doc, m):
            continue
        if admissible(doc, span):
            yield (span[0], clause_end(doc, span[0]))
        elif hedged and not (doc.in_quote(span) or doc.negated(span[0])):
            if _SORRY_IF_BEFORE.search(doc.clause_before(span[0])):
                in_hedged.append((span[0], clause_end(doc, span[0])))
    yield from in_hedged
