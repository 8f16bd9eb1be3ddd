"""Use cases for two partners in one repair: invitations, joining, leaving, and sharing items.

Leaving a repair removes the leaver's access, lifts their pause and stops sharing what they had
shared; by the rule in ``access`` nothing they wrote is shown to anyone else again. What they
wrote stays theirs: it is kept under their account (it is in their data export) and is removed
only when they delete their account, never by their partner.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from amends.services.access import (
    RepairAccess,
    forget_member,
    own_answer,
    own_draft,
    partner_membership,
    require_open,
)
from amends.services.errors import InvalidInput, NotFound
from amends.web.partners.models import Invitation
from amends.web.repairs.models import ApologyDraft, JourneyAnswer, Membership, Repair

# No 0/O, 1/I/L: the code is read aloud or copied by hand.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
INVITATION_DAYS = 7
MAX_MEMBERS = 2
OTHER_ROLE = {"offender": "hurt", "hurt": "offender"}


class InvitationError(InvalidInput):
    """An invitation cannot be used; ``status`` is the HTTP status the web edge answers with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message, "code")
        self.status = status


@dataclass(frozen=True)
class NewInvitation:
    invitation: Invitation
    code: str  # shown once to the inviter; only its hash is stored

    @property
    def display_code(self) -> str:
        return f"{self.code[:4]}-{self.code[4:]}"


def normalize_code(raw: str) -> str:
    return "".join(ch for ch in str(raw).upper() if ch not in " -\t\r\n")


def hash_code(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), normalize_code(code).encode(), hashlib.sha256).hexdigest()


def create_invitation(access: RepairAccess) -> NewInvitation:
    """A fresh one-time invitation for the free seat; older unused ones stop working."""
    if partner_membership(access) is not None:
        raise InvitationError("Your partner has already joined this repair.", status=409)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    now = timezone.now()
    with transaction.atomic():
        _pending(access.repair).update(revoked_at=now)
        invitation = Invitation.objects.create(
            repair=access.repair,
            created_by_id=access.user_id,
            role=OTHER_ROLE[access.role],
            code_hash=hash_code(code),
            expires_at=now + timedelta(days=INVITATION_DAYS),
        )
    return NewInvitation(invitation=invitation, code=code)


def _pending(repair: Repair) -> QuerySet[Invitation]:
    return Invitation.objects.filter(repair=repair, used_at=None, revoked_at=None, expires_at__gt=timezone.now())


def pending_invitations(access: RepairAccess) -> list[Invitation]:
    return list(_pending(access.repair))


def revoke_invitation(access: RepairAccess, invitation_id: object) -> None:
    try:
        invitation = Invitation.objects.get(pk=int(str(invitation_id)), repair=access.repair)
    except (Invitation.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound("no such invitation") from exc
    if invitation.used_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def accept_invitation(user: object, raw_code: str) -> Repair:
    """Join the repair behind the code in the role the inviter left free. Changes nothing on failure."""
    code = normalize_code(raw_code)
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        raise InvitationError("That does not look like an invitation code: 8 letters and digits, like ABCD-EFGH.")
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(code_hash=hash_code(code)).first()
        if invitation is None:
            raise InvitationError("No invitation has that code. Check it with your partner.", status=404)
        repair = Repair.objects.select_for_update().get(pk=invitation.repair_id)
        members = list(Membership.objects.filter(repair=repair))
        if any(m.user_id == getattr(user, "pk", None) for m in members):
            return repair  # already in: accepting twice is harmless
        _check_usable(invitation, user, members)
        Membership.objects.create(repair=repair, user=user, role=OTHER_ROLE[members[0].role])
        invitation.used_at = timezone.now()
        invitation.used_by = user  # type: ignore[assignment]
        invitation.save(update_fields=["used_at", "used_by"])
    return repair


def _check_usable(invitation: Invitation, user: object, members: list[Membership]) -> None:
    if invitation.revoked_at is not None:
        raise InvitationError("This invitation was withdrawn. Ask your partner for a new one.", status=410)
    if invitation.used_at is not None:
        raise InvitationError("This invitation has already been used. Each code works once.", status=410)
    if invitation.expires_at <= timezone.now():
        raise InvitationError("This invitation has expired (they last 7 days). Ask for a new one.", status=410)
    if len(members) >= MAX_MEMBERS:
        raise InvitationError("This repair already has two people in it; nobody else can join.", status=409)
    if not members:
        raise InvitationError("Nobody is in this repair any more, so it cannot be joined.", status=410)


def leave_repair(access: RepairAccess) -> None:
    """Leave a repair your partner is in. Your items stay yours, and stop being shared."""
    if partner_membership(access) is None:
        raise InvalidInput("You are the only person in this repair, so there is nobody to leave it to.")
    with transaction.atomic():
        forget_member(access)
        Invitation.objects.filter(repair=access.repair, created_by_id=access.user_id, used_at=None).update(
            revoked_at=timezone.now()
        )
        access.membership.delete()


def set_answer_shared(access: RepairAccess, step: str, prompt: str, shared: bool) -> JourneyAnswer:
    """Share one of your own answers with your partner, or stop sharing it."""
    try:
        answer = own_answer(access, step, prompt)
    except NotFound:
        if not shared:
            raise
        raise InvalidInput("Write an answer first, then share it.", prompt) from None
    if shared:
        require_open(access)
    if shared and not answer.text.strip():
        raise InvalidInput("This answer is empty. Write something first, then share it.", prompt)
    if answer.shared != shared:
        answer.shared = shared
        answer.save(update_fields=["shared"])
    return answer


def set_draft_shared(access: RepairAccess, draft_id: object, shared: bool) -> ApologyDraft:
    """Deliver one version of your apology to your partner, or take it back."""
    draft = own_draft(access, draft_id)
    if shared:
        require_open(access)
    if draft.shared != shared:
        draft.shared = shared
        draft.save(update_fields=["shared"])
    return draft
