from __future__ import annotations

from django import forms

TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ReminderForm(forms.Form):
    check_ins = forms.BooleanField(required=False, label="Check-ins that are due")
    questionnaires = forms.BooleanField(required=False, label="Questionnaires that are due")
    questions = forms.BooleanField(required=False, label="Questions waiting for your answer")
    in_app = forms.BooleanField(required=False, label="Show a notice inside amends")
    browser = forms.BooleanField(
        required=False,
        label="Browser notifications while an amends tab is open",
        help_text="Your browser asks once whether to allow them. Nothing is sent through anyone else's servers.",
    )
    quiet_start = forms.TimeField(
        required=False,
        label="Quiet hours start",
        widget=TIME_WIDGET,
        help_text="No browser notifications between these times, in your time zone above. For example 22:00.",
    )
    quiet_end = forms.TimeField(
        required=False, label="Quiet hours end", widget=TIME_WIDGET, help_text="For example 07:00."
    )
