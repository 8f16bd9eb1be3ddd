"""Over-long text is refused with the limit stated, never cut.

A ``maxlength`` attribute makes the browser cut pasted text without a word: a 25,000-character question
arrived as its first 4,000 and the page said "Question sent." So no field carries ``maxlength``; the
server refuses what is too long, names the limit, and the form comes back with the text still in it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator


def refusal(length: int, limit: int) -> str:
    return f"This is {length:,} characters; the limit is {limit:,}. Shorten it; your text is still here."


class _RefuseOverLimit:
    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, value: str) -> None:
        if len(value) > self.limit:
            raise ValidationError(refusal(len(value), self.limit), code="too_long")


class RefuseNotCut:
    """A form mixin: its text fields keep ``max_length`` but lose ``maxlength``, and refuse in words."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.widget.attrs.pop("maxlength", None)
                kept = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
                field.validators = [*kept, _RefuseOverLimit(field.max_length)]
