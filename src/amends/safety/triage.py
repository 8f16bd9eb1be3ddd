"""When to suggest outside help: the seed's four signs plus what the measures show.

Pure: give it plain values, get recommendations back. Abuse, substance use and mental health are
asked apart, and each is routed to its own lines. Couples therapy, therapist directories and joint
conversations appear only while there is no abuse signal of any kind: the person's own answer, screen
or argument log (``abuse``, ``abuse_flag``), or a paused couple space (``couple_work_paused``, whose
reason is never shown). FRAMEWORKS.md §3 (after Stith et al.: screen each partner privately before any
couples work): couples-therapy referrals appear only while no abuse flag has been raised.

A hurt that happens again, or a truth that comes out in instalments, is counted as a sign too: it
tends to weigh more than the first discovery (Schneider, Corley & Irons 1998 on staggered disclosure;
Elangovan, Auer-Rizzi & Szabo 2007 on repeated trust violations), and a pattern that keeps coming
back is what outside help is for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from amends.measures.instruments import cutoff
from amends.measures.scoring import ScoreResult
from amends.safety.resources import Resource, for_region

THERAPIST_QUESTIONS = (
    "Do you see each partner alone to screen for safety before couples work?",
    "What training do you have in couples therapy (for example EFT or the Gottman Method)?",
    "How do you work with affairs or a breach of trust?",
    "How will we know whether it is helping, and after how many sessions should we review?",
    "What do you charge, and do you offer a lower-cost option?",
)
STALL_WINDOW = dt.timedelta(weeks=12)
STALL_MIN_SPAN = dt.timedelta(weeks=8)
CSI_CUTOFF = cutoff("csi4")
# One new incident after the repair began is already a repeat: the first hurt was the repair itself.
REPEAT_INCIDENTS_FOR_HELP = 1

Series = Sequence[tuple[dt.date, float]]


@dataclass(frozen=True)
class Signals:
    """Everything triage looks at; all optional. Self-report fields mirror the seed's four signs."""

    region: str | None = None
    same_arguments: bool = False
    trust_struggle: bool = False
    abuse: bool = False
    substance_use: bool = False
    mental_health: bool = False
    emotional_fallout: bool = False
    recurring_groups: int = 0  # from recurring.find_recurring: groups with >= 3 entries
    repeat_incidents: int = 0  # times it happened again or more came out, after the repair began
    trust_series: Series = ()
    csi_series: Series = ()
    screens: Sequence[ScoreResult] = ()
    abuse_flag: bool = False  # raised by this person's own private screen, safety answers or text
    couple_work_paused: bool = False  # the shared space is paused; no couple work is suggested, reason unsaid


@dataclass(frozen=True)
class Recommendation:
    kind: str  # individual_help | substance_help | couples_therapy | aftermath_conversation | abuse_support
    title: str
    why: str
    resources: tuple[Resource, ...] = ()
    questions: tuple[str, ...] = ()


def stalled(series: Series) -> bool:
    """True when a score has not risen over the last 8-12 weeks of check-ins.

    Compares the average of the first two and last two check-ins within the last 12 weeks;
    needs at least 8 weeks between the first and the last of them.
    """
    if len(series) < 3:
        return False
    points = sorted(series)
    recent = [p for p in points if p[0] >= points[-1][0] - STALL_WINDOW]
    if len(recent) < 3 or recent[-1][0] - recent[0][0] < STALL_MIN_SPAN:
        return False
    start = sum(v for _, v in recent[:2]) / 2
    end = sum(v for _, v in recent[-2:]) / 2
    return end <= start


def low_twice(series: Series, cutoff: float = CSI_CUTOFF) -> bool:
    """True when the last two satisfaction scores are both below the cut-off."""
    last = sorted(series)[-2:]
    return len(last) == 2 and all(v < cutoff for _, v in last)


def triage(signals: Signals) -> list[Recommendation]:
    """Recommendations, most pressing first. Empty when nothing suggests outside help."""
    recs = _screen_recs(signals)
    reasons = _couple_reasons(signals)
    if signals.abuse_flag or signals.abuse:
        recs.insert(
            0,
            Recommendation(
                "abuse_support",
                "Confidential support, just for you",
                "Some of what you shared suggests it would help to talk privately with a specialist service. "
                "They listen in confidence and you stay in charge of what happens.",
                for_region(signals.region, ["dv_victim", "dv_perpetrator", "emergency"]),
            ),
        )
    if signals.abuse_flag or signals.abuse or signals.couple_work_paused:
        if reasons and not any(r.kind == "individual_help" for r in recs):
            recs.append(
                _individual(
                    signals,
                    "A lot has been weighing on you. Talking one-to-one with a "
                    "counsellor can help you sort through it.",
                )
            )
        return recs
    if signals.recurring_groups or signals.same_arguments:
        recs.append(
            Recommendation(
                "aftermath_conversation",
                "Try a calm look back at a repeated argument",
                "The same argument keeps coming back. A structured, calm conversation about one past fight "
                "(Gottman's 'Aftermath of a Fight') helps each of you see the other's side and what set it off.",
            )
        )
    if reasons:
        recs.append(
            Recommendation(
                "couples_therapy",
                "Consider a couples therapist",
                " ".join(reasons) + " That is a common point to bring in a trained couples therapist; "
                "it is a sign of care, not failure.",
                for_region(signals.region, ["couples_directory"]),
                THERAPIST_QUESTIONS,
            )
        )
    return recs


def _couple_reasons(s: Signals) -> list[str]:
    reasons = []
    if s.same_arguments or s.recurring_groups:
        reasons.append("The same arguments keep coming back.")
    if s.trust_struggle:
        reasons.append("Trust is hard to rebuild after a betrayal.")
    if s.repeat_incidents >= REPEAT_INCIDENTS_FOR_HELP:
        reasons.append(_repeat_reason(s.repeat_incidents))
    if s.emotional_fallout:
        reasons.append("The emotional fallout has been hard to live with.")
    if stalled(s.trust_series):
        reasons.append("Trust has not been rising over the last couple of months.")
    if low_twice(s.csi_series) or stalled(s.csi_series):
        reasons.append("Your satisfaction check-ins have stayed low.")
    return reasons


def _repeat_reason(n: int) -> str:
    times = "once" if n == 1 else ("twice" if n == 2 else f"{n} times")
    return (
        f"Since the repair began, it has happened again or more has come out ({times}); "
        "a second hurt often weighs more than the first."
    )


def _individual(s: Signals, why: str) -> Recommendation:
    return Recommendation(
        "individual_help", "Talk to a doctor or counsellor", why, for_region(s.region, ["mental_health", "crisis"])
    )


def _screen_recs(s: Signals) -> list[Recommendation]:
    recs: list[Recommendation] = []
    by_id = {r.instrument: r for r in s.screens if r.total is not None or r.positive}
    mood = [by_id[k] for k in ("phq9", "gad7") if k in by_id and by_id[k].positive]
    if mood or s.mental_health:
        recs.append(
            _individual(
                s,
                "Your answers suggest it may help to talk to a doctor or counsellor "
                "about how you have been feeling. You deserve support with this too.",
            )
        )
    if ("cage" in by_id and by_id["cage"].positive) or s.substance_use:
        recs.append(
            Recommendation(
                "substance_help",
                "Talk it through with an alcohol or drug support line",
                "Your answers suggest drinking or drug use may be worth a closer look. These lines are "
                "confidential and do not judge.",
                for_region(s.region, ["substance"]),
            )
        )
    return recs
