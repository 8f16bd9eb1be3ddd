"""Domain errors the edges turn into 404s, form errors or exit codes."""

from __future__ import annotations

from amends.limits import chars
from amends.safety.messages import PAUSED_NOTICE


class NotFound(Exception):
    """The object does not exist, or this user may not know that it does."""


class InvalidInput(ValueError):
    """The user's input cannot be saved; the message says what to do."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Paused(InvalidInput):
    """The repair's shared space is paused: nothing may reach the other partner until it reopens.

    The message is the one neutral notice, the same whoever paused and whatever the reason.
    """

    def __init__(self) -> None:
        super().__init__(PAUSED_NOTICE)


MAX_TEXT = chars("text")


def check_length(text: str, label: str, *, required: bool = False, field: str | None = None) -> str:
    if "\x00" in text:
        # PostgreSQL cannot store NUL in text; refuse it the same way on every database.
        raise InvalidInput(f"{label} contains an invisible control character; remove it and save again.", field)
    if required and not text.strip():
        raise InvalidInput(f"{label} is empty. Write a few words, then save.", field)
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            f"{label} is {len(text):,} characters; the limit is {MAX_TEXT:,}. Shorten it, your text is still here.",
            field,
        )
    return text
