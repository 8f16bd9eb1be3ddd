"""Use cases for one-time recovery codes: issue, regenerate, count, and reset a password with one.

A partner on a hosted instance cannot run ``amends users reset-password``; a code they were shown at
sign-up lets them set a new password in the browser instead. Codes are stored as salted slow hashes
(Django's password hashers), each works once, and making new ones voids the old set.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction

from amends.services.errors import InvalidInput
from amends.services.tokens import clock
from amends.web.recovery.models import RecoveryCode

CODE_COUNT = 10
# No 0/O, 1/I/L: a code copied by hand from paper must read back the same.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12  # shown as three groups of four, about 59 random bits, and tries are rate-limited
PREFIX_LENGTH = 4
NO_MATCH = (
    "That name and recovery code do not match. Check both (a code works only once; "
    "capitals and dashes do not matter) and try again."
)


def _new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def shown(code: str) -> str:
    """A code as the person sees it: ABCD-EFGH-JKMN."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise(typed: str) -> str:
    return "".join(ch for ch in typed.upper() if ch.isalnum())[: CODE_LENGTH * 2]


@transaction.atomic
def issue_recovery_codes(user: Any) -> list[str]:
    """A fresh set of codes for ``user``, returned once for showing; any earlier set stops working."""
    RecoveryCode.objects.filter(user=user).delete()
    codes, now = [_new_code() for _ in range(CODE_COUNT)], clock()
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, secret_prefix=c[:PREFIX_LENGTH], secret_hash=make_password(c), created_at=now)
        for c in codes
    )
    return [shown(c) for c in codes]


def regenerate_recovery_codes(user: Any, current_password: str) -> list[str]:
    """New codes for a signed-in person who can type their current password (a borrowed session cannot)."""
    if not user.check_password(current_password):
        raise InvalidInput("That is not your current password. Type it again to make new codes.", "password")
    return issue_recovery_codes(user)


def recovery_codes_left(user: Any) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def reset_password_with_code(username: str, code: str, new_password: str) -> Any:
    """Set a new password for ``username`` if ``code`` is one of their unused codes; the code is then spent.

    An unknown name and a wrong code get the same refusal, so the page never tells whether a name exists.
    """
    user = get_user_model()._default_manager.filter(username=username, is_active=True).first()
    typed = normalise(code)
    row = _matching_code(user, typed) if user is not None else None
    if row is None:
        if user is None:
            make_password(typed)  # as slow as a real check, so timing does not tell names apart
        raise InvalidInput(NO_MATCH, "code")
    try:
        password_validation.validate_password(new_password, user)
    except ValidationError as exc:
        raise InvalidInput(" ".join(exc.messages), "new_password1") from exc
    with transaction.atomic():
        # Spent in the same update that checks it is unused: two tries at once cannot both use it.
        if not RecoveryCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=clock()):
            raise InvalidInput(NO_MATCH, "code")
        user.set_password(new_password)
        user.save(update_fields=["password"])
    return user


def _matching_code(user: Any, typed: str) -> RecoveryCode | None:
    if len(typed) != CODE_LENGTH:
        return None
    candidates = RecoveryCode.objects.filter(user=user, secret_prefix=typed[:PREFIX_LENGTH], used_at__isnull=True)
    return next((row for row in candidates if check_password(typed, row.secret_hash)), None)
