"""A person's own copy of their data: everything they wrote, in a readable shape, plus what others show them.

Each record carries a ``ref`` ("trust.checkin:12") so a reader (or a test) can tell which stored row it
came from. What partners wrote is read through the access rule only (``visible``): private items never
appear, nothing of anyone who left, and nothing of the partner's while the shared space is paused.
Replies are kept with what they reply to (check-in, confirmation, dispute; question, answers); a reply
whose parent can no longer be shown stays in the export on its own.

Secrets (password, token and code hashes, the PIN) are never read here. Adding a model with an author
or owner: give it a section below; ``tests/web/test_export.py`` walks every model and fails until it has one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from amends import measures
from amends.coach.apology.scoring import LABELS as VERDICT_LABELS
from amends.journey.steps import TRACKS, load_track
from amends.journey.playbooks import load_playbook
from amends.safety.plan import safety_plan
from amends.services.access import RULES, RepairAccess, author_id, authored_by, own, personal, visible
from amends.web.accounts.models import Profile
from amends.web.partners.models import Invitation
from amends.web.repairs.models import (
    MISTAKE_KINDS,
    ROLES,
    ApologyDraft,
    JourneyAnswer,
    JourneyAnswerRevision,
    Membership,
    Pause,
    PracticeEntry,
    Repair,
    StepCompletion,
)
from amends.web.safety_web.models import (
    ArgumentEntry,
    HelpSignsReport,
    PlaybookCheck,
    SafetyPlan,
    SafetyPreference,
    SafetySignal,
    ScreenResult,
)
from amends.web.security.models import ApiToken, AppLock
from amends.web.trust.models import (
    Answer,
    CheckIn,
    Commitment,
    Confirmation,
    DisputeMessage,
    Question,
    QuestionnaireResponse,
    ScheduleVersion,
    TransparencyNote,
)

# Bumped whenever the shape changes; /1 was a flat list of answers plus raw rows.
FORMAT = "amends-export/2"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
M = TypeVar("M", bound=models.Model)


def ref(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


# ---------------------------------------------------------------- the whole export


def export_data(user: Any) -> dict[str, Any]:
    """Everything the user wrote, plus what their partners share with them, as plain JSON-ready data."""
    memberships = list(Membership.objects.filter(user=user).select_related("repair").order_by("joined_at", "pk"))
    current = {m.repair_id for m in memberships}
    return {
        "format": FORMAT,
        "exported_at": timezone.now().isoformat(),
        "account": _account(user),
        "repairs": [_repair(_Scope(user.pk, m.repair, RepairAccess(repair=m.repair, membership=m))) for m in memberships],
        "repairs_you_left": [_repair(_Scope(user.pk, r, None)) for r in _left_repairs(user, current)],
        "personal": _personal(user),
    }


def _left_repairs(user: Any, current: set[int]) -> list[Repair]:
    ids: set[int] = set()
    for model, rule in RULES.items():
        ids |= set(authored_by(user, model).values_list(rule.repair, flat=True))
    ids |= set(Repair.objects.filter(created_by=user).values_list("pk", flat=True))
    ids |= set(Invitation.objects.filter(created_by=user).values_list("repair_id", flat=True))
    return list(Repair.objects.filter(pk__in=ids - current).order_by("created_at", "pk"))


@dataclass(frozen=True)
class _Scope:
    """One repair as this person may read it: their own rows, and, while a member, what others show them."""

    user_id: int
    repair: Repair
    access: RepairAccess | None  # None: a repair they left, where only their own rows are theirs to take

    def rows(self, model: type[M]) -> QuerySet[M]:
        if self.access is None:
            return authored_by(self.user_id, model).filter(**{RULES[model].repair: self.repair})
        # A reply of one's own stays in one's export even when what it answers is hidden.
        return own(self.access, model) | visible(self.access, model)

    def mine(self, model: type[M]) -> QuerySet[M]:
        return authored_by(self.user_id, model).filter(**{RULES[model].repair: self.repair})

    def by(self, obj: models.Model) -> dict[str, Any]:
        who = author_id(obj)
        if who == self.user_id:
            return {"by": "you", "yours": True}
        name = get_user_model().objects.filter(pk=who).values_list("username", flat=True).first()
        return {"by": name or "your partner", "yours": False}


# ---------------------------------------------------------------- account and personal data


def _account(user: Any) -> dict[str, Any]:
    profile = Profile.objects.filter(user=user).first()
    preference = SafetyPreference.objects.filter(user=user).first()
    lock = AppLock.objects.filter(user=user).first()
    return {
        "username": user.get_username(),
        "joined": _iso(user.date_joined),
        "settings": {"ref": ref(profile), "region": profile.region, "timezone": profile.timezone} if profile else None,
        "neutral_titles": {"ref": ref(preference), "on": preference.neutral_titles} if preference else None,
        # Whether a PIN is set, never the PIN or its hash.
        "app_lock": {"ref": ref(lock), "idle_minutes": lock.idle_minutes} if lock else None,
        "api_tokens": [
            {
                "ref": ref(t),
                "name": t.name,
                "access": t.get_scope_display(),
                "created": _iso(t.created_at),
                "expires": _iso(t.expires_at),
                "last_used": _iso(t.last_used_at),
            }
            for t in ApiToken.objects.filter(user=user).order_by("created_at", "pk")
        ],
    }


def _personal(user: Any) -> dict[str, Any]:
    plan = personal(user, SafetyPlan).first()
    return {
        "screens": [_screen(s) for s in personal(user, ScreenResult).order_by("taken_at", "pk")],
        "safety_signals": [
            {"ref": ref(s), "kind": s.kind, "what": s.get_kind_display(), "source": s.source, "at": _iso(s.created_at)}
            for s in personal(user, SafetySignal).order_by("created_at", "pk")
        ],
        "safety_plan": _safety_plan(plan) if plan else None,
    }


def _screen(s: ScreenResult) -> dict[str, Any]:
    return {
        "ref": ref(s),
        "instrument": s.instrument,
        "name": _instrument_name(s.instrument),
        "total": s.total,
        "band": s.band,
        "positive": s.positive,
        "complete": s.complete,
        "right_now": s.acute,
        "flags": list(s.flags or []),
        "answers": _instrument_answers(s.instrument, s.answers),
        "taken": _iso(s.taken_at),
    }


def _instrument_name(key: str) -> str:
    try:
        return measures.load_instrument(key).name
    except measures.UnknownInstrument:
        return key  # an instrument since retired: its id is all there is


def _instrument_answers(key: str, answers: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        instrument = measures.load_instrument(key)
    except measures.UnknownInstrument:
        return [{"item": k, "question": k, "answer": v} for k, v in answers.items()]
    out = []
    for item_id, value in answers.items():
        try:
            item = instrument.item(item_id)
        except KeyError:
            out.append({"item": item_id, "question": item_id, "answer": value})
            continue
        label = next((o.label for o in item.options if o.value == value), value)
        out.append({"item": item_id, "question": item.text, "answer": label, "value": value})
    return out


def _safety_plan(plan: SafetyPlan) -> dict[str, Any]:
    titles = {step.id: step.title for step in safety_plan(None).steps}
    order = list(titles)
    keys = sorted(plan.answers, key=lambda k: (order.index(k) if k in order else len(order), k))
    return {
        "ref": ref(plan),
        "updated": _iso(plan.updated_at),
        "steps": [{"step": k, "title": titles.get(k, k), "text": plan.answers[k]} for k in keys],
    }


# ---------------------------------------------------------------- one repair


def _repair(scope: _Scope) -> dict[str, Any]:
    repair = scope.repair
    kinds = dict(MISTAKE_KINDS)
    creator = repair.created_by_id == scope.user_id
    place = scope.access.membership if scope.access else None
    pause = Pause.objects.filter(repair=repair, user_id=scope.user_id).first()
    return {
        "ref": ref(repair),
        # The title and description are the creator's own words; everyone else sees the kind of mistake.
        "title": repair.title if creator else kinds.get(repair.kind, "Our repair"),
        "kind": repair.kind,
        "kind_label": kinds.get(repair.kind, repair.kind),
        "description": repair.description if creator else "",
        "your_place": _place(place) if place else None,
        "paused_by_you": {"ref": ref(pause), "since": _iso(pause.created_at)} if pause else None,
        "journey": _journey(scope, scope.mine(JourneyAnswer), with_history=True),
        "apology_versions": [_draft(d) for d in scope.mine(ApologyDraft).order_by("version")],
        "commitments": _commitments(scope),
        "questions": _questions(scope),
        "transparency_notes": [_note(scope, n) for n in scope.rows(TransparencyNote).order_by("created_at", "pk")],
        "check_in_scores": [_score(scope, r) for r in scope.rows(QuestionnaireResponse).order_by("taken_at", "pk")],
        "practice": [_practice(p) for p in scope.mine(PracticeEntry).order_by("created_at", "pk")],
        "arguments": [_argument(a) for a in scope.mine(ArgumentEntry).order_by("occurred_on", "created_at", "pk")],
        "help_signs": [_help_signs(h) for h in scope.mine(HelpSignsReport)],
        "playbook_done": _playbook(scope),
        "invitations_you_made": [
            _invitation(i) for i in Invitation.objects.filter(repair=repair, created_by_id=scope.user_id)
        ],
        "replies_to_items_no_longer_shown": _orphans(scope),
        "shared_with_you": _shared_with_you(scope),
    }


def _place(m: Membership) -> dict[str, Any]:
    return {"ref": ref(m), "role": m.role, "role_label": dict(ROLES)[m.role], "joined": _iso(m.joined_at)}


def _shared_with_you(scope: _Scope) -> dict[str, Any]:
    if scope.access is None:
        return {"journey": [], "apology_versions": []}
    theirs = scope.rows(JourneyAnswer).exclude(author_id=scope.user_id).exclude(text="")
    drafts = scope.rows(ApologyDraft).exclude(author_id=scope.user_id).order_by("version")
    return {
        "journey": _journey(scope, theirs, with_history=False),
        "apology_versions": [{**_draft(d), **scope.by(d)} for d in drafts],
    }


# ---------------------------------------------------------------- the journey, in the order people walk it


def _where(step: str, prompt: str) -> tuple[int, int, int, str, str] | None:
    """(track, step, prompt) positions and the step title and prompt label shown in the app."""
    for t, track in enumerate(TRACKS):
        s = load_track(track).step(step)
        p = s.prompt(prompt) if s else None
        if s and p:
            return t, s.number, s.prompts.index(p), s.title, p.label
    return None


def _step_where(step: str) -> tuple[int, int, str] | None:
    for t, track in enumerate(TRACKS):
        s = load_track(track).step(step)
        if s:
            return t, s.number, s.title
    return None


def _step_order(slug: str) -> tuple[int, int, str]:
    where = _step_where(slug)
    return (where[0], where[1], slug) if where else (len(TRACKS), 0, slug)


def _journey(scope: _Scope, answers: Iterable[JourneyAnswer], *, with_history: bool) -> list[dict[str, Any]]:
    """Steps in journey order, each with its answers in the order the step asks them, under the app's labels."""
    done = {c.step: c for c in scope.mine(StepCompletion)} if with_history else {}
    earlier: dict[int, list[JourneyAnswerRevision]] = defaultdict(list)
    for rev in scope.mine(JourneyAnswerRevision).order_by("revision", "pk") if with_history else ():
        earlier[rev.answer_id].append(rev)
    steps = {slug: _step(slug, done.get(slug)) for slug in done}
    rows = []
    for a in answers:
        where = _where(a.step, a.prompt)
        row = {
            "ref": ref(a),
            "prompt": a.prompt,
            # A prompt since removed from the journey still belongs to its writer; it goes last in its step.
            "label": where[4] if where else "A question no longer in the journey",
            "text": a.text,
            "shared": a.shared,
            "updated": _iso(a.updated_at),
            **({} if with_history else scope.by(a)),
        }
        if with_history:
            row["earlier_versions"] = [
                {"ref": ref(r), "revision": r.revision, "text": r.text, "saved": _iso(r.saved_at)}
                for r in earlier[a.pk]
            ]
        rows.append(((where[2] if where else 999, a.pk), a.step, row))
    for _, slug, row in sorted(rows, key=lambda r: r[0]):
        steps.setdefault(slug, _step(slug, None))["answers"].append(row)
    return [steps[slug] for slug in sorted(steps, key=_step_order)]


def _step(slug: str, completion: StepCompletion | None) -> dict[str, Any]:
    where = _step_where(slug)
    return {
        "step": slug,
        "number": where[1] if where else None,
        "title": where[2] if where else "Other answers",
        "done": {"ref": ref(completion), "at": _iso(completion.completed_at)} if completion else None,
        "answers": [],
    }


def _draft(d: ApologyDraft) -> dict[str, Any]:
    return {
        "ref": ref(d),
        "version": d.version,
        "text": d.text,
        "score": d.score,
        "verdict": d.verdict,
        "verdict_label": VERDICT_LABELS.get(d.verdict, ""),
        "shared": d.shared,
        "saved": _iso(d.created_at),
    }


# ---------------------------------------------------------------- commitments, check-ins and their replies


def _commitments(scope: _Scope) -> list[dict[str, Any]]:
    commitments = list(scope.rows(Commitment).order_by("created_at", "pk"))
    ids = [c.pk for c in commitments]
    versions = _by(scope.rows(ScheduleVersion).filter(commitment_id__in=ids).order_by("effective_from", "pk"))
    check_ins = list(scope.rows(CheckIn).filter(commitment_id__in=ids).order_by("on", "pk"))
    confirmations = {c.check_in_id: c for c in scope.rows(Confirmation).filter(check_in__in=check_ins)}
    messages = _by(scope.rows(DisputeMessage).filter(confirmation__in=list(confirmations.values())), "confirmation_id")
    by_commitment: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for ci in check_ins:
        conf = confirmations.get(ci.pk)
        by_commitment[ci.commitment_id].append(
            {
                "ref": ref(ci),
                "on": _iso(ci.on),
                "status": ci.status,
                "status_label": ci.get_status_display(),
                "note": ci.note,
                "recorded": _iso(ci.recorded_at),
                "response": _confirmation(scope, conf, messages.get(conf.pk, [])) if conf else None,
            }
        )
    return [
        {
            "ref": ref(c),
            **scope.by(c),
            "text": c.text,
            "start": _iso(c.start),
            "end": _iso(c.end),
            "source": c.get_source_display(),
            "created": _iso(c.created_at),
            "schedules": [_schedule(v) for v in versions.get(c.pk, [])],
            "check_ins": by_commitment[c.pk],
        }
        for c in commitments
    ]


def _by(rows: Iterable[M], attr: str = "commitment_id") -> dict[int, list[M]]:
    out: dict[int, list[M]] = defaultdict(list)
    for row in rows:
        out[getattr(row, attr)].append(row)
    return out


def _schedule(v: ScheduleVersion) -> dict[str, Any]:
    days = [WEEKDAYS[int(d)] for d in v.weekdays.split(",") if d.strip().isdigit() and int(d) < len(WEEKDAYS)]
    return {
        "ref": ref(v),
        "from": _iso(v.effective_from),
        "kind": v.kind,
        "how_often": v.get_kind_display(),
        "days": days,
        "on": _iso(v.on),
        "when": v.event,
        "text": v.text,
        "end": _iso(v.end),
    }


def _confirmation(scope: _Scope, conf: Confirmation, messages: list[DisputeMessage]) -> dict[str, Any]:
    return {
        "ref": ref(conf),
        **scope.by(conf),
        "verdict": conf.verdict,
        "verdict_label": conf.get_verdict_display(),
        "note": conf.note,
        "at": _iso(conf.created_at),
        "messages": [_message(scope, m) for m in sorted(messages, key=lambda m: (m.created_at, m.pk))],
    }


def _message(scope: _Scope, m: DisputeMessage) -> dict[str, Any]:
    return {"ref": ref(m), **scope.by(m), "text": m.text, "at": _iso(m.created_at)}


def _questions(scope: _Scope) -> list[dict[str, Any]]:
    questions = list(scope.rows(Question).order_by("created_at", "pk"))
    answers = _by(scope.rows(Answer).filter(question__in=questions).order_by("created_at", "pk"), "question_id")
    return [
        {
            "ref": ref(q),
            **scope.by(q),
            "text": q.text,
            "status": q.get_status_display(),
            "answer_by": _iso(q.answer_by),
            "asked": _iso(q.created_at),
            "answers": [_answer(scope, a) for a in answers.get(q.pk, [])],
        }
        for q in questions
    ]


def _answer(scope: _Scope, a: Answer) -> dict[str, Any]:
    return {"ref": ref(a), **scope.by(a), "text": a.text, "helped": a.get_helped_display(), "at": _iso(a.created_at)}


def _orphans(scope: _Scope) -> list[dict[str, Any]]:
    """One's own replies to something no longer shown (the other person left, or the space is paused)."""
    shown_check_ins = scope.rows(CheckIn).values_list("pk", flat=True)
    shown_confirmations = scope.rows(Confirmation).filter(check_in__in=shown_check_ins).values_list("pk", flat=True)
    shown_questions = scope.rows(Question).values_list("pk", flat=True)
    confirmations = scope.mine(Confirmation).exclude(check_in__in=shown_check_ins)
    messages = scope.mine(DisputeMessage).exclude(confirmation__in=shown_confirmations)
    answers = scope.mine(Answer).exclude(question__in=shown_questions)
    return (
        [_orphan("Your response to a check-in", c, c.note, c.get_verdict_display()) for c in confirmations]
        + [_orphan("Your message about a check-in", m, m.text) for m in messages]
        + [_orphan("Your answer to a question", a, a.text) for a in answers]
    )


def _orphan(what: str, obj: Any, text: str, detail: str = "") -> dict[str, Any]:
    return {"what": what, "ref": ref(obj), "detail": detail, "text": text, "at": _iso(obj.created_at)}


# ---------------------------------------------------------------- notes, scores and private tools


def _note(scope: _Scope, n: TransparencyNote) -> dict[str, Any]:
    return {"ref": ref(n), **scope.by(n), "text": n.text, "shared": n.shared, "at": _iso(n.created_at)}


def _score(scope: _Scope, r: QuestionnaireResponse) -> dict[str, Any]:
    return {
        "ref": ref(r),
        **scope.by(r),
        "instrument": r.instrument,
        "name": _instrument_name(r.instrument),
        "total": r.total,
        "headline": r.headline,
        "band": r.band,
        "shared": r.shared,
        "answers": _instrument_answers(r.instrument, r.answers) if r.user_id == scope.user_id else [],
        "taken": _iso(r.taken_at),
    }


def _practice(p: PracticeEntry) -> dict[str, Any]:
    return {
        "ref": ref(p),
        "mode": p.get_mode_display(),
        "partner_said": p.partner_text,
        "text": p.text,
        "score": p.score,
        "at": _iso(p.created_at),
    }


def _argument(a: ArgumentEntry) -> dict[str, Any]:
    return {
        "ref": ref(a),
        "on": _iso(a.occurred_on),
        "topic": a.topic,
        "what_happened": a.what_happened,
        "how_it_ended": a.how_it_ended,
        "at": _iso(a.created_at),
    }


def _help_signs(h: HelpSignsReport) -> dict[str, Any]:
    signs = [f for f in h._meta.fields if isinstance(f, models.BooleanField)]
    return {
        "ref": ref(h),
        "signs": [{"sign": f.name, "label": str(f.verbose_name).capitalize(), "yes": getattr(h, f.name)} for f in signs],
        "updated": _iso(h.updated_at),
    }


def _playbook(scope: _Scope) -> list[dict[str, Any]]:
    playbook = load_playbook(scope.repair.kind)
    texts = {i.id: i.text for i in playbook.checklist}
    return [
        {"ref": ref(c), "item": c.item, "text": texts.get(c.item, "A step no longer in the guide"), "at": _iso(c.done_at)}
        for c in scope.mine(PlaybookCheck).order_by("done_at", "pk")
    ]


def _invitation(i: Invitation) -> dict[str, Any]:
    # The code itself was shown once and only its hash is kept; neither is exported.
    return {
        "ref": ref(i),
        "for_role": dict(ROLES).get(i.role, i.role),
        "created": _iso(i.created_at),
        "expires": _iso(i.expires_at),
        "used": _iso(i.used_at),
        "revoked": _iso(i.revoked_at),
    }
