"""The one rule for a couple's data: who may see or change each object, and whether the shared space is open.

* A private item is seen by its author only.
* A shared item (one its author shared, or one shared by nature: commitments, check-ins,
  confirmations, dispute messages, questions, answers) is seen by its author and by the
  repair's *current* members.
* Anything written by someone who has left is invisible to everyone else; it stays in that
  person's own export.
* While the repair is paused (any current member said "I need a break from the shared space",
  or their private screen did), each member sees only their own items, and nothing new may
  reach the other partner.

Every view, API endpoint, export, report, timeline, dashboard and template tag fetches a
couple's data through the functions here; none filters on its own. Anything a user may not see
raises NotFound, so nobody can even learn that it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

from django.db import models, transaction
from django.db.models import Q, QuerySet

from amends.journey import load_track
from amends.services.errors import NotFound, Paused
from amends.web.conversations.models import AgreementNote, Conversation, ConversationEntry
from amends.web.incidents.models import Incident, IncidentAnswer
from amends.web.repairs.models import (
    MISTAKE_KINDS,
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
    SafetySignal,
    ScreenResult,
)
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

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class RepairAccess:
    """A member's place in a repair. Made per request: it remembers who else it may show."""

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
        return True  # every member writes their own items; the rule below decides what others see

    @property
    def is_owner(self) -> bool:
        return self.repair.created_by_id == self.membership.user_id

    @property
    def title(self) -> str:
        """The creator's own title ("Only you see it"); everyone else sees the kind of mistake."""
        return self.repair.title if self.is_owner else dict(MISTAKE_KINDS).get(self.repair.kind, "Our repair")

    @property
    def description(self) -> str:
        """The creator's private description; empty for everyone else."""
        return self.repair.description if self.is_owner else ""

    @cached_property
    def _space(self) -> tuple[frozenset[int], bool]:
        members = frozenset(Membership.objects.filter(repair=self.repair).values_list("user_id", flat=True))
        paused = Pause.objects.filter(repair=self.repair, user_id__in=members).exists()
        return members, paused

    @property
    def paused(self) -> bool:
        return self._space[1]

    @property
    def visible_authors(self) -> frozenset[int]:
        """Whose items this member may see: current members, or only themself while paused."""
        members, paused = self._space
        return frozenset({self.user_id}) if paused else members


def repair_access(user: object, repair_id: object) -> RepairAccess:
    """Return the user's access to a repair, or raise NotFound."""
    if not getattr(user, "is_authenticated", False):
        raise NotFound("sign in first")
    try:
        membership = Membership.objects.select_related("repair").get(repair_id=int(str(repair_id)), user=user)
    except (Membership.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound("no such repair") from exc
    return RepairAccess(repair=membership.repair, membership=membership)


def my_repairs(user: object) -> list[RepairAccess]:
    """Every repair the user is a member of now."""
    rows = Membership.objects.filter(user=user).select_related("repair").order_by("-repair__updated_at")
    return [RepairAccess(repair=m.repair, membership=m) for m in rows]


def partner_membership(access: RepairAccess) -> Membership | None:
    """The other member of the repair, if one has joined."""
    return (
        Membership.objects.select_related("user").filter(repair=access.repair).exclude(user_id=access.user_id).first()
    )


# ---------------------------------------------------------------- the rule, per model


@dataclass(frozen=True)
class Rule:
    author: str  # lookup from the object to the person who wrote it
    repair: str  # lookup from the object to its repair
    shared: str | None = None  # the author's share switch; None: shared by nature once the partner joined
    parent_author: str | None = None  # a reply is seen only while what it replies to is seen
    private: bool = False  # never shown to anyone but its author


RULES: dict[type[models.Model], Rule] = {
    JourneyAnswer: Rule("author", "repair", shared="shared"),
    ApologyDraft: Rule("author", "repair", shared="shared"),
    TransparencyNote: Rule("author", "repair", shared="shared"),
    QuestionnaireResponse: Rule("user", "repair", shared="shared"),
    Commitment: Rule("author", "repair"),
    ScheduleVersion: Rule("commitment__author", "commitment__repair"),
    CheckIn: Rule("commitment__author", "repair"),
    Confirmation: Rule("partner", "repair", parent_author="check_in__commitment__author"),
    DisputeMessage: Rule("author", "repair", parent_author="confirmation__check_in__commitment__author"),
    Question: Rule("asked_by", "repair"),
    Answer: Rule("author", "question__repair", parent_author="question__asked_by"),
    # An incident and each member's answers about it are private until shared; an answer is seen
    # only beside its incident, like a reply beside what it replies to.
    Incident: Rule("author", "repair", shared="shared"),
    IncidentAnswer: Rule("author", "incident__repair", shared="shared", parent_author="incident__author"),
    # Practice is "only you can see it": its shared column is never offered, and ignored here.
    PracticeEntry: Rule("author", "repair", private=True),
    JourneyAnswerRevision: Rule("answer__author", "answer__repair", private=True),
    StepCompletion: Rule("user", "repair", private=True),
    ArgumentEntry: Rule("author", "repair", private=True),
    HelpSignsReport: Rule("user", "repair", private=True),
    PlaybookCheck: Rule("user", "repair", private=True),
    # Guided conversations: a run one person prepares alone is theirs; a shared run (together) and the
    # boxes its writers chose to show are seen by both; "we agreed" notes are shared by nature.
    Conversation: Rule("started_by", "repair", shared="together"),
    ConversationEntry: Rule("author", "conversation__repair", shared="shared"),
    AgreementNote: Rule("author", "conversation__repair", parent_author="conversation__started_by"),
}
# The repair's own machinery, not anyone's writing: decided by the functions that use them.
MACHINERY: frozenset[str] = frozenset(
    {
        "repairs.membership",
        "repairs.pause",
        "partners.invitation",
        "trust.ledgerpast",
        "trust.ledgerrevision",
        "waiting.seenmark",
    }
)
# One person's data with no repair at all: only ever their own.
PERSONAL: tuple[type[models.Model], ...] = (ScreenResult, SafetySignal, SafetyPlan)


def visible(access: RepairAccess, model: type[M]) -> QuerySet[M]:
    """Every ``model`` row of the repair this member may see."""
    rule = RULES[model]
    rows = model._default_manager.filter(**{rule.repair: access.repair})
    mine = Q(**{rule.author: access.user_id})
    if rule.private:
        return rows.filter(mine)
    authors = access.visible_authors
    others = Q(**{f"{rule.author}__in": authors})
    if rule.shared:
        others &= Q(**{rule.shared: True})
    rows = rows.filter(mine | others)
    if rule.parent_author:
        # Even one's own reply is shown only beside what it replies to: it quotes it.
        rows = rows.filter(**{f"{rule.parent_author}__in": authors})
    return rows


def own(access: RepairAccess, model: type[M]) -> QuerySet[M]:
    """This member's own ``model`` rows in the repair, shared or not."""
    rule = RULES[model]
    return model._default_manager.filter(**{rule.repair: access.repair, rule.author: access.user_id})


def shared_with_me(access: RepairAccess, model: type[M]) -> QuerySet[M]:
    """What others in the repair show this member: ``visible`` without their own rows."""
    return visible(access, model).exclude(**{RULES[model].author: access.user_id})


def shared_by_me(access: RepairAccess, model: type[M]) -> QuerySet[M]:
    rule = RULES[model]
    rows = own(access, model)
    return rows.filter(**{rule.shared: True}) if rule.shared else rows


def get_visible(access: RepairAccess, model: type[M], pk: object, what: str = "item") -> M:
    """One row this member may see, or NotFound."""
    return _one(visible(access, model), pk, what)


def get_own(access: RepairAccess, model: type[M], pk: object, what: str = "item") -> M:
    """One of this member's own rows (the only ones they may change), or NotFound."""
    return _one(own(access, model), pk, what)


def _one(rows: Any, pk: object, what: str) -> Any:
    try:
        return rows.get(pk=int(str(pk)))
    except (rows.model.DoesNotExist, ValueError, TypeError, OverflowError) as exc:
        raise NotFound(f"no such {what}") from exc


def author_id(obj: models.Model) -> int | None:
    value: Any = obj
    for part in RULES[type(obj)].author.split("__"):
        value = getattr(value, part)
    return getattr(value, "pk", None)


def personal(user: object, model: type[M]) -> QuerySet[M]:
    """One person's own private rows (screens, signals, safety plan): nobody else's, ever."""
    if model not in PERSONAL:
        raise TypeError(f"{model.__name__} is not personal data")
    return model._default_manager.filter(user=user)


def authored_by(user: object, model: type[M]) -> QuerySet[M]:
    """Everything ``user`` wrote of ``model``, in every repair, including ones they left (for their export)."""
    return model._default_manager.filter(**{RULES[model].author: getattr(user, "pk", user)})


# ---------------------------------------------------------------- journey items (shortcuts used widely)


def own_answer(access: RepairAccess, step: str, prompt: str) -> JourneyAnswer:
    """One of the user's own answers in this repair, or NotFound."""

    # Only prompts of the user's own track can name an answer; anything else (tampered or
    # malformed values, NUL bytes PostgreSQL cannot even compare) never reaches the database.
    step_def = load_track(access.role).step(step)
    if step_def is None or step_def.prompt(prompt) is None:
        raise NotFound("no such answer")
    answer = own(access, JourneyAnswer).filter(step=step, prompt=prompt).first()
    if answer is None:
        raise NotFound("no such answer")
    return answer


def own_draft(access: RepairAccess, draft_id: object) -> ApologyDraft:
    """One of the user's own apology versions in this repair, or NotFound."""
    return get_own(access, ApologyDraft, draft_id, "apology version")


def visible_answers(access: RepairAccess) -> QuerySet[JourneyAnswer]:
    """The user's own answers plus the answers current members have shared, never anyone's private ones."""
    return visible(access, JourneyAnswer)


def partner_shared_answers(access: RepairAccess) -> QuerySet[JourneyAnswer]:
    return shared_with_me(access, JourneyAnswer).exclude(text="")


def partner_shared_drafts(access: RepairAccess) -> QuerySet[ApologyDraft]:
    return shared_with_me(access, ApologyDraft)


# ---------------------------------------------------------------- the pause


def require_open(access: RepairAccess) -> None:
    """Refuse anything that would reach the other partner while the shared space is paused."""
    if access.paused:
        raise Paused()


def is_paused(repair: Repair) -> bool:
    members = Membership.objects.filter(repair=repair).values_list("user_id", flat=True)
    return Pause.objects.filter(repair=repair, user_id__in=members).exists()


def paused_by_me(access: RepairAccess) -> bool:
    return Pause.objects.filter(repair=access.repair, user_id=access.user_id).exists()


def pause(access: RepairAccess) -> None:
    """ "I need a break from the shared space." Any member, any time, for any reason; no reason is kept."""
    Pause.objects.get_or_create(repair=access.repair, user_id=access.user_id)


def resume(access: RepairAccess) -> None:
    """Lift this member's own pause. Nobody can lift anyone else's."""
    Pause.objects.filter(repair=access.repair, user_id=access.user_id).delete()


def has_paused(user: object) -> bool:
    """Whether this person holds a pause on any repair (shown to them alone)."""
    return Pause.objects.filter(user=user).exists()


def pause_everywhere(user: object) -> None:
    """A private safety signal pauses every repair the person is in, exactly like choosing to pause."""
    with transaction.atomic():
        for membership in Membership.objects.filter(user=user):
            Pause.objects.get_or_create(repair_id=membership.repair_id, user=user)


def resume_everywhere(user: object) -> None:
    Pause.objects.filter(user=user).delete()


def forget_member(access: RepairAccess) -> None:
    """On leaving: the leaver's pause goes with them and their shares stop (their rows stay theirs)."""
    Pause.objects.filter(repair=access.repair, user_id=access.user_id).delete()
    for model, rule in RULES.items():
        if rule.shared:
            own(access, model).update(**{rule.shared: False})
