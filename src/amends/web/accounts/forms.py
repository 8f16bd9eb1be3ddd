from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User

from amends.web.refuse import RefuseNotCut
from amends.web.regions import REGIONS

REGION_FIELD_HELP = "Used only to show the right crisis and support numbers. amends never looks up your location."


class SignUpForm(RefuseNotCut, UserCreationForm):  # type: ignore[type-arg]
    # Asked at sign-up so crisis lines are right from the first page; "somewhere else" gives international lines.
    region = forms.ChoiceField(
        choices=list(REGIONS.items()),
        initial="INTL",
        required=False,  # left out, it means "somewhere else": international lines, never a silent gap
        label="Where should help lines come from?",
        help_text=REGION_FIELD_HELP,
    )

    def clean_region(self) -> str:
        return str(self.cleaned_data.get("region") or "INTL")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username",)
        help_texts = {"username": "Any name you like. No e-mail is needed; everything stays on this computer."}
        # Neutral wording: it says what to do, not who has an account. (Sign-up is throttled per address.)
        error_messages = {
            "username": {"unique": "This name cannot be used. Choose another one, for example add a word or a number."}
        }


class SettingsForm(RefuseNotCut, forms.Form):
    region = forms.ChoiceField(
        choices=list(REGIONS.items()),
        label="Where should help lines come from?",
        help_text=REGION_FIELD_HELP,
    )
    neutral_titles = forms.BooleanField(
        required=False,
        label="Use neutral page titles",
        help_text='Browser tabs and history show "Notes" instead of amends page names.',
    )
    timezone = forms.CharField(max_length=64, label="Your time zone", help_text="For example Europe/London.")

    def clean_timezone(self) -> str:

        value = self.cleaned_data["timezone"].strip()
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise forms.ValidationError(
                "Unknown time zone. Use a name like Europe/London or America/New_York."
            ) from exc
        return value
