"""The one way to fetch a couple's data: the object plus what this user may do with it.

Anything a user may not see raises NotFound, so an outsider cannot even learn that it exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from amends.web.repairs.models import Membership, Repair


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
