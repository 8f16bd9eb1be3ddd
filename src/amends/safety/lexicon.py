"""Loads the detector's data files: regex patterns, idioms, skip contexts and prototypes.

The files live in ``amends/safety/data`` and are headed by their provenance. Everything is
compiled once and cached; nothing is downloaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

FLAG_TYPES = ("suicide_risk", "self_harm", "abuse_victim", "abuse_perpetration")
# Someone other than the writer at risk (LABELLING.md section 3): a pattern-only flag beside FLAG_TYPES, which the
# head scores; it is never the writer's crisis (``detector._someone_elses_risk``).
THIRD_PARTY = "third_party"


@dataclass(frozen=True)
class Pattern:
    type: str
    regex: re.Pattern[str]
    negatable: bool


@dataclass(frozen=True)
class WarningSigns:
    """Signs of one type that add up across sentences: a ``first`` and a ``second`` in different sentences,
    or two ``first`` ones when ``first_twice``."""

    type: str
    first: tuple[re.Pattern[str], ...]
    second: tuple[re.Pattern[str], ...]
    first_twice: bool


@dataclass(frozen=True)
class Lexicon:
    patterns: tuple[Pattern, ...]
    danger: tuple[re.Pattern[str], ...]
    idioms: tuple[re.Pattern[str], ...]
    about_others: tuple[re.Pattern[str], ...]
    resolved_past: tuple[re.Pattern[str], ...]
    recurrence: re.Pattern[str]
    negations: frozenset[str]
    # Repair-talk frames (apologies, "I know you were scared", "I made you feel...") in which
    # risk-like words describe the partner's feelings or the writer's regret, not a risk.
    relational: tuple[re.Pattern[str], ...]
    # Agreement frames ("it was my idea", "we swapped keys"): control words there describe a deal.
    consensual: tuple[re.Pattern[str], ...]
    # Words that keep a first-person risk reading alive inside such a frame ("sorry I'm a burden").
    self_risk_cue: re.Pattern[str]
    # What a head-only victim flag needs somewhere in its text: someone else, a blow told in the passive, abuse
    # named, or leaving planned.
    victim_context: tuple[re.Pattern[str], ...]
    # Someone else's abuse told by a relative or friend, and the writer's own harm or fear that keeps a flag alive.
    third_party_victim: tuple[re.Pattern[str], ...]
    own_harm: re.Pattern[str]
    # Abuse by an ex that is over: the ex, a sign of time passed or life moved on, and what keeps it present.
    abuse_over: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]
    # Abuse named as a topic: in a text with no first-person word, news or awareness (``features.model_gate``).
    abuse_as_topic: re.Pattern[str]
    # Someone else's suicide threat made a condition on the writer: coercion as well as their risk.
    threat_condition: tuple[re.Pattern[str], ...]
    # A supporter's own risk told as past, and what makes it present again (``features.others_suicide_words``).
    shared_past: tuple[re.Pattern[str], re.Pattern[str]]
    # Content a similarity flag of that type must show (abuse only: violence, threat, control).
    similarity_cues: tuple[tuple[str, re.Pattern[str]], ...]
    # The narrower core of a type's cues; a head-only flag with a wide cue but none of these needs more.
    strong_cues: tuple[tuple[str, re.Pattern[str]], ...]
    # Words of a type's topic only inside a struggle ("promising myself I won't do it this weekend").
    struggle_cues: tuple[tuple[str, re.Pattern[str]], ...]
    # Warning signs that add up across sentences (``warning_signs``): per type, the first and second signs.
    warning_signs: tuple[WarningSigns, ...]
    # By type, uses of its wide cues that are no topic word: ``harmless_uses`` for the self-risk types ("I told
    # myself", "getting the train"), ``object_uses`` for both abuse types ("I broke her trust").
    harmless_uses: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    # Someone else threatening to kill the writer ("he said he would kill me"): a head-only suicide flag on such a
    # sentence is the victim's danger misread as the writer's own wish to die.
    threat_to_writer: re.Pattern[str]
    # The writer's own act on their own body: a head-only self-harm flag in a text that also flags as abuse victim
    # needs one in its sentence, or the marks it read are the ones a partner left.
    self_injury_cue: re.Pattern[str]
    # A blow, a throw or a threat aimed at someone else: a perpetration flag on the words of the writer's own self-harm
    # ("I punched the wall until my knuckles split") stays only where its sentence aims one at someone.
    aimed_at_someone: re.Pattern[str]
    # The writer seeing or hearing someone else's violence: the head's perpetration reading of it names the wrong hand.
    witnessed: re.Pattern[str]
    # The partner's blame for their own act, reported by the writer ("he says I made him do it"): not a confession.
    blamed_on_writer: re.Pattern[str]
    # Someone else's hand dealing a blow, and words that make a self-harm match the writer's own doing
    # (amends.safety.bodies).
    hand_of_someone: re.Pattern[str]
    self_reference: re.Pattern[str]
    # A victim's plan to leave for safety: a head-only suicide flag on it, in a victim's text, is that plan misread.
    leaving_plan_cue: re.Pattern[str]
    # Someone else at risk (LABELLING.md section 3, third_party; ``detector._someone_elses_risk``): of suicide or
    # self-harm, or from a partner of theirs; an attempt of theirs long past (no flag, but the writer's flag on it gives
    # way); and the writer's own risk told in the same sentence, which keeps the writer's flag.
    someone_at_risk: tuple[re.Pattern[str], ...]
    someone_abused: tuple[re.Pattern[str], ...]
    someone_past_attempt: re.Pattern[str]
    writer_at_risk: re.Pattern[str]
    writer_echo: re.Pattern[str]
    # Whose words a suicide or self-harm pattern matched: the nearest person named before it (``third_person``), and a
    # death or a time long past told with it (``their_loss``), which is no one's risk now.
    third_person: re.Pattern[str]
    their_loss: re.Pattern[str]


def _read_yaml(name: str) -> Any:
    text = resources.files("amends.safety.data").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _compile(expr: str) -> re.Pattern[str]:
    return re.compile(expr, re.IGNORECASE)


def _harmless_uses(data: dict[str, Any]) -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    # A verb that lands on a thing or a feeling is no abuse word on either side: both abuse types share one tuple.
    objects = tuple(_compile(e) for e in data["object_uses"])
    self_risk = tuple((k, tuple(_compile(e) for e in v)) for k, v in data["harmless_uses"].items())
    return (*self_risk, ("abuse_victim", objects), ("abuse_perpetration", objects))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled pattern data, loaded once. Every section is required: a missing one is a KeyError at
    start-up (the web app warms the detector), not a gate that quietly stops gating."""
    data = _read_yaml("patterns.yaml")
    patterns = tuple(
        Pattern(kind, _compile(entry["re"].replace("{woken}", data["woken"])), bool(entry.get("negatable", True)))
        for kind in FLAG_TYPES
        for entry in data[kind]
    )
    return Lexicon(
        patterns=patterns,
        danger=tuple(_compile(e["re"]) for e in data["immediate_danger"]),
        idioms=tuple(_compile(e) for e in data["idioms"]),
        about_others=tuple(_compile(e) for e in data["context_skip"]["other"]),
        resolved_past=tuple(_compile(e) for e in data["context_skip"]["resolved"]),
        recurrence=_compile(data["recurrence"]),
        negations=frozenset(data["negations"]),
        relational=tuple(_compile(e) for e in data["context_skip"]["relational"]),
        consensual=tuple(_compile(e) for e in data["context_skip"]["consensual"]),
        self_risk_cue=_compile(data["self_risk_cue"]),
        victim_context=tuple(_compile(e) for e in data["victim_context"]),
        third_party_victim=tuple(
            _compile(e.replace("{relative}", data["relatives"])) for e in data["third_party_victim"]
        ),
        own_harm=_compile(data["own_harm"]),
        abuse_over=(
            _compile(data["abuse_over"]["ex"]),
            _compile(data["abuse_over"]["moved_on"]),
            _compile(data["abuse_over"]["present"]),
        ),
        abuse_as_topic=_compile(data["abuse_as_topic"]),
        threat_condition=tuple(_compile(e) for e in data["threat_condition"]),
        shared_past=(_compile(data["shared_past"]["past"]), _compile(data["shared_past"]["present"])),
        similarity_cues=tuple((k, _compile(v)) for k, v in data["similarity_cues"].items()),
        strong_cues=tuple((k, _compile(v)) for k, v in data["strong_cues"].items()),
        struggle_cues=tuple((k, _compile(v)) for k, v in data["struggle_cues"].items()),
        harmless_uses=_harmless_uses(data),
        threat_to_writer=_compile(data["threat_to_writer"]),
        self_injury_cue=_compile(data["self_injury_cue"]),
        aimed_at_someone=_compile(data["aimed_at_someone"]),
        witnessed=_compile(data["witnessed"]),
        blamed_on_writer=_compile(data["blamed_on_writer"]),
        hand_of_someone=_compile(data["hand_of_someone"]),
        self_reference=_compile(data["self_reference"]),
        leaving_plan_cue=_compile(data["leaving_plan_cue"]),
        someone_at_risk=tuple(_compile(e.replace("{someone}", data["someone"])) for e in data["someone_at_risk"]),
        someone_abused=tuple(_compile(e.replace("{relation}", data["relation"])) for e in data["someone_abused"]),
        someone_past_attempt=_compile(data["someone_past_attempt"].replace("{someone}", data["someone"])),
        writer_at_risk=_compile(data["writer_at_risk"]),
        writer_echo=_compile(data["writer_echo"]),
        third_person=_compile(data["third_person"].replace("{someone}", data["someone"])),
        their_loss=_compile(data["their_loss"]),
        warning_signs=tuple(
            WarningSigns(
                kind,
                tuple(_compile(e) for e in signs["first"]),
                tuple(_compile(e) for e in signs["second"]),
                bool(signs["first_twice"]),
            )
            for kind, signs in data["warning_signs"].items()
        ),
    )


@lru_cache(maxsize=1)
def prototypes() -> dict[str, tuple[str, ...]]:
    """Prototype sentences by flag type, plus ``pass`` for look-alikes that must not flag."""
    data = _read_yaml("prototypes.yaml")
    return {key: tuple(str(s) for s in data[key]) for key in (*FLAG_TYPES, "pass")}
