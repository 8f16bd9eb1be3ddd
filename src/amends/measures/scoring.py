"""Pure scoring of the questionnaires in ``amends/content/instruments``.

Rules follow the published instruments (see each YAML file for its source):

* sums with inclusive band lower bounds; PHQ-9 is prorated when 1-2 items are missing and
  not scored when more are; every other scale needs every item;
* PHQ-9 item 9 >= 1 raises ``suicide_risk`` whatever the total, and a missing item 9 asks for the ASQ;
* ASQ (the branching lives here, once, for the web and the CLI): yes to any of items 1-4, or a refusal,
  is positive (``suicide_risk``) and asks item 5 (:func:`items_to_ask`); yes to item 5 is ``acute``
  whatever else was answered, and a refusal of item 5 is treated as acute, the safer reading. Unanswered
  items 1-4 with nothing positive are not scored, and the result says which are missing. A refusal is
  never counted as "no";
* HARK >= 1 yes raises ``abuse`` and CAGE >= 2 raises ``substance`` even when other items are
  missing, because the outcome can no longer change.

Meanings are plain words and never name a diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from amends.measures.instruments import Instrument, load_instrument

_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
_REFUSED = {"refused", "refuse", "decline", "declined", "skip"}
INCOMPLETE_MEANING = "Some questions were left unanswered, so there is no score this time."


class InvalidAnswer(ValueError):
    """An answer is not one of the item's options."""


@dataclass(frozen=True)
class ScoreResult:
    """The outcome of one questionnaire, ready for the web page, the CLI and routing."""

    instrument: str
    total: float | None
    band: str | None
    positive: bool | None
    flags: tuple[str, ...]
    meaning: str
    complete: bool
    reason: str = ""
    missing: tuple[str, ...] = ()
    prorated: bool = False
    next_instrument: str | None = None
    items: tuple[tuple[str, Any], ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument,
            "total": self.total,
            "band": self.band,
            "positive": self.positive,
            "flags": list(self.flags),
            "meaning": self.meaning,
            "complete": self.complete,
            "reason": self.reason,
            "missing": list(self.missing),
            "prorated": self.prorated,
            "next_instrument": self.next_instrument,
            "items": dict(self.items),
        }


def score(name: str, answers: Mapping[Any, Any]) -> ScoreResult:
    """Score ``answers`` ({item id: value}) for the instrument ``name``.

    Example: ``score("phq2", {1: 2, 2: 1}).positive is True``.
    """
    inst = load_instrument(name)
    clean = _normalise(inst, answers)
    method = inst.scoring["method"]
    if method == "asq":
        return _score_asq(inst, clean)
    if method == "checkin":
        return _score_checkin(inst, clean)
    return _score_sum(inst, clean)


def items_to_ask(name: str, answers: Mapping[Any, Any]) -> tuple[str, ...]:
    """The item ids to put to the person, given the answers so far.

    Most questionnaires ask every item. The ASQ asks item 5 ("right now?") once any of items 1-4 is
    answered yes or refused; an item 5 answered anyway is kept, and a yes to it is acute.
    Example: ``items_to_ask("asq", {1: "no", 2: "yes"})[-1] == "5"``.
    """
    inst = load_instrument(name)
    everything = tuple(i.id for i in inst.items)
    if inst.scoring["method"] != "asq":
        return everything
    clean = _normalise(inst, answers)
    screen = tuple(str(i) for i in inst.scoring["screen_items"])
    acute_item = str(inst.scoring["acute_item"])
    if acute_item in clean or any(clean.get(i) in ("yes", "refused") for i in screen):
        return (*screen, acute_item)
    return screen


def _normalise(inst: Instrument, answers: Mapping[Any, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in answers.items():
        item = inst.item(key)
        if value is None or value == "":
            continue
        value = _coerce(value, yes_no=isinstance(item.options[0].value, str))
        if not item.allows(value):
            raise InvalidAnswer(f"{inst.name} item {item.id}: {value!r} is not one of its answers")
        out[item.id] = value
    return out


def _coerce(value: Any, *, yes_no: bool) -> Any:
    if yes_no:
        text = str(value).strip().lower()
        if value is True or text in _YES:
            return "yes"
        if value is False or text in _NO:
            return "no"
        return "refused" if text in _REFUSED else text
    if isinstance(value, bool):
        raise InvalidAnswer("expected a number, got yes/no")
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise InvalidAnswer(f"expected a number, got {value!r}") from exc


def _points(value: Any) -> int:
    return 1 if value == "yes" else 0 if value in ("no", "refused") else int(value)


def _band(inst: Instrument, total: float) -> dict[str, Any]:
    chosen = inst.scoring["bands"][0]
    for band in inst.scoring["bands"]:
        if total >= band["min"]:
            chosen = band
    return dict(chosen)


def _is_positive(inst: Instrument, total: float) -> bool:
    rule = inst.scoring["positive"]
    return bool(total >= rule["value"]) if rule["op"] == ">=" else bool(total < rule["value"])


def _item_flags(inst: Instrument, clean: dict[str, Any]) -> list[str]:
    flags = [
        i.safety
        for i in inst.items
        if i.safety and i.trigger is not None and i.id in clean and _points(clean[i.id]) >= i.trigger
    ]
    for item_id, flag in (inst.scoring.get("missing_item_flags") or {}).items():
        if str(item_id) not in clean:
            flags.append(flag)
    return flags


def _score_sum(inst: Instrument, clean: dict[str, Any]) -> ScoreResult:
    missing = tuple(i.id for i in inst.items if i.id not in clean)
    raw = sum(_points(v) for v in clean.values())
    flags = _item_flags(inst, clean)
    limit = int(inst.scoring.get("max_missing", 0))
    counts_yes = inst.scoring["method"] == "count_yes"
    settled = counts_yes and missing and _is_positive(inst, raw)  # more answers cannot undo it
    if missing and not settled and len(missing) > limit:
        return _incomplete(inst, clean, missing, flags, limit)
    prorated = bool(missing) and not counts_yes and bool(inst.scoring.get("prorate"))
    total: float = round(raw * len(inst.items) / len(clean)) if prorated else raw
    positive = _is_positive(inst, total)
    if positive and inst.scoring.get("positive_flag"):
        flags.append(inst.scoring["positive_flag"])
    band = _band(inst, total)
    reason = _partial_reason(missing, prorated)
    return ScoreResult(
        inst.id,
        total,
        band["label"],
        positive,
        tuple(dict.fromkeys(flags)),
        band["meaning"],
        complete=not missing,
        reason=reason,
        missing=missing,
        prorated=prorated,
        next_instrument=inst.scoring.get("next_if_positive") if positive else None,
        items=tuple(clean.items()),
    )


def _partial_reason(missing: tuple[str, ...], prorated: bool) -> str:
    if not missing:
        return ""
    if prorated:
        return f"{len(missing)} question(s) unanswered ({', '.join(missing)}); the total was prorated."
    return f"{len(missing)} question(s) unanswered, but the answers given already settle the result."


def _incomplete(
    inst: Instrument, clean: dict[str, Any], missing: tuple[str, ...], flags: list[str], limit: int
) -> ScoreResult:
    allowed = f"at most {limit} may be left out" if limit else "every question is needed"
    reason = f"{len(missing)} of {len(inst.items)} questions unanswered ({', '.join(missing)}); {allowed}."
    return ScoreResult(
        inst.id,
        None,
        None,
        None,
        tuple(dict.fromkeys(flags)),
        INCOMPLETE_MEANING,
        complete=False,
        reason=reason,
        missing=missing,
        items=tuple(clean.items()),
    )


def _asq_meaning(inst: Instrument, label: str) -> str:
    return next(str(b["meaning"]) for b in inst.scoring["bands"] if b["label"] == label)


def _score_asq(inst: Instrument, clean: dict[str, Any]) -> ScoreResult:
    screen = [str(i) for i in inst.scoring["screen_items"]]
    acute_item = str(inst.scoring["acute_item"])
    missing = tuple(i for i in screen if i not in clean)
    answers = [clean.get(i) for i in screen]
    fifth = clean.get(acute_item)
    # A yes (or refusal) to "right now?" is acute whatever items 1-4 say: it is the most urgent answer.
    positive = any(a in ("yes", "refused") for a in answers) or fifth in ("yes", "refused")
    total = float(sum(1 for a in answers if a == "yes"))
    if not positive:
        if missing:
            return replace(
                _incomplete(inst, clean, missing, [], 0),
                reason=f"Not scored: question(s) {', '.join(missing)} unanswered, and an unanswered question is "
                'never read as a no. Answer them, or choose "I\'d rather not answer".',
            )
        return ScoreResult(
            inst.id,
            total,
            "negative",
            False,
            (),
            _asq_meaning(inst, "negative"),
            complete=True,
            items=tuple(clean.items()),
        )
    flags = ["suicide_risk"]
    if fifth in ("yes", "refused"):
        flags.append("acute")
    elif fifth is None:
        flags.append("ask_acute")
    label = "acute" if "acute" in flags else "positive"
    all_missing = missing + ((acute_item,) if fifth is None else ())
    reason = "" if not all_missing else f"Unanswered: {', '.join(all_missing)}; the answers given make it positive."
    return ScoreResult(
        inst.id,
        total,
        label,
        True,
        tuple(flags),
        _asq_meaning(inst, label),
        complete=not all_missing,
        reason=reason,
        missing=all_missing,
        items=tuple(clean.items()),
    )


def _score_checkin(inst: Instrument, clean: dict[str, Any]) -> ScoreResult:
    missing = tuple(i.id for i in inst.items if i.id not in clean)
    if missing:
        return _incomplete(inst, clean, missing, [], 0)
    # Reverse-keyed items (where a higher answer means further from the goal) count as max - answer,
    # so the total always reads the same way round.
    reverse = set(inst.scoring.get("reverse", ()))
    top = max(_points(o.value) for o in inst.items[0].options)
    total = float(sum(top - _points(v) if k in reverse else _points(v) for k, v in clean.items()))
    return ScoreResult(
        inst.id,
        total,
        None,
        None,
        (),
        str(inst.scoring["meaning"]),
        complete=True,
        items=tuple((i.id, clean[i.id]) for i in inst.items),
    )
