"""The reply coach: ``analyze_reply(partner_message, reply) -> ReplyReport``.

Scores the three EPITOME mechanisms (Sharma et al. 2020) 0/1/2 with spans, finds the
patterns that hurt a reply (Gottman's Four Horsemen and kin), checks the reply follows what
the partner said, and suggests what would help, in the spirit of HAILEY's just-in-time
feedback (Sharma et al. 2023). It never says who is right, and praises only what the
text earns: a reply that validates the writer's own position gets no credit for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np

from amends.coach import matching
from amends.coach.embed import INT8, embed_cached, embed_one
from amends.coach.embed import prewarm as _prewarm_texts
from amends.coach.emotions import EmotionReport, read_emotions
from amends.coach.models.heads import Head, load_head
from amends.coach.reply import cues
from amends.coach.reply.context import LOW_ATTUNEMENT, attunement
from amends.coach.reply.mechanisms import (
    MECHANISMS,
    MechanismScore,
    reflects_feeling,
    score_mechanisms,
    sentence_levels,
)
from amends.coach.reply.report import ReplyReport, suggestions, total_score
from amends.coach.reply.rules import RULES
from amends.coach.reply.rules._base import find, instead_of
from amends.coach.reply.sentences import content_stems, sentences
from amends.coach.results import Finding, outermost
from amends.coach.text import check_text

_FEELING_WORD = re.compile(r"\bfe(?:el|lt|eling)\b", re.I)  # compiled at import, not in a request
# "You made me feel worthless": the writer's own hurt, said as a feeling (LABELLING.md section 2 keeps
# contempt and criticism for mockery and attacks on character, which the rules find by their words).
OWN_FEELING = re.compile(r"\b(?:i (?:feel|felt)|(?:made|makes|make|making) me feel)\b", re.I)

__all__ = [
    "MECHANISMS",
    "OWN_FEELING",
    "MechanismScore",
    "ReplyReport",
    "analyze_reply",
    "find_rules",
    "prewarm",
    "reply_vector",
]

_RULES_BY_NAME = {rule.NAME: rule for rule in RULES}
NO_PARTNER_NOTE = (
    "No partner message was given, so this only reads your reply on its own. "
    "Add what they said to check that your reply answers it."
)
OFF_TOPIC_NOTE = "Your reply says little about what they actually wrote."


@lru_cache(maxsize=256)
def _read_partner(text: str) -> EmotionReport:
    """The partner's message is re-read for every draft of the reply; the report is immutable."""
    return read_emotions(text)


def find_rules(text: str) -> tuple[Finding, ...]:
    """Every finding rule's matches in text, in reading order."""
    found = outermost([finding for rule in RULES for finding in rule.check(text)])
    return tuple(sorted(found, key=lambda f: (f.span, f.rule)))


def learned_findings(
    reply: str, spans: list[tuple[int, int]], vecs: np.ndarray, reply_vec: np.ndarray, found: tuple[Finding, ...]
) -> tuple[Finding, ...]:
    """Findings the ``findings`` head (contempt and criticism, trained on real replies) sees that no rule matched.
    On a reply the ``partner_register`` gate reads as answering a partner's message, :func:`partner_findings` adds
    what the partner head sees (all nine, ``train/train_partner.py``); with no message given, only this head and
    the rules speak.

    The span is the sentence the head scores highest, so the highlight points at the words.
    """
    have = {f.rule for f in found}
    extra = _head_findings(load_head("findings"), reply, spans, vecs, reply_vec, have)
    return tuple(f for f in extra if f is not None)


def partner_findings(
    reply: str,
    spans: list[tuple[int, int]],
    vecs: np.ndarray,
    reply_vec: np.ndarray,
    found: tuple[Finding, ...],
) -> tuple[Finding, ...]:
    """The partner head's findings, for a reply the gate (:func:`to_a_partner`) reads as answering a partner."""
    if _only_questions_after_them(reply, spans):
        return ()
    have = {f.rule for f in found}
    added = []
    for i, name in partner_head_findings(reply, spans, vecs, reply_vec, have):
        start, end = spans[i]
        if sentence_levels(reply[start:end], False)["interpretation"]:
            continue  # a sentence the cues read as understanding them is not an attack for this head to name
        if name == "stonewalling" and matching.contains(reply, cues.COMING_BACK):
            continue  # a pause that says when they will talk again is the antidote, not the horseman
        added.append(_finding(reply, spans[i], name))
    return tuple(f for f in added if f is not None)


# A bare yes ("ok", "sure", "will do") to something they asked the writer to do ("can you pick up the kids today, i cant
# look at you right now"): a stop 60 probe (a helper's set) found it read as stonewalling and defensiveness. Doing what
# was asked is no refusal to engage; "ok." to a question they need answered ("are you still seeing him?") still is.
_ASKS_FOR_AN_ACT = re.compile(
    r"\b(?:can|could|will|would) (?:you|u) (?:(?:please|just) )*"
    r"(?!(?:please|just|tell|explain|answer|say|admit|stop)\b)[a-z]+\b"
    r"(?![^.?!]*\b(?:why|what|who|where|when|whether)\b)|^\W*please\b",
    re.I,
)
_BARE_YES = re.compile(r"^\W*(?:ok(?:ay)?|sure|yes|yeah|yep|will do|on it|of course|no problem)\W*$", re.I)


def _agrees_to_a_request(partner_message: str, reply: str) -> bool:
    return bool(_BARE_YES.match(reply)) and bool(_ASKS_FOR_AN_ACT.search(partner_message))


def _only_questions_after_them(reply: str, spans: list[tuple[int, int]]) -> bool:
    """A reply made only of questions the cues read as asking after them ("Holding up okay?", "Was it lonely sitting
    there next to an empty chair?", "hey love, what do you mean? whats going on?"). The partner head learned bare
    questions from sarcastic ones and called these contempt, minimizing, defensiveness or counterattack (stops 55 and
    60), so it is not asked about them; a sarcastic one ("Happy now?", "So what?") is rhetorical to the cues
    (lexicons/rhetorical_questions.txt) and stays the head's."""
    return all(
        reply[start:end].rstrip().endswith("?") and sentence_levels(reply[start:end], False)["exploration"]
        for start, end in spans
    )


def partner_reply_features(reply_vec: np.ndarray, partner_vec: np.ndarray | None) -> np.ndarray:
    """The gate's input: the reply's vector, the message's (zeros when none was given) and whether one was."""
    given = partner_vec is not None
    message = partner_vec if partner_vec is not None else np.zeros_like(reply_vec)
    return np.concatenate([reply_vec, message, [1.0 if given else 0.0]]).astype(np.float32)


def to_a_partner(reply_vec: np.ndarray, partner_vec: np.ndarray | None) -> bool:
    """Is this a reply to a hurt partner's message, the register the partner findings head learned from? Reddit
    comments and counselling turns are not: read as partner replies, their register looked like hostility."""
    gate = load_head("partner_register")
    return bool(gate.probs(partner_reply_features(reply_vec, partner_vec))[0, 0] >= gate.thresholds[0])


def _head_findings(
    head: Head, reply: str, spans: list[tuple[int, int]], vecs: np.ndarray, reply_vec: np.ndarray, have: set[str]
) -> list[Finding | None]:
    probs = head.probs(reply_vec)[0]
    per_sentence = head.probs(vecs) if len(spans) > 1 else None
    return [
        _finding(reply, spans[int(per_sentence[:, j].argmax())] if per_sentence is not None else spans[0], name)
        for j, name in enumerate(head.labels)
        if name not in have and probs[j] >= head.thresholds[j]
    ]


def heads_agree(
    head_findings: Callable[
        [str, list[tuple[int, int]], np.ndarray, np.ndarray, tuple[Finding, ...]], tuple[Finding, ...]
    ],
    reply: str,
    spans: list[tuple[int, int]],
    vecs: np.ndarray,
    reply_vec: np.ndarray,
    owning: list[bool],
    found: tuple[Finding, ...],
) -> tuple[Finding, ...]:
    """A findings head's findings (``head_findings``: :func:`learned_findings` or :func:`partner_findings`) kept only
    where the head also reads them in the reply less its sentences that own hurtful words the writer said ("I'm sorry
    I told you to calm down."), placed there. A head reads the whole reply, so the reported words would otherwise lend
    themselves to a finding on the next sentence ("... That was dismissive and you deserved to be heard." read as
    contempt); a finding the rest holds on its own stays ("... But honestly you do overreact sometimes.").
    ``owning`` says which sentences own such words (:func:`matching.owns_saying`), read once for both heads."""
    whole = head_findings(reply, spans, vecs, reply_vec, found)
    if not whole or not any(owning):
        return whole
    keep = [i for i, owned in enumerate(owning) if not owned]
    if not keep:
        return ()
    pieces, last = [], 0
    for (start, end), owned in zip(spans, owning, strict=True):
        if owned:  # blanked, not cut, so the spans still index the reply
            pieces += [reply[last:start], " " * (end - start)]
            last = end
    rest = "".join(pieces) + reply[last:]
    kept = [spans[i] for i in keep]
    again = {f.rule: f for f in head_findings(rest, kept, vecs[keep], reply_vector(vecs[keep]), found)}
    return tuple(again[f.rule] for f in whole if f.rule in again)


MOST_ADDED = 3  # the partner head's findings on one reply, at most


def partner_head_decision(probs: np.ndarray, thresholds: np.ndarray, found: np.ndarray) -> np.ndarray:
    """Which findings the partner head adds, for each row of ``probs`` (its labels' scores, "any finding" last) given
    the findings already ``found`` there (one column per finding): on a reply it reads as hostile, each finding past
    its threshold, at most ``MOST_ADDED``, the furthest past first; if none is and nothing was found, the likeliest.
    The coach decides with it, and ``train/train_partner.py`` chooses the thresholds with it."""
    types, hostile = probs[:, :-1], probs[:, -1] >= thresholds[-1]
    add = hostile[:, None] & (types >= thresholds[:-1])
    need = hostile & ~found.any(1) & ~add.any(1)
    add[need, types[need].argmax(1)] = True
    margin = np.where(add, types - thresholds[:-1], -np.inf)
    kept = np.argsort(-margin, axis=1)[:, :MOST_ADDED]
    capped = np.zeros_like(add)
    np.put_along_axis(capped, kept, np.take_along_axis(add, kept, axis=1), axis=1)
    decided: np.ndarray = capped & ~found
    return decided


def partner_head_findings(
    reply: str, spans: list[tuple[int, int]], vecs: np.ndarray, reply_vec: np.ndarray, have: set[str]
) -> list[tuple[int, str]]:
    """(sentence index, finding) the partner head adds (:func:`partner_head_decision`), each on the sentence it scores
    highest, the finding furthest past its threshold first."""
    head = load_head("partner_findings")
    probs = head.probs(reply_vec, texts=[reply])
    found = np.array([[name in have for name in head.labels[:-1]]])
    added = np.flatnonzero(partner_head_decision(probs, head.thresholds, found)[0])
    if not len(added):
        return []
    margins = probs[0, :-1] - head.thresholds[:-1]
    per_sentence = head.probs(vecs, texts=[reply[s:e] for s, e in spans])
    return [(int(per_sentence[:, j].argmax()), head.labels[j]) for j in sorted(added, key=lambda j: -margins[j])]


# The head findings that give way to a reason disowned ("..., but that's no excuse") and to a repair done or offered
# ("I deleted the app this morning"; "you can look at my phone whenever you want" read as counterattack, stop 60
# probe; "Would it help if I texted at lunch?" read as minimizing, stop 64): see _finding.
_OWNED_REASON_VETOES = frozenset({"defensiveness", "blame", "stonewalling"})
_REPAIR_VETOES = frozenset({"defensiveness", "stonewalling", "fixing", "counterattack", "minimizing"})
# A plan put to them beside the repair ("I've deleted the app, and I think we should just book you a flight") is still
# advice before the feeling is heard, whatever the repair.
_PROPOSES = re.compile(
    r"\b(?:we|you|u) (?:should|could|need to|have to|must|ought to)\b|\binstead of\b|\blet'?s\b", re.I
)


# A reply that is only a closing word ("whatever.", "fine"): the heads read contempt into it, where LABELLING.md
# section 2 lists it as stonewalling (stop 59 probe, a helper's set; the contempt lexicon gave it up in stop 52 for the
# same reason).
_BARE_CLOSE = re.compile(r"^\W*(?:ok|okay|k|fine|sure|noted|whatever)\W*$", re.I)


def _finding(reply: str, span: tuple[int, int], name: str) -> Finding | None:
    """A head's finding on the sentence it scored highest, unless that sentence states the writer's own feeling (only
    a rule's words make that contempt or criticism), validates theirs, or owns hurtful words the writer said ("I'm sorry
    I told you to calm down.": the act named, not repeated); nor defensiveness, blame or stonewalling in a reply that
    disowns its reason as an excuse or refuses to defend it, nor defensiveness, stonewalling, fixing, counterattack or
    minimizing on a sentence that tells a repair done or offered, nor contempt or defensiveness on a sentence that is
    only a closing word ("whatever.", "ok")."""
    start, end = span
    sentence = reply[start:end]
    if OWN_FEELING.search(sentence) or matching.contains(sentence, cues.VALIDATION) or matching.owns_saying(sentence):
        return None
    if name in _OWNED_REASON_VETOES and matching.contains(reply, cues.REASON_DISOWNED):
        # "My phone died, but that's no excuse": the reason is owned as no excuse, and the head's pick of the sentence
        # after it ("...not an excuse. she looked for me in the crowd and i wasnt there", stop 60 probe) is the impact
        return None
    if name in _REPAIR_VETOES and matching.contains(sentence, cues.REPAIR_OFFERED) and not _PROPOSES.search(sentence):
        return None  # "I deleted the app this morning": a repair done or offered, not a door closed
    if name in ("contempt", "defensiveness") and _BARE_CLOSE.match(sentence):
        # "whatever." or "ok" alone closes the door: stonewalling, which its rule finds (LABELLING.md section 2); it
        # defends nothing (stop 64: the partner head read a bare "ok" as defensiveness)
        return None
    rule = _RULES_BY_NAME[name]
    return Finding(rule.NAME, rule.SEVERITY, span, rule.MESSAGE, instead_of(reply, span, rule.SUGGESTION), rule.SOURCE)


_ATTACKS = frozenset({"contempt", "criticism"})


def without_attacking_orders(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """Drop "fixing" where its words are part of an attack ("Stop lying.", "Go to the eye doctor", "you need to have
    a negative IQ to enjoy that"): an order given in contempt offers no solution, so it is the contempt or criticism
    found there, not advice before the feeling (LABELLING.md section 2)."""
    attacks = [f.span for f in findings if f.rule in _ATTACKS]
    return tuple(
        f
        for f in findings
        if f.rule != "fixing" or not any(start < f.span[1] and f.span[0] < end for start, end in attacks)
    )


def analyze_reply(partner_message: str | None = None, reply: str | None = None) -> ReplyReport:
    """Analyse ``reply`` to a partner, against ``partner_message`` when there is one.

    Raises :class:`amends.coach.text.TextRejected` for text the coach cannot read.
    """
    reply = check_text(reply, what="reply")
    if partner_message is not None:
        check_text(partner_message, what="partner message")
    spans = sentences(reply)
    vecs = embed_cached([reply[s:e] for s, e in spans], model=INT8)
    reply_vec = reply_vector(vecs)
    partner_vec = None if partner_message is None else embed_one(partner_message, model=INT8)
    # With no message there is no partner to answer: the gate was trained so (no reply without one passed it, 0 of
    # 3,510 labelled texts), and the hurt partner's feeling-statement coach, which gives none, relies on it.
    to_partner = partner_vec is not None and to_a_partner(reply_vec, partner_vec)
    agreeing = partner_message is not None and _agrees_to_a_request(partner_message, reply)
    findings = () if agreeing else _findings(reply, spans, vecs, reply_vec, to_partner)
    mocking = [f.span for f in findings if f.rule == "contempt"]
    attacking = any(f.rule != "fixing" for f in findings)
    mechanisms = score_mechanisms(
        reply, spans, vecs, reply_vec, [f.span for f in findings], mocking, to_partner, attacking
    )
    notes: list[str] = []
    attune = None
    questions: tuple[str, ...] = ()
    if partner_message is None or partner_vec is None:
        notes.append(NO_PARTNER_NOTE)
    else:
        partner = _read_partner(partner_message)
        questions = partner.questions
        attune = attunement(reply, vecs, partner_message, partner_vec, partner)
        answers = _answers_them(reply)
        if attune.score < LOW_ATTUNEMENT and not answers:
            notes.append(OFF_TOPIC_NOTE)
        if attune.score < CAP_ATTUNEMENT and not answers:
            mechanisms = _cap(
                mechanisms, 1, _asks_on_topic(reply, spans, partner_message), reflects_feeling(reply, spans)
            )
    return ReplyReport(
        partner_message,
        reply,
        total_score(mechanisms, findings, attune),
        mechanisms,
        findings,
        suggestions(mechanisms, attune, questions),
        tuple(notes),
        attune,
    )


def _findings(
    reply: str, spans: list[tuple[int, int]], vecs: np.ndarray, reply_vec: np.ndarray, to_partner: bool
) -> tuple[Finding, ...]:
    """The rules' findings, then what the findings head adds and, on a reply to a partner, the partner head."""
    ruled = find_rules(reply)
    owning = [matching.owns_saying(reply[s:e]) for s, e in spans]
    heads = (reply, spans, vecs, reply_vec, owning)
    findings = without_attacking_orders(ruled + heads_agree(learned_findings, *heads, ruled))
    if to_partner:
        findings += heads_agree(partner_findings, *heads, findings)
    return findings


def reply_vector(sentence_vecs: np.ndarray) -> np.ndarray:
    """The whole reply's vector: the L2-normalised mean of its sentence vectors (one encoder call fewer
    than embedding the reply again; the ``replies`` head is trained on the same vectors)."""
    mean = sentence_vecs.mean(axis=0)
    unit: np.ndarray = (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
    return unit


def prewarm(records: Iterable[Mapping[str, Any]]) -> int:
    """Batch-embed every text :func:`analyze_reply` will embed for these batch records (``partner`` and
    ``text`` fields), so the analysis finds them in the embedding cache. Never raises on a bad record."""
    texts: list[str] = []
    for record in records:
        reply, partner = record.get("text"), record.get("partner")
        if isinstance(reply, str) and reply.strip():
            texts += [reply[s:e] for s, e in sentences(reply)]
        if isinstance(partner, str) and partner.strip():
            texts.append(partner)
    return _prewarm_texts(texts, model=INT8)


# Below this attunement a reply misses the message, and cannot interpret or explore it strongly.
# Lower than the off-topic note's LOW_ATTUNEMENT: a short, specific response to a long post
# (a support-forum reply, "I lost my mum at 20 too") shares few words with it yet follows it.
CAP_ATTUNEMENT = 0.25
_ABOUT = re.compile(r"\b(?:about|regarding) (?:the|our|my|your|a|an|this|that) ((?:[a-z']+ ){0,2}[a-z']+)", re.I)


def _answers_them(reply: str) -> bool:
    """The reply owns the act, validates or names their feeling or ordeal, gives its reason as no excuse, or offers a
    repair: it answers their message in its own words, which the shared-word part of the attunement cannot see
    ("You're right, I lied to you, and you have every right to be angry" to "You told me you'd given up the bookies.
    Then the bank statement came."; "Would it help if I texted you at lunch every day?" to "You never text back.")."""
    return any(matching.contains(reply, cue) for cue in _ANSWERING)


_ANSWERING = (
    cues.OWNED_ACT,
    cues.FELT_INFERRED,
    cues.REPAIR_OFFERED,
    cues.IP_STRONG,
    cues.FEELING_GRANTED,
    cues.REASON_DISOWNED,
)


def _asks_on_topic(reply: str, spans: list[tuple[int, int]], partner_message: str) -> bool:
    """A question about their feelings (``EX_INNER`` or "feel") that asks about nothing the message
    never mentioned: a reply built on it follows the message however few words it shares."""
    theirs = content_stems(partner_message)
    for start, end in spans:
        sentence = reply[start:end]
        if sentence_levels(sentence, False)["exploration"] < 2:
            continue
        if not (find(sentence, cues.EX_INNER) or _FEELING_WORD.search(sentence)):
            continue
        objects = [content_stems(m.group(1)) for m in _ABOUT.finditer(sentence)]
        if all(words <= theirs for words in objects):
            return True
    return False


def _cap(
    mechanisms: dict[str, MechanismScore], top: int, keep_exploration: bool = False, keep_interpretation: bool = False
) -> dict[str, MechanismScore]:
    """A reply that misses the partner's message cannot be strongly interpreting or exploring it
    (unless it asks how they feel about what they wrote: ``keep_exploration``, or names the feeling or
    what matters to them back to them: ``keep_interpretation``)."""
    capped = dict(mechanisms)
    names = [n for n, keep in (("interpretation", keep_interpretation), ("exploration", keep_exploration)) if not keep]
    for name in names:
        m = capped[name]
        capped[name] = MechanismScore(name, min(m.level, top), m.spans)
    return capped


def forget_partner_readings() -> None:
    """Drop the cached readings of partner messages (see amends.coach.memory)."""
    _read_partner.cache_clear()
