"""A person's own copy of their data: everything they wrote, in a readable shape, plus what others show them.

Each record carries a ``ref`` ("trust.checkin:12") so a reader (or a test) can tell which stored row it
came from. What partners wrote is read through the access rule only (``visible``): private items never
appear, nothing of anyone who left, and nothing of the partner's while the shared space is paused.
Replies are kept with what they reply to (check-in, confirmation, dispute; question, answers); a reply
whose parent can no longer be shown stays in the export on its own.

Secrets (password, token and code hashes, the PIN) are never read here. Adding a model with an author
or owner: give it a section here (threads between partners: export_threads.py). ``tests/web/test_export.py``
walks every model and fails until it has one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils import timezone

from amends.coach.apology.scoring import LABELS as VERDICT_LABELS
from amends.journey.playbooks import load_playbook
from amends.journey.steps import TRACKS, load_track
from amends.safety.plan import safety_plan
from amends.services import incidents
from amends.services.access import RULES, RepairAccess, authored_by, personal
from amends.services.export_scope import Scope, instrument_answers, instrument_name, instrument_result, iso, ref
from amends.services.export_talks import conversations
from amends.services.export_threads import commitments, note, orphans, questions, score
from amends.web.accounts.models import Profile
from amends.web.partners.models import Invitation
from amends.web.recovery.models import RecoveryCode
from amends.web.reminders.models import ReminderPreference
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
from amends.web.trust.models import QuestionnaireResponse, TransparencyNote

# Bumped whenever the shape changes; /1 was a flat list of answers plus raw rows.
FORMAT = "amends-export/2"


# ---------------------------------------------------------------- the whole export


def export_data(user: Any) -> dict[str, Any]:
    """Everything the user wrote, plus what their partners share with them, as plain JSON-ready data."""
    memberships = list(Membership.objects.filter(user=user).select_related("repair").order_by("joined_at", "pk"))
    current = {m.repair_id for m in memberships}
    return {
        "format": FORMAT,
        "exported_at": timezone.now().isoformat(),
        "account": _account(user),
        "repairs": [
            _repair(Scope(user.pk, m.repair, RepairAccess(repair=m.repair, membership=m))) for m in memberships
        ],
        "repairs_you_left": [_repair(Scope(user.pk, r, None)) for r in _left_repairs(user, current)],
        "personal": _personal(user),
    }


def _left_repairs(user: Any, current: set[int]) -> list[Repair]:
    ids: set[int] = set()
    for model, rule in RULES.items():
        ids |= set(authored_by(user, model).values_list(rule.repair, flat=True))
    ids |= set(Repair.objects.filter(created_by=user).values_list("pk", flat=True))
    ids |= set(Invitation.objects.filter(created_by=user).values_list("repair_id", flat=True))
    return list(Repair.objects.filter(pk__in=ids - current).order_by("created_at", "pk"))


# ---------------------------------------------------------------- account and personal data


def _account(user: Any) -> dict[str, Any]:
    profile = Profile.objects.filter(user=user).first()
    preference = SafetyPreference.objects.filter(user=user).first()
    lock = AppLock.objects.filter(user=user).first()
    return {
        "username": user.get_username(),
        "joined": iso(user.date_joined),
        "settings": {"ref": ref(profile), "region": profile.region, "timezone": profile.timezone} if profile else None,
        "neutral_titles": {"ref": ref(preference), "on": preference.neutral_titles} if preference else None,
        # Whether a PIN is set, never the PIN or its hash.
        "app_lock": {"ref": ref(lock), "idle_minutes": lock.idle_minutes} if lock else None,
        "api_tokens": [
            {
                "ref": ref(t),
                "name": t.name,
                "access": t.get_scope_display(),
                "created": iso(t.created_at),
                "expires": iso(t.expires_at),
                "last_used": iso(t.last_used_at),
            }
            for t in ApiToken.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "reminders": _reminders(ReminderPreference.objects.filter(user=user).first()),
        # When each recovery code was made and used, never the code or its hash.
        "recovery_codes": [
            {"ref": ref(c), "made": iso(c.created_at), "used": iso(c.used_at)}
            for c in RecoveryCode.objects.filter(user=user).order_by("created_at", "pk")
        ],
    }


def _reminders(p: ReminderPreference | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "ref": ref(p),
        "remind_me_of": {
            "check-ins due": p.check_ins,
            "questionnaires due": p.questionnaires,
            "questions": p.questions,
        },
        "in_the_app": p.in_app,
        "browser_notifications": p.browser,
        "quiet_hours": {"from": p.quiet_start.isoformat(), "to": p.quiet_end.isoformat()}
        if p.quiet_start and p.quiet_end
        else None,
        # Whether a calendar address exists and since when; the address is a secret and is never stored.
        "calendar_address_made": iso(p.feed_created_at) if p.feed_hash else None,
        "changed": iso(p.updated_at),
    }


def _personal(user: Any) -> dict[str, Any]:
    plan = personal(user, SafetyPlan).first()
    return {
        "screens": [_screen(s) for s in personal(user, ScreenResult).order_by("taken_at", "pk")],
        "safety_signals": [
            {"ref": ref(s), "kind": s.kind, "what": s.get_kind_display(), "source": s.source, "at": iso(s.created_at)}
            for s in personal(user, SafetySignal).order_by("created_at", "pk")
        ],
        "safety_plan": _safety_plan(plan) if plan else None,
    }


def _screen(s: ScreenResult) -> dict[str, Any]:
    return {
        "ref": ref(s),
        "instrument": s.instrument,
        "name": instrument_name(s.instrument),
        "total": s.total,
        "band": s.band,
        **instrument_result(s.instrument, s.band),
        "positive": s.positive,
        "complete": s.complete,
        "right_now": s.acute,
        "flags": list(s.flags or []),
        "answers": instrument_answers(s.instrument, s.answers),
        "taken": iso(s.taken_at),
    }


def _safety_plan(plan: SafetyPlan) -> dict[str, Any]:
    titles = {step.id: step.title for step in safety_plan(None).steps}
    order = list(titles)
    keys = sorted(plan.answers, key=lambda k: (order.index(k) if k in order else len(order), k))
    return {
        "ref": ref(plan),
        "updated": iso(plan.updated_at),
        "steps": [{"step": k, "title": titles.get(k, k), "text": plan.answers[k]} for k in keys],
    }


# ---------------------------------------------------------------- one repair


def _repair(scope: Scope) -> dict[str, Any]:
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
        "paused_by_you": {"ref": ref(pause), "since": iso(pause.created_at)} if pause else None,
        "journey": _journey(scope, scope.mine(JourneyAnswer), with_history=True),
        "apology_versions": [_draft(d) for d in scope.mine(ApologyDraft).order_by("version")],
        "commitments": commitments(scope),
        "questions": questions(scope),
        "conversations": conversations(scope),
        "transparency_notes": [note(scope, n) for n in scope.rows(TransparencyNote).order_by("created_at", "pk")],
        "incidents": incidents.export_section(scope),
        "check_in_scores": [score(scope, r) for r in scope.rows(QuestionnaireResponse).order_by("taken_at", "pk")],
        "practice": [_practice(p) for p in scope.mine(PracticeEntry).order_by("created_at", "pk")],
        "arguments": [_argument(a) for a in scope.mine(ArgumentEntry).order_by("occurred_on", "created_at", "pk")],
        "help_signs": [_help_signs(h) for h in scope.mine(HelpSignsReport)],
        "playbook_done": _playbook(scope),
        "invitations_you_made": [
            _invitation(i) for i in Invitation.objects.filter(repair=repair, created_by_id=scope.user_id)
        ],
        "replies_to_items_no_longer_shown": orphans(scope),
        "shared_with_you": _shared_with_you(scope),
    }


def _place(m: Membership) -> dict[str, Any]:
    return {"ref": ref(m), "role": m.role, "role_label": dict(ROLES)[m.role], "joined": iso(m.joined_at)}


def _shared_with_you(scope: Scope) -> dict[str, Any]:
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


def _journey(scope: Scope, answers: Iterable[JourneyAnswer], *, with_history: bool) -> list[dict[str, Any]]:
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
            "updated": iso(a.updated_at),
            **({} if with_history else scope.by(a)),
        }
        if with_history:
            row["earlier_versions"] = [
                {"ref": ref(r), "revision": r.revision, "text": r.text, "saved": iso(r.saved_at)} for r in earlier[a.pk]
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
        "done": {"ref": ref(completion), "at": iso(completion.completed_at)} if completion else None,
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
        "saved": iso(d.created_at),
    }


def _practice(p: PracticeEntry) -> dict[str, Any]:
    return {
        "ref": ref(p),
        "mode": p.get_mode_display(),
        "partner_said": p.partner_text,
        "text": p.text,
        "score": p.score,
        "at": iso(p.created_at),
    }


def _argument(a: ArgumentEntry) -> dict[str, Any]:
    return {
        "ref": ref(a),
        "on": iso(a.occurred_on),
        "topic": a.topic,
        "what_happened": a.what_happened,
        "how_it_ended": a.how_it_ended,
        "at": iso(a.created_at),
    }


def _help_signs(h: HelpSignsReport) -> dict[str, Any]:
    signs = [f for f in h._meta.fields if isinstance(f, models.BooleanField)]
    return {
        "ref": ref(h),
        "signs": [
            {"sign": f.name, "label": str(f.verbose_name).capitalize(), "yes": getattr(h, f.name)} for f in signs
        ],
        "updated": iso(h.updated_at),
    }


def _playbook(scope: Scope) -> list[dict[str, Any]]:
    playbook = load_playbook(scope.repair.kind)
    texts = {i.id: i.text for i in playbook.checklist}
    return [
        {
            "ref": ref(c),
            "item": c.item,
            "text": texts.get(c.item, "A step no longer in the guide"),
            "at": iso(c.done_at),
        }
        for c in scope.mine(PlaybookCheck).order_by("done_at", "pk")
    ]


def _invitation(i: Invitation) -> dict[str, Any]:
    # The code itself was shown once and only its hash is kept; neither is exported.
    return {
        "ref": ref(i),
        "for_role": dict(ROLES).get(i.role, i.role),
        "created": iso(i.created_at),
        "expires": iso(i.expires_at),
        "used": iso(i.used_at),
        "revoked": iso(i.revoked_at),
    }
