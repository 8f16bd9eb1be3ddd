"""Safety routing: from detector flags and screen results to what the app must do next.

Rules (FRAMEWORKS.md §3; suggested, to be signed off by a clinician):

* Suicide risk (PHQ-9 item 9 >= 1, any ASQ yes or refusal, crisis words in text): a supportive
  message and the local crisis line at once, then the acute question.
  - acute (ASQ item 5 yes, or ``acute_answer=True``): one full-screen "get help now" page, nothing else;
  - not acute (``acute_answer=False`` or ASQ item 5 no): urge a clinician soon, offer a safety plan.
* Someone else at risk (a ``third_party`` flag: "my wife said she would kill herself"): a message for the
  person who is worried, the emergency number and a crisis line that also counsels those worried about
  someone; never the user's own crisis page, and no pause.
* Partner abuse (HARK positive, fear, coercive control, or the user hurting or frightening the
  partner): pause couple features and couples-therapy suggestions with a neutral notice; victims
  get domestic-abuse services, people causing harm get perpetrator lines.
* A partner's private flag pauses the shared space for this user too, saying nothing more.
* Nothing here notifies anyone: ``notify_partner`` and ``notify_anyone`` are always False.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from amends.measures.scoring import ScoreResult
from amends.safety.detector import SafetyReport
from amends.safety.messages import MESSAGES, PAUSED_NOTICE, SOMEONE_ELSE_HELP
from amends.safety.resources import Resource, for_region

ACUTE_QUESTION = "Are you having thoughts of killing yourself right now?"  # ASQ item 5, NIMH


@dataclass(frozen=True)
class Route:
    """What to show and switch off. Every field is decided here, never in a view."""

    level: str  # "none" | "support" | "crisis" | "acute"
    messages: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    show_crisis_line_now: bool = False
    full_screen: bool = False
    ask_acute_question: bool = False
    acute_question: str | None = None
    urge_clinician: bool = False
    offer_safety_plan: bool = False
    pause_couple_features: bool = False
    suppress_couples_therapy: bool = False
    paused_notice: str | None = None
    next_screen: str | None = None
    reasons: tuple[str, ...] = ()
    notify_partner: bool = False
    notify_anyone: bool = False


@dataclass(frozen=True)
class _Signals:
    suicide: bool
    acute: bool | None  # None = not yet asked
    danger: bool
    victim: bool
    harming: bool
    someone_else: tuple[str, ...]  # what puts someone other than the user at risk (a ``third_party`` flag)
    next_screen: str | None
    reasons: tuple[str, ...]


def _gather(
    scan: SafetyReport | None, screens: Iterable[ScoreResult], acute_answer: bool | None, harming: bool
) -> _Signals:
    types = scan.types if scan else frozenset()
    reasons = [f"text:{t}" for t in sorted(types)]
    flags: set[str] = set()
    for s in screens:
        flags |= set(s.flags)
        reasons += [f"{s.instrument}:{f}" for f in s.flags]
    acute = acute_answer
    if "acute" in flags:
        acute = True
    elif acute is None and "suicide_risk" in flags and "ask_acute" not in flags and _asq_done(screens):
        acute = False
    return _Signals(
        suicide=bool(types & {"suicide_risk", "self_harm"}) or "suicide_risk" in flags,
        acute=acute,
        danger=bool(scan and scan.immediate_danger),
        victim="abuse_victim" in types or "abuse" in flags,
        harming=harming or "abuse_perpetration" in types,
        someone_else=scan.someone_else if scan else (),
        next_screen="asq" if "ask_asq" in flags else None,
        reasons=tuple(reasons),
    )


def _asq_done(screens: Iterable[ScoreResult]) -> bool:
    return any(s.instrument == "asq" and "5" in dict(s.items) for s in screens)


def route(
    scan: SafetyReport | None = None,
    screens: Iterable[ScoreResult] = (),
    *,
    region: str | None = None,
    acute_answer: bool | None = None,
    self_reported_harm: bool = False,
    partner_flagged: bool = False,
) -> Route:
    """Decide the safety route for one user from their own text scan and private screens.

    ``acute_answer`` is the user's answer to :data:`ACUTE_QUESTION` once asked;
    ``partner_flagged`` is True when the partner's private screen raised an abuse flag
    (this user is told only that the shared space is paused).
    """
    sig = _gather(scan, tuple(screens), acute_answer, self_reported_harm)
    return _with_pause(_decide(sig, region), sig, partner_flagged)


def _decide(sig: _Signals, region: str | None) -> Route:
    if sig.suicide and sig.acute:
        return Route(
            "acute",
            (MESSAGES["acute"],),
            for_region(region, ["emergency", "suicide"]),
            show_crisis_line_now=True,
            full_screen=True,
        )
    messages, cats = _abuse_parts(sig)
    if sig.suicide:
        return _suicide_route(sig, region, messages, cats)
    if not messages:
        return Route("none")
    level = "crisis" if sig.danger else "support"
    # Someone else's risk shows the emergency number at once, as the writer may be the one who has to call.
    now = sig.danger or "suicide" in sig.someone_else
    return Route(level, tuple(messages), for_region(region, list(dict.fromkeys(cats))), show_crisis_line_now=now)


def _with_pause(result: Route, sig: _Signals, partner_flagged: bool) -> Route:
    pause = sig.victim or sig.harming or partner_flagged
    return replace(
        result,
        pause_couple_features=pause,
        suppress_couples_therapy=pause,
        paused_notice=PAUSED_NOTICE if pause else None,
        reasons=sig.reasons,
        next_screen=sig.next_screen,
    )


def _abuse_parts(sig: _Signals) -> tuple[list[str], list[str]]:
    messages: list[str] = []
    cats: list[str] = []
    if sig.victim:
        messages.append(MESSAGES["danger" if sig.danger else "abuse_victim"])
        cats += ["emergency", "dv_victim"] if sig.danger else ["dv_victim", "emergency"]
    if sig.harming:
        messages.append(MESSAGES["abuse_both" if sig.victim else "abuse_perpetration"])
        cats.append("dv_perpetrator")
    for kind in sig.someone_else:
        message, categories = SOMEONE_ELSE_HELP[kind]
        messages.append(MESSAGES[message])
        cats += categories
    return messages, cats


def _suicide_route(sig: _Signals, region: str | None, messages: list[str], cats: list[str]) -> Route:
    first = MESSAGES["suicide_support"]
    if sig.acute is None:
        return Route(
            "crisis",
            (first, *messages),
            for_region(region, ["suicide", "crisis", "emergency", *cats]),
            show_crisis_line_now=True,
            ask_acute_question=True,
            acute_question=ACUTE_QUESTION,
        )
    return Route(
        "crisis",
        (first, MESSAGES["not_acute"], *messages),
        for_region(region, ["suicide", "crisis", "mental_health", *cats]),
        show_crisis_line_now=True,
        urge_clinician=True,
        offer_safety_plan=True,
    )
