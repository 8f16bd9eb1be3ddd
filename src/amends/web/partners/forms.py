from __future__ import annotations

from django import forms

from amends.services.privacy import DELETE_WORD
from amends.services.tokens import TOKEN_LIFETIMES
from amends.web.refuse import RefuseNotCut


class JoinForm(RefuseNotCut, forms.Form):
    code = forms.CharField(
        max_length=32,
        label="Invitation code",
        help_text="8 letters and digits, like ABCD-EFGH. Capitals, spaces and dashes do not matter.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class DeleteAccountForm(RefuseNotCut, forms.Form):
    confirm = forms.CharField(
        max_length=32,
        label=f"Type {DELETE_WORD} to confirm",
        help_text="This cannot be undone. Download your data first if you want a copy.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class TokenForm(RefuseNotCut, forms.Form):
    name = forms.CharField(
        max_length=60, label="Token name", help_text="So you can recognise it later, e.g. 'my laptop'."
    )
    scope = forms.ChoiceField(
        choices=[
            ("read", "Read only: ask the coach and read your data"),
            ("write", "Read and write: also add commitments, check-ins, questions and answers"),
        ],
        initial="read",
        widget=forms.RadioSelect,
        label="What may it do?",
    )
    days = forms.TypedChoiceField(
        choices=[(d, f"{d} days") for d in TOKEN_LIFETIMES],
        coerce=int,
        initial=90,
        label="How long does it last?",
        help_text="It also stops working when you change your password.",
    )


class AppLockForm(RefuseNotCut, forms.Form):
    pin = forms.CharField(
        min_length=4,
        max_length=12,
        label="PIN (4 to 12 digits)",
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "new-password"}),
    )
    idle_minutes = forms.IntegerField(
        min_value=1, max_value=240, initial=5, label="Ask again after this many idle minutes"
    )


class UnlockForm(RefuseNotCut, forms.Form):
    pin = forms.CharField(
        max_length=12,
        label="Your PIN",
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "current-password"}),
    )
