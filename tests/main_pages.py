"""The main pages of a repair with something on every page, for both partners.

Shared by the web test that reads every page's HTML and the browser test that opens every page at phone width.
alice made the mistake and owns the repair; bob was hurt and has joined it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.urls import reverse

from amends.journey import load_track
from amends.journey.incidents import load_incident_track
from amends.services import questionnaires, tokens, trust
from amends.services.access import repair_access
from amends.services.incidents import record_incident, save_incident_step, visible_incidents
from amends.services.partners import set_answer_shared, set_draft_shared
from amends.services.repairs import save_answer, save_apology_draft

PUBLIC_PAGES = ["home", "guide", "help", "signup", "login", "safety_now"]
OWN_PAGES = ["home", "settings", "privacy", "join", "repair_new", "safety", "safety_plan", "safety_concerns"]
REPAIR_PAGES = [
    "repair",
    "welcome",
    "partner",
    "shared_view",
    "pause",
    "listen",
    "need_help",
    "arguments",
    "playbook",
    "incidents",
    "incident_new",
    "trust_dashboard",
    "trust_timeline",
    "trust_commitments",
    "trust_checkins",
    "trust_confirm",
    "trust_questions",
    "trust_notes",
    "trust_questionnaires",
]


def fill_repair(alice: Any, bob: Any, repair: Any) -> None:
    """Write one of everything: answers, two apology versions, a commitment kept and confirmed, check-ins, a question."""
    mine, theirs = repair_access(alice, repair.pk), repair_access(bob, repair.pk)
    save_answer(mine, "name-it", "what-i-did", "I stayed at work and did not call.")
    set_answer_shared(mine, "name-it", "what-i-did", True)
    save_apology_draft(mine, "I am sorry you felt upset. sorry")
    draft = save_apology_draft(mine, "I am sorry I missed your birthday dinner. I will call when I am late.")
    set_draft_shared(mine, draft.pk, True)
    today = trust.today_for(alice.pk)
    commitment = trust.add_commitment(
        mine,
        text="I will call if I'll be more than 30 minutes late.",
        schedule=trust.ScheduleInput("daily"),
        start=today - timedelta(days=3),
    )
    check_in = trust.record_check_in(mine, commitment.pk, on=today - timedelta(days=1), status="kept").check_in
    trust.confirm_check_in(theirs, check_in.pk)
    trust.record_check_in(mine, commitment.pk, on=today - timedelta(days=2), status="partly", note="I called late.")
    question = trust.ask_question(theirs, "Why did you not call?")
    trust.answer_question(mine, question.pk, "I was ashamed and I avoided it.")
    trust.add_transparency_note(mine, "I was at the office until 7.", shared=True)
    answers = {"predictability": 4, "dependability": 3, "faith": 5, "trust_today": 4}
    questionnaires.submit_questionnaire(theirs, "trust_checkin", answers, shared=True)
    forgiving = {"decision": 5, "hurt_present": 6, "resentment": 5, "goodwill": 6}
    questionnaires.submit_questionnaire(theirs, "forgiveness_checkin", forgiving, shared=True)
    questionnaires.submit_questionnaire(theirs, "csi4", {"1": 3, "2": 3, "3": 3, "4": 3}, shared=True)
    yesterday = tokens.clock().date() - timedelta(days=1)  # the incident clock, frozen in web tests
    incident = record_incident(mine, kind="relapse", happened_on=yesterday, note="I did not call.")
    save_incident_step(mine, incident, "name-it", {"what-i-did": "I stayed late again and did not call."})


def pages_for(user: Any, repair: Any) -> list[str]:
    """Every main page this partner can open in this repair, with each step of their track."""
    access = repair_access(user, repair.pk)
    urls = [reverse(name) for name in OWN_PAGES + ["guide", "help"]]
    # The welcome page greets the partner who joined; the creator is sent on to the repair itself.
    urls += [reverse(name, args=[repair.pk]) for name in REPAIR_PAGES if not (name == "welcome" and access.is_owner)]
    urls += [reverse("step", args=[repair.pk, step.slug]) for step in load_track(access.role).steps]
    for instrument in questionnaires.instruments_for(access.role):
        urls.append(reverse("trust_questionnaire", args=[repair.pk, instrument]))
    if access.role == "offender":
        urls.append(reverse("compare_drafts", args=[repair.pk]))
    urls.append(reverse("safety_screen", args=["phq9"]))
    for incident in visible_incidents(access):
        urls.append(reverse("incident", args=[repair.pk, incident.pk]))
        urls += [
            reverse("incident_step", args=[repair.pk, incident.pk, s.slug])
            for s in load_incident_track(access.role).steps
        ]
    return urls
