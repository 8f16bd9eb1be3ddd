from __future__ import annotations

from django import forms

from amends.services.errors import MAX_TEXT
from amends.web.refuse import RefuseNotCut
from amends.web.repairs.models import MISTAKE_KINDS, ROLES


class RepairForm(RefuseNotCut, forms.Form):
    role = forms.ChoiceField(choices=ROLES, widget=forms.RadioSelect, label="Which side are you on?")
    kind = forms.ChoiceField(choices=MISTAKE_KINDS, widget=forms.RadioSelect, label="What kind of mistake was it?")
    title = forms.CharField(
        max_length=120,
        label="A short name for this repair",
        help_text="Only you see it, for example “The missed anniversary”.",
        error_messages={"required": "Give this repair a short name so you can find it again."},
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_TEXT,
        label="What happened, in your own words?",
        help_text="Be as specific as you can. This stays private.",
        error_messages={
            "required": "Describe what happened in a few words. You can add more later.",
        },
    )
