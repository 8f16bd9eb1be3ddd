from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation

from amends.web.refuse import RefuseNotCut


class RecoverForm(RefuseNotCut, forms.Form):
    username = forms.CharField(
        max_length=150, label="Username", widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    code = forms.CharField(
        max_length=40,
        label="One of your recovery codes",
        help_text="Shown when you created your account, like ABCD-EFGH-JKMN. Each code works once.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    new_password1 = forms.CharField(
        label="New password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    new_password2 = forms.CharField(
        label="New password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_password1") and data.get("new_password1") != data.get("new_password2"):
            self.add_error("new_password2", "The two new passwords differ. Type the same one twice.")
        return data


class RegenerateForm(forms.Form):
    password = forms.CharField(
        label="Your current password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Making new codes voids the old ones, including any you have not used.",
    )
