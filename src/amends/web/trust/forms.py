"""Forms for the trust pages. They check shape only; the services decide what may be saved."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from amends.limits import chars
from amends.services.trust import ScheduleInput
from amends.web.refuse import RefuseNotCut
from amends.web.trust.models import SCHEDULE_KINDS, STATUSES

WEEKDAYS = [
    (str(i), n) for i, n in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
]


class DateInput(forms.DateInput):
    input_type = "date"


class CommitmentForm(RefuseNotCut, forms.Form):
    text = forms.CharField(
        label="What will you do?",
        max_length=chars("commitment.text"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Something your partner could see you do, e.g. “I will call if I'll be more than 30 minutes late.”",
    )
    kind = forms.ChoiceField(
        label="How often is it due?", choices=SCHEDULE_KINDS, initial="daily", widget=forms.RadioSelect
    )
    weekdays = forms.MultipleChoiceField(
        label="On which days? (for “on given days”)",
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    on = forms.DateField(label="On which day? (for “once”)", required=False, widget=DateInput)
    event = forms.CharField(
        label="Whenever what happens? (for “whenever”)",
        max_length=chars("commitment.event"),
        required=False,
        help_text="For example: “I'm running late”.",
    )
    start = forms.DateField(label="Starting", required=False, widget=DateInput, help_text="Leave empty to start today.")
    end = forms.DateField(label="Ending (optional)", required=False, widget=DateInput)
    keep = forms.BooleanField(label="Yes, I can keep this.", required=False)
    source = forms.CharField(required=False, widget=forms.HiddenInput)

    # The feasibility question in the words of the chosen frequency: "every time" makes no sense for a one-off.
    KEEP_QUESTIONS = {
        "once": "Can you keep this on the day?",
        "daily": "Can you keep this every day?",
        "weekly": "Can you keep this on every one of those days?",
        "whenever": "Can you keep this every time it happens?",
    }
    # The schedule fields that matter only for one frequency; the page hides the others once a frequency is chosen.
    FIELD_KINDS = {"weekdays": "weekly", "on": "once", "event": "whenever"}

    def chosen_kind(self) -> str:
        kind = self["kind"].value()
        return kind if kind in self.KEEP_QUESTIONS else "daily"

    def keep_question(self) -> str:
        return self.KEEP_QUESTIONS[self.chosen_kind()]

    def schedule(self) -> ScheduleInput:
        d = self.cleaned_data
        return ScheduleInput(
            d["kind"], tuple(int(x) for x in d.get("weekdays") or ()), d.get("on"), d.get("event") or ""
        )


class EditCommitmentForm(CommitmentForm):
    effective_from = forms.DateField(
        label="The change applies from",
        required=False,
        widget=DateInput,
        help_text="Leave empty for today. Earlier days keep the commitment as it was then.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["start"]
        del self.fields["source"]


class CheckInForm(RefuseNotCut, forms.Form):
    commitment = forms.IntegerField(widget=forms.HiddenInput)
    on = forms.DateField(label="Day", widget=DateInput)
    status = forms.ChoiceField(label="How did it go?", choices=STATUSES, widget=forms.RadioSelect)
    note = forms.CharField(
        label="Note (optional)",
        max_length=chars("check_in.note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RespondForm(RefuseNotCut, forms.Form):
    verdict = forms.ChoiceField(choices=[("confirmed", "Confirm"), ("disputed", "Dispute")])
    note = forms.CharField(
        label="Your view (optional)",
        max_length=chars("confirmation.note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MessageForm(RefuseNotCut, forms.Form):
    text = forms.CharField(
        label="Add to the conversation",
        max_length=chars("dispute.message"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Write a few words first."},
    )


class QuestionForm(RefuseNotCut, forms.Form):
    text = forms.CharField(
        label="Your question", max_length=chars("question.text"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(RefuseNotCut, forms.Form):
    text = forms.CharField(
        label="Your answer", max_length=chars("answer.text"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    answer_by = forms.DateField(label="I need to think; I will answer by", required=False, widget=DateInput)


class NoteForm(RefuseNotCut, forms.Form):
    text = forms.CharField(
        label="What happened",
        max_length=chars("transparency_note.text"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: “I saw Sam today at the station; we talked for two minutes about work.”",
    )
    shared = forms.BooleanField(
        label="Share this with my partner",
        required=False,
        initial=False,
        help_text="Private unless you tick this. You can share, unshare or delete it later.",
    )


# A number scale's end labels ("0 - not at all", "10 - completely"): shown once under the item, so the numbers
# sit in one row instead of the last one wrapping alone under nine bare digits.
_ANCHORED = re.compile(r"^(\d+) - (.+)$")


def _scale(options: Any) -> tuple[list[tuple[str, str]], str]:
    """The radio choices of one item, and the help that names a number scale's ends ("" for worded options)."""
    choices = [(str(o.value), o.label) for o in options]
    anchors = [m for o in options if (m := _ANCHORED.match(o.label))]
    if not anchors or not all(o.label.isdigit() or _ANCHORED.match(o.label) for o in options):
        return choices, ""
    numbers = [(str(o.value), str(o.value)) for o in options]
    return numbers, "; ".join(f"{m.group(1)} is {m.group(2)}" for m in anchors) + "."


def questionnaire_form(instrument: Any, data: Any = None) -> forms.Form:
    """One radio group per item. Items are optional here so the scorer can say exactly what is missing."""
    fields: dict[str, forms.Field] = {}
    for it in instrument.items:
        choices, help_text = _scale(it.options)
        fields[f"item_{it.id}"] = forms.ChoiceField(
            label=it.text, required=False, widget=forms.RadioSelect, choices=choices, help_text=help_text
        )
    fields["shared"] = forms.BooleanField(label="Share this result with my partner", required=False)
    form_class = type("QuestionnaireForm", (forms.Form,), fields)
    return form_class(data)  # type: ignore[no-any-return]
