"""Use cases for a user's own data and account security: export, delete, the app lock (API tokens: tokens.py)."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from amends.services.access import (
    RULES,
    RepairAccess,
    authored_by,
    own,
    partner_shared_answers,
    partner_shared_drafts,
    shared_with_me,
)
from amends.services.errors import InvalidInput
from amends.services.tokens import forget_rate_limits
from amends.web.partners.models import Invitation
from amends.web.repairs.models import ApologyDraft, JourneyAnswer, Membership, Repair, StepCompletion
from amends.web.security.models import AppLock

DELETE_WORD = "DELETE"
# Exported explicitly below, or holding secrets and bookkeeping that are no one's writing.
_HANDLED = {
    "auth.user",
    "auth.user_groups",
    "auth.user_user_permissions",
    "repairs.membership",
    "repairs.repair",
    "repairs.journeyanswer",
    "repairs.apologydraft",
    "repairs.stepcompletion",
    "partners.invitation",
    "security.apitoken",
    "security.applock",
    "security.ratecounter",
    "sessions.session",
}
_SECRET_FIELD_WORDS = ("hash", "password", "token", "secret", "pin")


# Export ------------------------------------------------------------------------------------


def export_data(user: Any) -> dict[str, Any]:
    """Everything the user wrote, plus what their partners share with them, as plain JSON-ready data."""
    memberships = Membership.objects.filter(user=user).select_related("repair")
    return {
        "format": "amends-export/1",
        "exported_at": timezone.now().isoformat(),
        "account": {"username": user.get_username(), "joined": user.date_joined.isoformat()},
        "repairs": [_repair_export(m) for m in memberships],
        "items_in_repairs_you_left": _left_items(user, [m.repair_id for m in memberships]),
        "api_tokens": [{"name": t.name, "created": t.created_at.isoformat()} for t in user.api_tokens.all()],
        "app_lock": AppLock.objects.filter(user=user).exists(),
        "other_records": _other_records(user),
    }


def _repair_export(membership: Membership) -> dict[str, Any]:
    access = RepairAccess(repair=membership.repair, membership=membership)
    repair = membership.repair
    return {
        "title": access.title,
        "kind": repair.kind,
        "description": access.description,
        "your_role": membership.role,
        "joined": membership.joined_at.isoformat(),
        "your_answers": [_answer(a) for a in own(access, JourneyAnswer).order_by("step", "prompt")],
        "your_apology_versions": [_draft(d) for d in own(access, ApologyDraft).order_by("version")],
        "steps_done": list(own(access, StepCompletion).values_list("step", flat=True)),
        # What the others in the repair show this person now, by the one access rule: nothing of
        # anyone who left, nothing while the shared space is paused.
        "shared_with_you": {
            "answers": [_answer(a) for a in partner_shared_answers(access).order_by("step", "prompt")],
            "apology_versions": [_draft(d) for d in partner_shared_drafts(access).order_by("version")],
            **{
                model._meta.label_lower: [_row(obj) for obj in shared_with_me(access, model)]
                for model, rule in RULES.items()
                if not rule.private and model not in (JourneyAnswer, ApologyDraft)
            },
        },
    }


def _left_items(user: Any, current: list[int]) -> list[dict[str, Any]]:
    answers = authored_by(user, JourneyAnswer).exclude(repair_id__in=current)
    drafts = authored_by(user, ApologyDraft).exclude(repair_id__in=current)
    return [_answer(a) for a in answers] + [_draft(d) for d in drafts]


def _answer(a: JourneyAnswer) -> dict[str, Any]:
    return {"step": a.step, "prompt": a.prompt, "text": a.text, "shared": a.shared, "updated": a.updated_at.isoformat()}


def _draft(d: ApologyDraft) -> dict[str, Any]:
    return {
        "version": d.version,
        "text": d.text,
        "score": d.score,
        "verdict": d.verdict,
        "shared": d.shared,
        "saved": d.created_at.isoformat(),
    }


def _other_records(user: Any) -> dict[str, list[dict[str, Any]]]:
    """Rows in other feature apps that point at the user (commitments, check-ins, screens...), so the
    export stays complete as features land. Fields that hold secrets are left out."""
    out: dict[str, list[dict[str, Any]]] = {}
    for model in RULES:
        label = model._meta.label_lower
        rows = [_row(obj) for obj in authored_by(user, model)] if label not in _HANDLED else []
        if rows:
            out[label] = rows  # everything they wrote, in every repair, including ones they left
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in _HANDLED or model in RULES:
            continue
        user_fks = [f.name for f in model._meta.fields if _points_at_user(f)]
        if not user_fks:
            continue
        query = Q()
        for name in user_fks:
            query |= Q(**{name: user})
        rows = [_row(obj) for obj in model._default_manager.filter(query)]
        if rows:
            out[label] = rows
    return out


def _points_at_user(field: models.Field[Any, Any]) -> bool:
    return bool(
        field.is_relation
        and field.related_model is not None
        and field.related_model._meta.label == settings.AUTH_USER_MODEL
    )


def _row(obj: models.Model) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for field in obj._meta.fields:
        if any(word in field.name for word in _SECRET_FIELD_WORDS):
            continue
        value = field.value_from_object(obj)
        row[field.name] = value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
    return row


def export_zip(user: Any) -> bytes:
    """A ZIP with ``amends-data.json`` and a readable ``amends-data.html`` copy."""
    data = export_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("amends-data.json", json.dumps(data, indent=2, ensure_ascii=False))
        archive.writestr("amends-data.html", render_to_string("partners/export.html", {"data": data}))
    return buffer.getvalue()


# Delete ------------------------------------------------------------------------------------


def delete_account(user: Any, confirmation: str) -> None:
    """Remove the account and everything the user wrote. A partner's own items are not touched."""
    if confirmation.strip() != DELETE_WORD:
        raise InvalidInput(f"Type {DELETE_WORD} in capital letters to confirm.", "confirm")
    with transaction.atomic():
        ids = set(Membership.objects.filter(user=user).values_list("repair_id", flat=True))
        ids |= set(Repair.objects.filter(created_by=user).values_list("pk", flat=True))
        for repair in Repair.objects.select_for_update().filter(pk__in=ids):
            _release_repair(repair, user)
        Invitation.objects.filter(used_by=user).update(used_by=None)
        _delete_sessions(user)
        forget_rate_limits(f"user:{user.pk}")
        user.delete()  # cascades: memberships, answers, drafts, completions, tokens, app lock, profile


def _release_repair(repair: Repair, user: Any) -> None:
    others = (
        Membership.objects.filter(repair=repair).exclude(user=user).exists()
        or JourneyAnswer.objects.filter(repair=repair).exclude(author=user).exists()
        or ApologyDraft.objects.filter(repair=repair).exclude(author=user).exists()
    )
    if not others:
        repair.delete()
    elif repair.created_by_id == user.pk:
        # The partner keeps the repair and their own items; the words that framed it were the user's.
        Repair.objects.filter(pk=repair.pk).update(
            title="Our repair", description="", created_by=None, updated_at=timezone.now()
        )


def _delete_sessions(user: Any) -> None:
    uid = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == uid:
            session.delete()


# The app lock -----------------------------------------------------------------------------


def set_app_lock(user: Any, pin: str, idle_minutes: int) -> AppLock:
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise InvalidInput("Use a PIN of 4 to 12 digits.", "pin")
    if not 1 <= idle_minutes <= 240:
        raise InvalidInput("Choose between 1 and 240 idle minutes.", "idle_minutes")
    lock, _ = AppLock.objects.update_or_create(
        user=user, defaults={"pin_hash": make_password(pin), "idle_minutes": idle_minutes}
    )
    return lock


def app_lock_for(user: Any) -> AppLock | None:
    """The person's own app lock, if they set one."""
    return AppLock.objects.filter(user=user).first()


def clear_app_lock(user: Any) -> None:
    AppLock.objects.filter(user=user).delete()


def check_app_pin(user: Any, pin: str) -> bool:
    lock = app_lock_for(user)
    return lock is None or check_password(pin, lock.pin_hash)
