from __future__ import annotations

from django import forms

from amends.limits import chars
from amends.web.incidents.models import INCIDENT_KINDS
from amends.web.refuse import RefuseNotCut


class IncidentForm(RefuseNotCut, forms.Form):
    kind = forms.ChoiceField(
        choices=INCIDENT_KINDS,
        widget=forms.RadioSelect,
        label="What happened?",
        error_messages={"required": "Choose what happened: it happened again, or something more came out."},
    )
    happened_on = forms.DateField(
        label="When did it happen, or come out?",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Your best guess is fine.",
        error_messages={
            "required": "Give the date it happened or came out; if unsure, your best guess.",
            "invalid": "Write the date as year-month-day, for example 2026-03-01.",
        },
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=chars("incident.note"),
        label="A few words about it (optional)",
        help_text="Only you see this unless you share the incident.",
    )
    shared = forms.BooleanField(
        required=False,
        label="Show this incident to my partner now",
        help_text="You can share or stop sharing later.",
    )
