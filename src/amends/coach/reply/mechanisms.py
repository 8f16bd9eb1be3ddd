"""Scoring EPITOME's three mechanisms (Sharma et al. 2020) in a reply, with their spans.

Phrase cues give the explainable base (see ``cues.py``). Two trained heads can add a weak
level where cues miss: an AnnoMI head for reflections and open questions (therapist skills
as stand-ins for interpretation and exploration; Wu et al. 2022) and a head trained on our
own labelled replies. Sentences that defend, blame or attack earn no credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from amends.coach.models.heads import load_head
from amends.coach.prefilter import possible
from amends.coach.reply import cues
from amends.coach.reply.exploring import NAMES_A_FEELING, proposes_an_experience
from amends.coach.reply.rules._base import find
from amends.coach.results import Span, merge_spans

# Compiled at import, not on a worker's first request.
_WORD = re.compile(r"[A-Za-z']+")
_PERSON = re.compile(r"\b(?:you|your|i)\b", re.I)
_FEELING = re.compile(r"\bfe(?:el|lt|eling|elings)\b", re.I)

MECHANISMS = ("emotional_reaction", "interpretation", "exploration")
_HOSTILE = frozenset({"criticism", "contempt", "defensiveness", "invalidating", "counterattack", "blame", "minimizing"})
_NEGATED = re.compile(r"\b(?:not|n't)\s+(?:\w+\s+)?$", re.I)
# How a real question opens, after fillers: a question word or an inverted verb ("what...", "did you...").
# A "?" after a statement ("So a few drinks is nothing new to you?") checks a reflection; it asks nothing new.
_ASKING_START = re.compile(
    r"^\W*(?:(?:okay|ok|right|yeah|yes|mm-hmm|mm|hmm|uh|um|and|oh|so|well|then|but|alright|all right|now|sure)\W+)*"
    r"(?:how|what|what's|whats|why|when|where|who|which|whose|is|are|was|were|do|does|did|can|could|would|will"
    r"|should|shall|have|has|had|may|might|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|can't|couldn't"
    r"|wouldn't|won't|haven't|hasn't|any|anything|tell|talk|say|describe|want|wanna)\b",
    re.I,
)
_CHECK_MIN_WORDS = 5
# Spoken questions restart mid-sentence ("So, this party world- are you feeling...?"): any clause may open it.
_CLAUSE = re.compile(r"[,;:]|-+\s|\s-+|\u2014")


# LABELLING.md section 2: a strong exploration names the partner's possible feeling or experience. "How
# does that feel for you now?" and "How are you feeling about it?" ask for one and name nothing, so they
# are generic; "How did it feel sitting there alone?" names the experience.
_BARE_FEELING_QUESTION = re.compile(
    r"\bhow (?:do|does|did|are|were|is) (?:you|that|it|this)(?: \w+)? fe(?:el|eling)(?: for you)?"
    r"(?: about (?:it|that|this|things))?(?: now| today| right now| these days)?\W*$"
    # "Why do you think you feel that way?": the feeling asked about is theirs, but unnamed (stop 40 probe).
    r"|\bwhy (?:do|did) you (?:think )?(?:you )?(?:feel|felt) (?:that way|like that|this way)\W*$",
    re.I,
)


@dataclass(frozen=True)
class MechanismScore:
    name: str
    level: int
    spans: tuple[Span, ...]

    def to_dict(self) -> dict[str, object]:
        return {"level": self.level, "spans": [[s, e] for s, e in self.spans]}


def _hits(sentence: str, compiled: tuple[re.Pattern[str], ...]) -> bool:
    for pattern in possible(compiled, sentence):
        for match in pattern.finditer(sentence):
            if not _NEGATED.search(sentence[max(0, match.start() - 20) : match.start()]):
                return True
    return False


def _is_question(sentence: str) -> bool:
    return "?" in sentence or bool(find(sentence, cues.INVITE))


def _fact_question(sentence: str) -> bool:
    """A question after facts, plans or ratings ("how often do you drink?", "what's the first step?")
    that names no feeling: it explores nothing the partner feels or lived (LABELLING.md section 2)."""
    return bool(find(sentence, cues.NOT_EXPLORING)) and not _FEELING.search(sentence)


def _asks_only_facts(text: str, spans: list[Span]) -> bool:
    """Every question the reply asks is a :func:`_fact_question` ("When will you know about the job?"): no head
    may then read exploration into it."""
    questions = [text[s:e] for s, e in spans if _is_question(text[s:e])]
    return bool(questions) and all(_fact_question(q) for q in questions)


def _checks_a_statement(sentence: str) -> bool:
    """A statement with a question mark ("So you're spending less time with them?"): it checks what
    was said, so it reads as interpretation, not exploration (LABELLING.md section 2). Short ones
    ("Holding up okay?") still ask."""
    text = sentence.strip()
    head, mark, _ = text.partition("?")
    if not mark or _words(head) < _CHECK_MIN_WORDS or find(text, cues.INVITE):
        return False
    return not any(_ASKING_START.match(clause) for clause in _CLAUSE.split(head))


# "I understand that there are exceptions, but...", "I get it, but you have to see my side": understanding granted,
# then taken back; LABELLING.md section 2 counts "yes, but" as defensiveness, which earns no interpretation.
_YES_BUT = re.compile(r"\bi (?:understand|get it|get that|see (?:that|it|your point))\b[^.!?]{0,60}?,? but\b", re.I)


def _feel_as_think_only(sentence: str) -> bool:
    """The question's only sign of a specific feeling is "feel" meaning "think" (:data:`cues.FEEL_AS_THINK`)."""
    spans = find(sentence, cues.FEEL_AS_THINK)
    if not spans or NAMES_A_FEELING.search(sentence):
        return False
    return not find(_without(sentence, spans), cues.EX_STRONG)


def _without(sentence: str, spans: list[Span]) -> str:
    """The sentence with each span blanked out, so what is left can be checked on its own."""
    rest = sentence
    for s, e in sorted(spans, reverse=True):
        rest = rest[:s] + " " + rest[e:]
    return rest


def _words(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def _generic_only(sentence: str) -> bool:
    """The sentence's understanding is a generic formula with at most a couple of words besides."""
    spans = find(sentence, cues.IP_GENERIC)
    if not spans:
        return False
    return _words(_without(sentence, spans)) <= 3


def sentence_levels(sentence: str, hostile: bool, mocking: bool = False) -> dict[str, int]:
    """Cue levels of one sentence for each mechanism; ``mocking``: the reply mocks them somewhere, so an endearment
    in it is sarcasm ("Pot, kettle, sweetheart."), not warmth.

    A first-person "I'm sorry" names the replier's own feeling: emotional reaction 2 (LABELLING.md section 2).
    A subjectless "So sorry." scores 1 here; the reply lifts it to 2 when it also interprets specifically
    (see :func:`score_mechanisms`).
    """
    if _hits(sentence, cues.ER_STRONG) or _hits(sentence, cues.ER_DEEP):
        er = 2
    elif (
        _hits(sentence, cues.SORRY_INTENSE)
        or _hits(sentence, cues.ER_WEAK)
        or _hits(sentence, cues.ER_COMFORT)
        or (not mocking and _hits(sentence, cues.ER_ENDEARMENT))
    ):
        er = 1
    else:
        er = 0
    advice = bool(find(sentence, cues.ADVICE))
    ip = 2 if _hits(sentence, cues.IP_STRONG) else 1 if _hits(sentence, cues.IP_WEAK) else 0
    if (
        ip < 2
        and not advice
        and (
            _hits(sentence, cues.IP_INFER)
            or find(sentence, cues.IP_SHARED)
            or (find(sentence, cues.IP_RESTATE) and not _is_question(sentence))
            or find(sentence, cues.REFLECTIVE_QUESTION)
        )
    ):
        # Specific (names what was inferred or lived) or generic ("That sounds hard.").
        ip = 2 if _words(sentence) >= 8 else max(ip, 1)
    if ip == 2 and _generic_only(sentence):
        ip = 1
    if hostile or find(sentence, cues.SELF_JUSTIFY) or _YES_BUT.search(sentence):
        ip = 0
    ex = 0
    if _is_question(sentence) and not hostile and not find(sentence, cues.RHETORICAL) and not advice:
        inner = bool(find(sentence, cues.EX_INNER))
        strong = inner or (bool(find(sentence, cues.EX_STRONG)) and not _feel_as_think_only(sentence))
        ex = 2 if strong and (inner or _words(sentence) > 5) else 1
        if ex == 2 and not inner and _BARE_FEELING_QUESTION.search(sentence) and not NAMES_A_FEELING.search(sentence):
            ex = 1  # "How do you feel after you drink?" asks about a feeling but names none: generic
        if not inner and _fact_question(sentence):
            ex = 0
        if find(sentence, cues.REFLECTIVE_QUESTION) or _checks_a_statement(sentence):
            ex = 0
        if ex:
            ex = 2 if proposes_an_experience(sentence) and not _feel_as_think_only(sentence) else 1
    return {"emotional_reaction": er, "interpretation": ip, "exploration": ex}


def reflects_feeling(text: str, spans: list[Span]) -> bool:
    """A sentence says their feeling or what matters to them back to them ("So you're pretty angry about
    it", "Your mom is really important to you"): EPITOME's strong interpretation (LABELLING.md section 2)."""
    return any(find(text[s:e], cues.IP_FEELING_REFLECTION) for s, e in spans)


def _specific_apology(text: str, spans: list[Span]) -> bool:
    """An intensified apology said about something named: in the same sentence or beside a statement."""
    for i, (start, end) in enumerate(spans):
        if not find(text[start:end], cues.SORRY_INTENSE):
            continue
        if _words(text[start:end]) > 6:
            return True
        others = [text[s:e] for j, (s, e) in enumerate(spans) if j != i]
        if any(_words(o) >= 8 and not _is_question(o) and _PERSON.search(o) for o in others):
            return True
    return False


def _head_level(head_probs: np.ndarray, thresholds: np.ndarray, labels: tuple[str, ...], name: str) -> int:
    p1, p2 = head_probs[labels.index(f"{name}>=1")], head_probs[labels.index(f"{name}>=2")]
    t1, t2 = thresholds[labels.index(f"{name}>=1")], thresholds[labels.index(f"{name}>=2")]
    return 2 if p2 >= t2 else 1 if p1 >= t1 else 0


# A reflection of a plan or a fact ("So you're going to set your alarm for 6:15?", "Sounds like a good plan")
# or a debater's paraphrase ("So you're saying...", "So you just don't believe...") shows no understanding
# of a feeling or an experience (LABELLING.md section 2), so it keeps no level of its own.
_PLAN_OR_CHALLENGE = re.compile(
    r"\b(?:plan|going to|gonna|(?:would|'d) like to|looking for|mentioned|made it|advantages?|priced?"
    r"|you(?:'re| are) saying|so you just|you don'?t (?:agree|believe|think)|good idea)\b",
    re.I,
)


def _learned_levels(
    text: str,
    spans: list[Span],
    reply_vec: np.ndarray,
    levels: dict[str, int],
    hostile: bool,
    ip_spans: list[Span],
    to_partner: bool,
) -> None:
    """The ``levels`` head (trained on real replies, ``make train``) where phrase cues fall short.

    Warmth: the head may add a weak level the cues missed (never in a hostile reply); a strong one
    needs the replier's own feeling named, which the cues check. Understanding: the cues decide
    whether there is any (a hostile or advice-only reply has none); the head decides how specific it
    is, an explicit phrase of understanding ("I can see why...") keeps at least 1, and a reply whose
    only understanding is such a generic formula stays at 1 (LABELLING.md §2). The head learned from Reddit and
    AnnoMI replies; on a reply to a partner (``to_partner``) it never lowers a strong understanding inferred in so
    many words ("u waited all day and nothing came, that must have felt like u didnt matter to me").
    """
    inferred = (
        to_partner and levels["interpretation"] == 2 and any(_hits(text[s:e], cues.FELT_INFERRED) for s, e in ip_spans)
    )
    cue_interpretation = 2 if inferred else 0
    head = load_head("levels")
    probs = head.probs(reply_vec)[0]
    if not hostile and levels["emotional_reaction"] == 0:
        er = _head_level(probs, head.thresholds, head.labels, "emotional_reaction")
        levels["emotional_reaction"] = min(er, 1)
    if levels["interpretation"]:
        explicit = any(
            _hits(text[s:e], cues.IP_STRONG)
            or _hits(text[s:e], cues.IP_WEAK)
            or find(text[s:e], cues.IP_GENERIC)
            or (find(text[s:e], cues.REFLECTIVE_QUESTION) and not _PLAN_OR_CHALLENGE.search(text[s:e]))
            for s, e in spans
        )
        ip = _head_level(probs, head.thresholds, head.labels, "interpretation")
        if levels["interpretation"] == 1 and ip_spans and all(_generic_only(text[s:e]) for s, e in ip_spans):
            ip = 1
        levels["interpretation"] = max(ip, 1 if explicit else 0, cue_interpretation)
    if not hostile and reflects_feeling(text, spans):
        levels["interpretation"] = 2  # the feeling, named back to them


def score_mechanisms(
    text: str,
    spans: list[Span],
    vecs: np.ndarray,
    reply_vec: np.ndarray,
    hostile_spans: list[Span],
    mocking_spans: list[Span] | None = None,
    to_partner: bool = False,
    attacking: bool = False,
) -> dict[str, MechanismScore]:
    """Levels and spans of the three mechanisms for the reply's sentences.

    ``vecs`` holds one embedding per sentence span, ``reply_vec`` the whole reply's. A sentence
    with contempt in it (``mocking_spans``) earns no warmth: a sarcastic "I'm SO sorry" is not one.
    ``to_partner``: the register gate read the reply as answering a partner's message. ``attacking``: the reply holds a
    finding other than fixing, so it earns no interpretation or exploration.
    """
    annomi = load_head("annomi")
    own = load_head("replies")
    a_probs = annomi.probs(vecs)
    levels: dict[str, int] = dict.fromkeys(MECHANISMS, 0)
    where: dict[str, list[Span]] = {m: [] for m in MECHANISMS}
    for i, (start, end) in enumerate(spans):
        sentence = text[start:end]
        hostile = any(s < end and start < e for s, e in hostile_spans)
        got = sentence_levels(sentence, hostile, mocking=bool(mocking_spans))
        if any(s < end and start < e for s, e in mocking_spans or ()):
            got["emotional_reaction"] = 0
        if not hostile and not find(sentence, cues.SELF_JUSTIFY):
            if (
                got["interpretation"] == 0
                and a_probs[i, 0] >= annomi.thresholds[0]
                and "you" in sentence.lower()
                and not _is_question(sentence)
                and not find(sentence, cues.ADVICE)
            ):
                got["interpretation"] = 1
            if (
                got["exploration"] == 0
                and a_probs[i, 1] >= annomi.thresholds[1]
                and _is_question(sentence)
                and not _fact_question(sentence)
            ):
                got["exploration"] = 1 if not find(sentence, cues.RHETORICAL) else 0
        for name, level in got.items():
            if level:
                levels[name] = max(levels[name], level)
                where[name].append((start, end))
    if levels["emotional_reaction"] == 1 and _specific_apology(text, spans):
        levels["emotional_reaction"] = 2  # "I'm so sorry. <what they went through>"
    if levels["emotional_reaction"] == 1 and to_partner:
        sorry = [(s, e) for s, e in spans if find(text[s:e], cues.BARE_SORRY)]
        if sorry and not mocking_spans:  # "Sorry for caring." beside contempt is sarcasm
            levels["emotional_reaction"] = 2  # "Sorry, love.": their own apology, said to the partner
            where["emotional_reaction"] += sorry
    o_probs = own.probs(reply_vec)[0]
    for j, name in enumerate(own.labels):
        if levels[name] == 0 and o_probs[j] >= own.thresholds[j] and not hostile_spans:
            if name != "exploration" or not _asks_only_facts(text, spans):
                levels[name] = 1
    _learned_levels(text, spans, reply_vec, levels, bool(hostile_spans), where["interpretation"], to_partner)
    if mocking_spans:
        # A reply that mocks asks rhetorically, whatever its questions look like ("Who still says that?
        # You look like an idiot."): LABELLING.md section 2 gives sarcastic questions no exploration.
        levels["exploration"], where["exploration"] = 0, []
    if attacking:
        # "Defensive or hostile text earns no interpretation" and its questions are rhetorical (LABELLING.md section
        # 2): of 1,696 labelled replies with a finding (tuning splits), 1,675 have neither, also where one sentence
        # is warm ("I know you're hurt, but you need to drop it. Who told you anyway?"). Advice alone is not hostile.
        for name in ("interpretation", "exploration"):
            levels[name], where[name] = 0, []
    return {m: MechanismScore(m, levels[m], merge_spans(where[m])) for m in MECHANISMS}
