"""The one way to fetch a couple's data: the object plus what this user may do with it.

Anything a user may not see raises NotFound, so an outsider cannot even learn that it exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from amends.web.repairs.models import ApologyDraft, JourneyAnswer, Membership, Repair


@dataclass(frozen=True)
class RepairAccess:
    repair: Repair
    membership: Membership

    @property
    def role(self) -> str:
        return self.membership.role

    @property
    def user_id(self) -> int:
        return self.membership.user_id

    @property
    def can_write(self) -> bool:
        return True  # every member writes their own items; sharing rules decide what others see

    @property
    def is_owner(self) -> bool:
        return self.repair.created_by_id == self.membership.user_id


def repair_access(user: object, repair_id: object) -> RepairAccess:
    """Return the user's access to a repair, or raise NotFound."""
    from amends.services.errors import NotFound

    if not getattr(user, "is_authenticated", False):
        raise NotFound("sign in first")
    try:
        membership = Membership.objects.select_related("repair").get(repair_id=int(str(repair_id)), user=user)
    except (Membership.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound("no such repair") from exc
    return RepairAccess(repair=membership.repair, membership=membership)


# Items inside a repair. Visibility lives here so that views, exports and the API agree:
# a member sees everything they wrote, and of their partner's items only what is shared.


def partner_membership(access: RepairAccess) -> Membership | None:
    """The other member of the repair, if one has joined."""
    return (
        Membership.objects.select_related("user").filter(repair=access.repair).exclude(user_id=access.user_id).first()
    )


def own_answer(access: RepairAccess, step: str, prompt: str) -> JourneyAnswer:
    """One of the user's own answers in this repair, or NotFound."""
    from amends.journey import load_track
    from amends.services.errors import NotFound

    # Only prompts of the user's own track can name an answer; anything else (tampered or
    # malformed values, NUL bytes PostgreSQL cannot even compare) never reaches the database.
    step_def = load_track(access.role).step(step)
    if step_def is None or step_def.prompt(prompt) is None:
        raise NotFound("no such answer")
    mine = JourneyAnswer.objects.filter(repair=access.repair, author_id=access.user_id)
    answer = mine.filter(step=step, prompt=prompt).first()
    if answer is None:
        raise NotFound("no such answer")
    return answer


def own_draft(access: RepairAccess, draft_id: object) -> ApologyDraft:
    """One of the user's own apology versions in this repair, or NotFound."""
    from amends.services.errors import NotFound

    try:
        return ApologyDraft.objects.get(pk=int(str(draft_id)), repair=access.repair, author_id=access.user_id)
    except (ApologyDraft.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound("no such apology version") from exc


def visible_answers(access: RepairAccess) -> QuerySet[JourneyAnswer]:
    """The user's own answers plus the answers other members have shared, never anyone's private ones."""
    return (
        JourneyAnswer.objects.filter(repair=access.repair)
        .filter(Q(author_id=access.user_id) | Q(shared=True, author__memberships__repair=access.repair))
        .distinct()
    )


def partner_shared_answers(access: RepairAccess) -> QuerySet[JourneyAnswer]:
    return visible_answers(access).exclude(author_id=access.user_id).exclude(text="")


def partner_shared_drafts(access: RepairAccess) -> QuerySet[ApologyDraft]:
    return (
        ApologyDraft.objects.filter(repair=access.repair, shared=True, author__memberships__repair=access.repair)
        .exclude(author_id=access.user_id)
        .distinct()
    )
