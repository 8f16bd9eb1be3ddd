"""Use cases for a user's own data and account security: export (built in export.py), delete, the app lock.

API tokens are in tokens.py.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.sessions.models import Session
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from amends.services.errors import InvalidInput
from amends.services.export import export_data
from amends.services.tokens import forget_rate_limits
from amends.web.partners.models import Invitation
from amends.web.repairs.models import ApologyDraft, JourneyAnswer, Membership, Repair
from amends.web.security.models import AppLock

DELETE_WORD = "DELETE"


# Export ------------------------------------------------------------------------------------


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
