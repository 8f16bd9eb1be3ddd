"""The eight apology elements, found by lexicon patterns plus small context checks.

Element names and meanings follow FRAMEWORKS.md §2 (Lewicki, Polin & Lount 2016; Schumann).
Each finder returns the spans that show the element; an element is present when it has any.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from amends.coach.apology import lexicon
from amends.coach.apology.acts import (
    CONDITIONAL_BEFORE,
    admissible,
    behaviour_pattern,
    behaviours,
    clause_end,
    own_conduct,
)
from amends.coach.apology.doc import Doc
from amends.coach.apology.specificity import mistake_spans
from amends.coach.results import Element, Span, merge_spans

ELEMENT_NAMES = (
    "remorse",
    "responsibility",
    "specificity",
    "impact",
    "repair",
    "change",
    "explanation",
    "forgiveness_request",
)

_VAGUE_GERUNDS = frozenset(
    "upsetting hurting bothering offending disappointing annoying being making causing doing acting "
    "feeling everything nothing anything something how".split()
)
_SORRY_FOR_GERUND = re.compile(
    r"(?:sorry|apologi[sz]e|apologies|regret)(?: so much)? (?:for|about) (?:not |never )?(\w+ing)\b"
)
_BEING_BAD = re.compile(
    r"(?:sorry|apologi[sz]e|apologies|regret) (?:for|about) being (?:so )?(?:\w+ ){0,1}"
    r"(?:rude|late|harsh|mean|cruel|dismissive|distant|cold|sarcastic|selfish|careless|absent|unreliable|"
    r"dishonest|defensive|nasty|short with you|a jerk)"
)
_SORRY_I = re.compile(
    r"(?:sorry|regret|apologi[sz]e)(?: so much)?,? (?:that )?i "
    r"(?!feel|felt|think|hope|know|understand|just want|want|wanted to say|can't|guess|mean|care"
    r"|(?:don'?t|do not|can'?t|cannot|still) (?:\w+ )?(?:understand|follow|see|get|know|buy|mean))(?:\w+)"
)


# "Sorry, but <disagreement>" in general text apologizes for nothing the writer did (LABELLING.md §1).
# A vocative may sit between ("sorry fam, but", "Sorry man but no"). One way to split the spaces: linear on long runs.
_NICKNAMES = "man|dude|bro|guys|fam|mate|op|bud|buddy|pal|friend|my dude|my friend"
_SORRY_THEN_BUT = re.compile(r"\s*(?:[,;.]\s*)?(?:(?:" + _NICKNAMES + r")\b[,;]?\s*)?but\b")
# "Sorry man, I don't really like duck": a "sorry" said to someone by name or nickname, like a "sorry, but",
# is politeness in general text unless the writer's own act is at issue.
_SORRY_TO_SOMEONE = re.compile(
    r"\s*(?:[,;]\s*)?(?:" + _NICKNAMES + r"|boys|lads|folks|bitch|brother|sis|sweety|sweetie|hun|girl|girlie)\b"
)
_READER = re.compile(r"(?<![\w'])(?:you|your|u|ur|yours)(?![\w'])")


# "I'm sorry you had to sit alone because I forgot": what befell the reader, owned as the writer's doing.
_MY_CAUSE = re.compile(r"\b(?:because|since|cause|cuz|after|when) i\b")
_CAUSE_REACH = 80  # characters after the "sorry": a bounded look, so a long run of sorries stays linear


def _caused_by_me(doc: Doc, span: Span) -> bool:
    """The sentence of a sympathy-looking "sorry" names an act of the writer's as the cause, close after it."""
    end = min(doc.sentence_of(span[0])[1], span[1] + _CAUSE_REACH)
    cause = _MY_CAUSE.search(doc.norm, span[1], end)
    # From the "i" that ends the cause, so the behaviour pattern finds its subject.
    return cause is not None and behaviour_pattern().search(doc.norm, cause.end() - 1, end) is not None


_COMMA_AFTER = re.compile(r"\s*,")


def _after_my_act(doc: Doc, span: Span) -> bool:
    """ "I lied to you Friday. I'm really sorry, you sat up till 2 waiting": the comma closes the apology, which
    answers an act of the writer's named before it, so what follows is the harm, not "sorry you feel that way"."""
    if not _COMMA_AFTER.match(doc.norm, span[1]):
        return False
    return any(not doc.in_quote((b.start(), b.end())) for b in behaviour_pattern().finditer(doc.norm, 0, span[0]))


def _remorse(doc: Doc) -> Iterator[Span]:
    if any(True for _ in lexicon.find(doc, "sarcasm", negatable=False, disownable=False)):
        return
    own: bool | None = None
    for span in lexicon.find(doc, "remorse"):
        if lexicon.inside(doc, "not_remorse", span[0]) and not (_caused_by_me(doc, span) or _after_my_act(doc, span)):
            continue  # another sense of "sorry"
        word = doc.norm[span[0] : span[1]]
        if "regret" in word and not (doc.mistake or _READER.search(doc.norm)):
            continue  # regret about one's own lot ("I regret not applying") wrongs no one
        if (
            _SORRY_THEN_BUT.match(doc.norm, span[1])
            or _SORRY_TO_SOMEONE.match(doc.norm, span[1])
            or _formula_in_general_text(doc, span)
            or _afterthought(doc, span)
        ):
            own = own_conduct(doc) if own is None else own
            if not own:
                continue
        yield span


# "Money is always going to exist, sorry": a last-word "sorry" after a statement of several words in which
# the writer does not figure softens the statement; it regrets nothing the writer did.
_LAST_WORD = re.compile(r"[\W_]*\Z")
WRITER = re.compile(r"(?<![\w'])(?:i|i'm|im|i've|ive|i'd|my|me|myself|we|our|us)(?![\w'])")
_AFTERTHOUGHT_WORDS = 4
_ACT_AT_ISSUE = ("minimizing", "excuse", "blame", "passive")


def _afterthought(doc: Doc, span: Span) -> bool:
    if doc.mistake or "sorry" not in doc.norm[span[0] : span[1]] or not _LAST_WORD.match(doc.norm, span[1]):
        return False
    head = doc.norm[: span[0]]
    if len(head.split()) < _AFTERTHOUGHT_WORDS or WRITER.search(head):
        return False
    # "It was only one night, it didn't mean anything. Sorry.": an act shrunk or excused is still at issue.
    return not any(True for name in _ACT_AT_ISSUE for _ in lexicon.find(doc, name, negatable=False))


# What follows a "sorry" that names the writer's own act ("sorry if I wasn't clear", "sorry I forgot").
# Within the sentence: in "I'm sorry. I hope he listens" or "Sorry :( I know that feeling" the next "I" starts a
# new thought.
_OWN_OBJECT = re.compile(
    r"[^\w.!?]*(?:that |for |about |if |to )?"
    r"(?:i(?! (?:hope|wish|(?:know|understand) (?:that|the|this) feeling)\b)|i'm|im|i've|ive|i'd|my|me|myself|we|our|"
    r"not|have)\b"
)


def _formula_in_general_text(doc: Doc, span: Span) -> bool:
    """A "sorry" that, in text answering no mistake, is sympathy rather than regret (LABELLING.md §1):
    a bare "I'm so sorry" beside comfort ("that is rough", "hope it gets better"). The caller still
    keeps it when the text owns an act of the writer's; with a mistake given, "sorry" always answers it.

    Politeness before a question ("sorry for the dumb question, but...") is left as it is: the labelled
    sets disagree on it (see the coach's data card).
    """
    if doc.mistake or _OWN_OBJECT.match(doc.norm, span[1]):
        return False
    return any(True for _ in lexicon.find(doc, "sympathy", negatable=False))


# "Sorry for making fun of your username" names the act; "sorry for making you feel bad" does not.
_NAMED_MAKING = re.compile(r" (?:fun|a joke|jokes|a scene|a mess|comments?|assumptions?|plans?|promises?)\b")


def _gerunds(doc: Doc) -> Iterator[Span]:
    for m in _SORRY_FOR_GERUND.finditer(doc.norm):
        vague = m.group(1) in _VAGUE_GERUNDS and not (m.group(1) == "making" and _NAMED_MAKING.match(doc.norm, m.end()))
        if not vague and not doc.in_quote((m.start(), m.end())):
            yield (m.start(1), clause_end(doc, m.start(1)))
    for m in _BEING_BAD.finditer(doc.norm):
        if not doc.in_quote((m.start(), m.end())):
            yield (m.start(), m.end())


def _responsibility(doc: Doc) -> Iterator[Span]:
    for span in _ownership(doc):
        # "Sorry, didn't realise I had to mollycoddle you": a mocking text owns nothing (LABELLING.md §1).
        if not lexicon.inside(doc, "sarcasm", span[0]):
            yield span


def _ownership(doc: Doc) -> Iterator[Span]:
    for span in lexicon.find(doc, "responsibility", negatable=False):
        if admissible(doc, span):
            yield span
    # LABELLING.md §1: a gerund alone ("Sorry for reading your diary") names the act but does not own it.
    yield from behaviours(doc)
    yield from _owned_nouns(doc)
    for m in _SORRY_I.finditer(doc.norm):
        if lexicon.inside(doc, "not_remorse", m.start()):
            continue  # "Sorry, I live in the real world" is no confession
        start = m.start() + m.group(0).rfind("i ")
        if admissible(doc, (start, m.end())) and not doc.negated(m.start()):
            yield (start, clause_end(doc, start))


# "Sorry for the late reply", "apologies for the snarkiness": a named act, not a vague object.
_SORRY_FOR_NOUN = re.compile(
    r"(?:sorry|apologi[sz]e|apologies|regret) (?:for|about) (?:the|my|all the|all my|that|this) "
    r"((?:[\w'-]+ ){0,2}[\w'-]+)"
)
_VAGUE_HEADS = frozenset(
    "way ways thing things stuff everything actions action behaviour behavior behaviours behaviors conduct part words "
    "hurt pain trouble inconvenience inconveniences misunderstanding "
    "misunderstandings confusion loss situation mess one it that this any whatever all what how happened".split()
)


# "Sorry for delayed response", "my bad on the terminology": the slip named with no article, or after "my bad on".
_SLIP_NOUN = re.compile(
    r"(?:sorry|apologi[sz]e|apologies|my bad|my mistake) (?:for|about|on) (?:the |my |a )?"
    r"((?:late|delayed|slow|double|wrong|bad|poor|broken|dead|duplicate) (?:reply|response|answer|post|comment|link|"
    r"formatting|english|grammar|spelling|quality|pronoun|terminology|wording|title|flair|command|number|name)s?)"
    r"|(?:my bad|my mistake) on (?:the |my |that )?([\w'-]+)"
    # "Sorry, typo", "sorry, wrong link": the slip named with nothing around it (stop 39).
    r"|(?:sorry|my bad|oops|whoops),? (typos?|misspelling|double post|(?:wrong|broken|dead|bad) "
    r"(?:link|thread|sub|subreddit|post|pronoun|command|number|name|word|account|person|picture|pic|file|url))\b"
)


def _named_nouns(doc: Doc) -> Iterator[Span]:
    for m in _SLIP_NOUN.finditer(doc.norm):
        group = next(g for g in (1, 2, 3) if m.group(g))
        if m.group(group) not in _VAGUE_HEADS and not doc.in_quote((m.start(), m.end())):
            yield (m.start(group), m.end(group))
    for m in _SORRY_FOR_NOUN.finditer(doc.norm):
        words = m.group(1).split()
        if words[-1] in _VAGUE_HEADS or words[0] in _VAGUE_HEADS or doc.in_quote((m.start(), m.end())):
            continue
        if words[0] == "being":
            continue  # "sorry for the being ..." is left to the gerund finder
        yield (m.start(1), m.end(1))


def _owned_nouns(doc: Doc) -> Iterator[Span]:
    """ "Sorry for my misspelling", "apologies for my late reply": a named act the writer calls theirs, as
    "my mistake" is (LABELLING.md §1: explicit first-person ownership)."""
    for span in _named_nouns(doc):
        if doc.norm.endswith("my ", 0, span[0]) and not doc.negated(span[0]):
            yield span


# "My bad, I thought they were related", "I should have been more specific": beside an apology, the wrong belief
# or the step not taken is the named behaviour (LABELLING.md §1: "names the concrete behaviour").
_NAMED_SLIP = re.compile(
    r"(?<![\w'])i (?:thought|assumed|misread|misunderstood|misinterpreted|mixed up|confused|misremembered|misspelled"
    r"|misspelt|misspoke|forgot that)\b"
    r"|(?:(?<![\w'])i |(?<=sorry, )|(?<=sorry )|(?<=my bad, ))"
    r"(?:should have|should've|shouldve|shouldn't have|should not have) "
    r"(?!known\b|done better\b|been better\b)\w+"
    # "Sorry to not reply earlier", "sorry for not being clear": the thing not done, named (stop 38).
    r"|(?<=sorry )(?:to |for |about )not (?:being (?:clear|there|honest|upfront|available|around)|(?:reply|replying"
    r"|respond|responding|answer|answering|call|calling|text|texting|get|getting) (?:back|earlier|sooner|to you|you))\b"
)


_SLIP_WORDS = len("i thought it was ok")  # "I thought it was, but ..." names nothing yet


def _named_slips(doc: Doc) -> Iterator[Span]:
    if not _apologizes(doc):
        return
    for m in _NAMED_SLIP.finditer(doc.norm):
        span = (m.start(), m.end())
        end = clause_end(doc, span[0])
        if admissible(doc, span) and end - span[0] >= _SLIP_WORDS:
            yield (span[0], end)


def _specificity(doc: Doc) -> Iterator[Span]:
    if doc.mistake and doc.mistake.strip():
        yield from mistake_spans(doc)
        return
    yield from behaviours(doc, hedged=True)
    yield from _gerunds(doc)
    yield from _named_nouns(doc)
    yield from _named_slips(doc)


# "Sorry you feel hurt" is regret about their feeling (deflection), not an acknowledgement of harm.
_SORRY_THAT_BEFORE = re.compile(r"\b(?:sorry|apologi[sz]e)(?: that| for how| for the way| about how)?\s*$")
# "The help you needed", "the answer you wanted": a relative clause about a thing, not about their hurt.
_THING_BEFORE = re.compile(
    r"\b(?:the|what|any) (?:help|answer|answers|info|information|support|result|results|stuff|link|file|post|source|"
    r"advice|book|item|product) $"
)
# A time phrase alone ("next time", "in the future") is a commitment only beside the writer's own "I"/"we".
_TIME_ONLY = re.compile(r"(?:from now on|going forward|in the future|next time|moving forward|from today|starting)\b")
_FIRST_PERSON = re.compile(r"(?<![\w'])(?:i|i'm|i'll|i've|im|ill|we|we'll|we're|my|me)(?![\w'])")


# An impact that starts with the writer's own act ("sorry I left you sitting alone") is the harm they caused, not
# regret about the other's feeling ("sorry you had to sit alone"), so "sorry" just before it does not void it.
_OWN_ACT = re.compile(r"(?:that )?i (?:left|made|kept)\b")


def answers_a_wrong(doc: Doc) -> bool:
    """A mistake was given, or the writer apologizes or owns an act: the text answers a wrong. Repair "makes it
    right", change promises not to repeat "it", an explanation and an impact are about "it" (LABELLING.md §1);
    "Sorry to hear that. Hope you feel better soon" and "the truth is" in a text that apologizes for nothing
    are none of them."""
    return bool(doc.mistake or _apologizes(doc) or element_spans(doc, "responsibility"))


def _guarded(name: str) -> Callable[[Doc], Iterator[Span]]:
    def finder(doc: Doc) -> Iterator[Span]:
        for span in lexicon.find(doc, name):
            before = doc.clause_before(span[0])
            if CONDITIONAL_BEFORE.search(before):
                continue
            if name == "impact" and (
                (_SORRY_THAT_BEFORE.search(before) and not _OWN_ACT.match(doc.norm, span[0]))
                or _THING_BEFORE.search(before)
                or not answers_a_wrong(doc)
            ):
                continue
            if (
                name == "change"
                and _TIME_ONLY.match(doc.norm, span[0])
                and not _FIRST_PERSON.search(doc.norm, *doc.sentence_of(span[0]))
                and not (doc.norm.startswith("from now on", span[0]) and answers_a_wrong(doc))
            ):
                # "keep moving forward", "we can change your mind in the future": nobody commits. A house rule
                # in an apology does ("Phone stays in the drawer at dinner from now on"; LABELLING.md section 1).
                continue
            if name == "impact":
                # The highlight holds what they lived through, not just its first words ("I know you").
                span = (span[0], max(span[1], clause_end(doc, span[0])))
            yield span

    return finder


# The fix itself, given with the apology for a slip (LABELLING.md §1: "a one-off action that makes it right,
# done"): a starred correction ("*their", "their*"), "I meant X", "I've edited it", "let me be clearer".
_CORRECTION = re.compile(
    r"(?:(?<=\s)|^)\*[a-z][\w']*(?![\w*])|(?<![*\w'])[a-z][\w']*\*(?![\w*])"
    r"|(?:^|(?<=[.!?,;:]\s)|(?<=sorry\s)|(?<=bad\s))i meant\b"
    r"(?! to\b| it\b| no\b| well\b| that\b| every\b| what i said)"
    r"|\bi(?:'ve| have)? (?:just )?(?:edited|fixed|corrected|updated|amended|reposted)\b"
    r"|\b(?:gonna|going to|i'll|i will) (?:repost|edit|correct|update|fix)\b"
    r"|\blet me (?:be (?:more )?clear(?:er)?|clarify|rephrase|correct)\b",
    re.M,
)


_APOLOGY_NEAR = re.compile(r"\b(?:sorry|my bad|oops|whoops|apologi[sz]e|apologies|typo|my mistake)\b")


def _apologizes(doc: Doc) -> bool:
    """Remorse or an owning formula ("my bad") somewhere in the text, not negated ("I'm not sorry")."""
    return bool(element_spans(doc, "remorse")) or any(True for _ in lexicon.find(doc, "responsibility"))


def _repair(doc: Doc) -> Iterator[Span]:
    yield from _guarded("repair")(doc)
    if not _apologizes(doc):
        return  # a correction counts as making it right only where the writer apologizes for the slip
    for m in _CORRECTION.finditer(doc.norm):
        if doc.in_quote((m.start(), m.end())):
            continue
        if "*" in m.group() and m.start() > 0 and not _APOLOGY_NEAR.search(doc.norm, *doc.sentence_of(m.start())):
            continue  # a starred word far from the apology is a footnote or a censored word, not the fix
        yield (m.start(), m.end())


def _explanation(doc: Doc) -> Iterator[Span]:
    yield from lexicon.find(doc, "insight")
    if has_disclaimer(doc):
        yield from lexicon.find(doc, "reasons")


def has_disclaimer(doc: Doc) -> bool:
    return any(True for _ in lexicon.find(doc, "disclaimers", negatable=False, disownable=False))


def _gentle_requests(doc: Doc) -> Iterator[Span]:
    """Requests for forgiveness that are not pressure: "Can you forgive me already?" demands it (LABELLING.md §1:
    pressure is ``forgiveness_pressure`` only)."""
    pressure = list(lexicon.find(doc, "forgiveness_pressure"))
    for start, end in lexicon.find(doc, "forgiveness_request"):
        if not any(s < end and start < e for s, e in pressure):
            yield (start, end)


def _of_a_wrong(finder: Callable[[Doc], Iterator[Span]]) -> Callable[[Doc], Iterator[Span]]:
    """The finder, run only where the text answers a wrong (:func:`answers_a_wrong`)."""

    def finder_of_a_wrong(doc: Doc) -> Iterator[Span]:
        if answers_a_wrong(doc):
            yield from finder(doc)

    return finder_of_a_wrong


FINDERS: dict[str, Callable[[Doc], Iterator[Span]]] = {
    "remorse": _remorse,
    "responsibility": _responsibility,
    "specificity": _specificity,
    "impact": _guarded("impact"),
    "repair": _of_a_wrong(_repair),
    "change": _of_a_wrong(_guarded("change")),
    "explanation": _of_a_wrong(_explanation),
    "forgiveness_request": _gentle_requests,
}


def element_spans(doc: Doc, name: str) -> tuple[Span, ...]:
    """Where element ``name`` is in the text, found once per text (rules ask for remorse again)."""
    key = ("element", name)
    if key not in doc.found:
        doc.found[key] = tuple(FINDERS[name](doc))
    return doc.found[key]


def detect(doc: Doc) -> dict[str, Element]:
    """Every element, in the canonical order, with merged spans."""
    out = {}
    for name in ELEMENT_NAMES:
        spans = merge_spans(list(element_spans(doc, name)))
        out[name] = Element(name=name, present=bool(spans), spans=spans)
    return out


def apology_words(doc: Doc, elements: dict[str, Element]) -> bool:
    """Does the text offer the reader apology words at all (LABELLING.md §1, verdict ``no_apology``)?

    Remorse, an owning formula ("my bad", "I was wrong") or a plea for forgiveness; the findings that
    need apology words ("sorry if", "sorry you feel") are counted by the verdict itself. A formula denied is none:
    "Honestly I don't see what I did wrong" refuses to apologise (stop 59, a helper's probe set; no labelled
    apology changed).
    """
    if any(elements[name].present for name in ("remorse", "forgiveness_request")):
        return True
    return any(True for _ in lexicon.find(doc, "responsibility"))
