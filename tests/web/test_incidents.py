"""When it happens again, on the web, with the cast: alice and bob are partners, charlie always gets 404."""

from __future__ import annotations

import html
import io
import zipfile
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from amends.services import trust
from amends.services.access import RULES, author_id, authored_by, pause, repair_access, visible
from amends.services.incidents import export_section, record_incident, save_incident_step, set_incident_answer_shared
from amends.services.partners import leave_repair
from amends.services.privacy import export_data, export_zip
from amends.services.repairs import save_answer
from amends.services.safety import triage_for
from amends.web.accounts.models import Profile
from amends.web.incidents.models import Incident, IncidentAnswer
from amends.web.repairs.models import JourneyAnswer, Repair

from .conftest import client_for

PRIVATE_NOTE = "I texted my ex again on Friday night."
SHARED_NOTE = "I went back to the casino after I promised not to."
CRISIS = "I have pills saved up and I'm going to take them all tonight"


def _url(repair: Repair, rest: str = "") -> str:
    return f"/repairs/{repair.pk}/incidents/{rest}"


def _record(user: User, repair: Repair, note: str = PRIVATE_NOTE, shared: bool = False, **kw: Any) -> Incident:
    fields = {"kind": "relapse", "happened_on": date(2026, 2, 27), **kw}
    return record_incident(repair_access(user, repair.pk), note=note, shared=shared, **fields)


def test_alice_records_it_happened_again_and_lands_on_its_own_steps(as_alice: Client, alice_repair: Repair) -> None:
    response = as_alice.post(
        _url(alice_repair, "new/"), {"kind": "relapse", "happened_on": "2026-02-27", "note": PRIVATE_NOTE}
    )
    incident = Incident.objects.get()
    assert response.status_code == 302 and response["Location"] == _url(alice_repair, f"{incident.pk}/")
    assert (incident.kind, incident.happened_on, incident.shared) == ("relapse", date(2026, 2, 27), False)
    assert incident.recorded_at.isoformat() == "2026-03-02T12:00:30+00:00"  # the injectable clock, frozen
    page = as_alice.get(response["Location"]).content.decode()
    assert "It happened again" in page and PRIVATE_NOTE in page
    assert "Name what happened this time" in page and "Apologize for this one" in page
    assert "It happened again" in as_alice.get(f"/repairs/{alice_repair.pk}/").content.decode()


def test_a_future_date_is_refused_and_the_note_is_kept(as_alice: Client, alice_repair: Repair) -> None:
    response = as_alice.post(
        _url(alice_repair, "new/"), {"kind": "disclosure", "happened_on": "2026-03-09", "note": PRIVATE_NOTE}
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Incident.objects.exists()
    assert "That date is in the future. Pick 02 March 2026 or earlier." in page and PRIVATE_NOTE in page


def test_a_missing_kind_gets_a_message_saying_what_to_choose(as_alice: Client, alice_repair: Repair) -> None:
    page = as_alice.post(_url(alice_repair, "new/"), {"happened_on": "2026-03-01", "note": "x"}).content.decode()
    assert "Choose what happened" in page and not Incident.objects.exists()


def test_a_note_over_the_limit_is_refused_with_the_limit_and_kept_never_cut(
    as_alice: Client, alice_repair: Repair
) -> None:
    long_note = "I stayed out late again. " * 170
    response = as_alice.post(
        _url(alice_repair, "new/"), {"kind": "relapse", "happened_on": "2026-03-01", "note": long_note}
    )
    page = html.unescape(response.content.decode())
    assert not Incident.objects.exists() and "the limit is 4,000" in page and long_note.strip() in page
    assert "maxlength" not in as_alice.get(_url(alice_repair, "new/")).content.decode()


def test_an_answer_over_the_limit_is_refused_and_kept_and_nothing_is_saved(
    as_alice: Client, alice: User, alice_repair: Repair
) -> None:
    incident = _record(alice, alice_repair)
    long_answer = "I did not call. " * 1300
    response = as_alice.post(_url(alice_repair, f"{incident.pk}/step/name-it/"), {"answer-what-i-did": long_answer})
    page = html.unescape(response.content.decode())
    assert response.status_code == 200 and "the limit is 20,000" in page and long_answer in page
    assert not IncidentAnswer.objects.exists() and "maxlength" not in page


@pytest.mark.parametrize("rest", ["new/", "{id}/step/name-it/"])
def test_a_crisis_sentence_gets_the_crisis_response_for_the_writer_alone(
    as_alice: Client, as_bob: Client, alice: User, alice_repair: Repair, joined_bob: Any, rest: str
) -> None:
    Profile.objects.update_or_create(user=alice, defaults={"region": "US"})
    incident = _record(alice, alice_repair, shared=True)
    data = {"kind": "relapse", "happened_on": "2026-03-01", "note": CRISIS, "answer-what-i-did": CRISIS}
    response = as_alice.post(_url(alice_repair, rest.format(id=incident.pk)), data, follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and 'data-safety="crisis"' in html
    banner = html[html.index('data-safety="crisis"') :]
    assert 'href="tel:988"' in banner[: banner.index("</div>")]
    assert escape(CRISIS) in html  # what was typed is kept
    assert "data-safety" not in as_bob.get(_url(alice_repair, f"{incident.pk}/")).content.decode()


@pytest.mark.parametrize("rest", ["", "new/", "{id}/", "{id}/step/name-it/"])
def test_charlie_gets_404_on_every_incident_page(
    as_charlie: Client, alice: User, alice_repair: Repair, charlie_repair: Repair, rest: str
) -> None:
    incident = _record(alice, alice_repair, shared=True)
    path = _url(alice_repair, rest.format(id=incident.pk))
    assert as_charlie.get(path).status_code == 404
    assert as_charlie.post(path, {"kind": "relapse", "happened_on": "2026-03-01"}).status_code == 404
    assert Incident.objects.count() == 1


def test_charlie_cannot_share_or_answer_alices_incident(
    as_charlie: Client, alice: User, alice_repair: Repair, charlie_repair: Repair
) -> None:
    incident = _record(alice, alice_repair)
    assert as_charlie.post(_url(alice_repair, f"{incident.pk}/share/"), {"shared": "1"}).status_code == 404
    share_answer = _url(alice_repair, f"{incident.pk}/step/name-it/share/")
    assert as_charlie.post(share_answer, {"prompt": "what-i-did", "shared": "1"}).status_code == 404
    incident.refresh_from_db()
    assert not incident.shared and not IncidentAnswer.objects.exists()


def test_a_private_incident_is_never_shown_to_the_partner(
    as_bob: Client, alice: User, alice_repair: Repair, joined_bob: Any
) -> None:
    incident = _record(alice, alice_repair)
    assert PRIVATE_NOTE not in as_bob.get(_url(alice_repair)).content.decode()
    assert as_bob.get(_url(alice_repair, f"{incident.pk}/")).status_code == 404
    assert as_bob.get(_url(alice_repair, f"{incident.pk}/step/name-it/")).status_code == 404
    timeline = as_bob.get(f"/repairs/{alice_repair.pk}/trust/timeline/?kind=incidents").content.decode()
    assert PRIVATE_NOTE not in timeline and "Recorded that it happened again" not in timeline
    dashboard = as_bob.get(f"/repairs/{alice_repair.pk}/trust/").content.decode()
    assert "Incidents marked on the charts" not in dashboard


def test_a_shared_incident_reaches_bob_with_the_hurt_partners_words(
    as_bob: Client, alice: User, alice_repair: Repair, joined_bob: Any
) -> None:
    incident = _record(alice, alice_repair, note=SHARED_NOTE, shared=True)
    page = as_bob.get(_url(alice_repair, f"{incident.pk}/")).content.decode()
    assert SHARED_NOTE in page and "can hurt more than the first time" in page
    assert "Schneider, Corley &amp; Irons 1998" in page
    assert "What happened this time" in page  # bob's own steps for this incident
    timeline = as_bob.get(f"/repairs/{alice_repair.pk}/trust/timeline/?kind=incidents").content.decode()
    assert "Recorded that it happened again" in timeline and SHARED_NOTE in timeline


def test_bob_can_record_that_something_more_came_out(as_bob: Client, alice_repair: Repair, joined_bob: Any) -> None:
    response = as_bob.post(_url(alice_repair, "new/"), {"kind": "disclosure", "happened_on": "2026-03-01"})
    assert response.status_code == 302
    assert Incident.objects.get().author.username == "bob"


def test_while_paused_bob_sees_none_of_alices_incidents_and_nothing_can_be_shared(
    as_alice: Client, as_bob: Client, alice: User, alice_repair: Repair, joined_bob: Any
) -> None:
    incident = _record(alice, alice_repair, note=SHARED_NOTE, shared=True)
    pause(repair_access(bob := joined_bob.user, alice_repair.pk))
    assert SHARED_NOTE not in as_bob.get(_url(alice_repair)).content.decode()
    assert as_bob.get(_url(alice_repair, f"{incident.pk}/")).status_code == 404
    assert as_alice.post(_url(alice_repair, f"{incident.pk}/share/"), {"shared": "0"}).status_code == 423
    # Recording one's own incident is one's own writing, open while paused; sharing it is refused.
    page = as_alice.post(
        _url(alice_repair, "new/"), {"kind": "relapse", "happened_on": "2026-03-01", "note": "x", "shared": "on"}
    ).content.decode()
    assert Incident.objects.count() == 1 and "paused" in page.lower()
    assert (
        as_alice.post(_url(alice_repair, "new/"), {"kind": "relapse", "happened_on": "2026-03-01"}).status_code == 302
    )
    assert not Incident.objects.filter(author=bob).exists()


def test_someone_who_left_cannot_add_an_incident_and_is_told_why(
    as_bob: Client, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    leave_repair(repair_access(bob, alice_repair.pk))
    response = as_bob.post(_url(alice_repair, "new/"), {"kind": "disclosure", "happened_on": "2026-03-01"})
    assert response.status_code == 403
    assert "You have left this repair, so nothing new can be added to it." in response.content.decode()
    assert as_bob.get(_url(alice_repair, "new/")).status_code == 403
    assert not Incident.objects.exists()


def test_the_creator_who_left_is_refused_too_and_charlie_still_gets_404(
    alice: User, as_alice: Client, as_charlie: Client, alice_repair: Repair, joined_bob: Any, charlie_repair: Repair
) -> None:
    leave_repair(repair_access(alice, alice_repair.pk))
    assert as_alice.post(_url(alice_repair, "new/"), {"kind": "relapse"}).status_code == 403
    assert as_charlie.post(_url(alice_repair, "new/"), {"kind": "relapse"}).status_code == 404


def test_each_incidents_answers_are_its_own_and_the_first_ones_are_kept(
    as_alice: Client, alice: User, alice_repair: Repair
) -> None:
    access = repair_access(alice, alice_repair.pk)
    save_answer(access, "name-it", "what-i-did", "I missed the birthday dinner.")
    first, second = _record(alice, alice_repair), _record(alice, alice_repair, kind="disclosure")
    for incident, words in ((first, "I texted my ex."), (second, "There were more messages than I said.")):
        response = as_alice.post(_url(alice_repair, f"{incident.pk}/step/name-it/"), {"answer-what-i-did": words})
        assert response.status_code == 302 and response["Location"].endswith("/step/impact/")
    texts = {a.incident_id: a.text for a in IncidentAnswer.objects.filter(prompt="what-i-did")}
    assert texts == {first.pk: "I texted my ex.", second.pk: "There were more messages than I said."}
    assert JourneyAnswer.objects.get(step="name-it", prompt="what-i-did").text == "I missed the birthday dinner."
    page = as_alice.get(_url(alice_repair, f"{first.pk}/step/name-it/")).content.decode()
    assert "I texted my ex." in page and "There were more messages" not in page


def test_feelings_are_saved_per_incident_from_the_chips(as_alice: Client, alice: User, alice_repair: Repair) -> None:
    incident = _record(alice, alice_repair)
    as_alice.post(_url(alice_repair, f"{incident.pk}/step/impact/"), {"answer-feelings": ["betrayed", "foolish"]})
    assert IncidentAnswer.objects.get(prompt="feelings").text == "betrayed\nfoolish"


def test_an_answer_is_shared_only_after_its_incident_and_bob_reads_it_with_its_question(
    as_alice: Client, as_bob: Client, alice: User, alice_repair: Repair, joined_bob: Any
) -> None:
    incident = _record(alice, alice_repair)
    save_incident_step(repair_access(alice, alice_repair.pk), incident, "name-it", {"what-i-did": "I texted my ex."})
    share = _url(alice_repair, f"{incident.pk}/step/name-it/share/")
    as_alice.post(share, {"prompt": "what-i-did", "shared": "1"})
    assert not IncidentAnswer.objects.get().shared  # the incident itself is still private
    as_alice.post(_url(alice_repair, f"{incident.pk}/share/"), {"shared": "1"})
    as_alice.post(share, {"prompt": "what-i-did", "shared": "1"})
    page = as_bob.get(_url(alice_repair, f"{incident.pk}/")).content.decode()
    assert "I texted my ex." in page and "What exactly happened this time" in page
    as_alice.post(_url(alice_repair, f"{incident.pk}/share/"), {"shared": "0"})
    assert not IncidentAnswer.objects.get().shared  # taking the incident back takes its answers back


def test_incidents_are_marked_on_the_charts_and_the_history_is_kept(
    as_alice: Client, alice: User, alice_repair: Repair, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ten days after the incident: the charts show the last year, so on the real clock it would drop
    # off them in 2027, and the commitment could no longer start in February 2026.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 3, 9, 12, 0, tzinfo=UTC))
    access = repair_access(alice, alice_repair.pk)
    commitment = trust.add_commitment(
        access, text="I will call by 6pm when I am late.", schedule=trust.ScheduleInput("daily"), start=date(2026, 2, 1)
    )
    _record(alice, alice_repair)
    svg = as_alice.get(f"/repairs/{alice_repair.pk}/trust/charts/heatmap.svg").content.decode()
    assert 'class="incident-marker"' in svg and "Fri 27 Feb 2026: It happened again" in svg
    dashboard = as_alice.get(f"/repairs/{alice_repair.pk}/trust/").content.decode()
    assert "Incidents marked on the charts" in dashboard and "27 Feb 2026: It happened again" in dashboard
    assert commitment.text in dashboard


def test_a_repeated_incident_shows_up_in_the_help_triage(alice: User, alice_repair: Repair) -> None:
    access = repair_access(alice, alice_repair.pk)
    assert not any(r.kind == "couples_therapy" for r in triage_for(access, "GB"))
    _record(alice, alice_repair)
    recs = triage_for(repair_access(alice, alice_repair.pk), "GB")
    assert any(r.kind == "couples_therapy" and "happened again" in r.why for r in recs)
    page = client_for(alice).get(f"/repairs/{alice_repair.pk}/help/").content.decode()
    assert "it has happened again or more has come out (once)" in page


def test_bobs_triage_does_not_count_alices_private_incident(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    _record(alice, alice_repair)
    assert not any("happened again" in r.why for r in triage_for(repair_access(bob, alice_repair.pk), "GB"))


def test_incidents_are_in_the_authors_export_even_after_leaving(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    incident = _record(bob, alice_repair, note="More came out about the loan.", kind="disclosure")
    save_incident_step(repair_access(bob, alice_repair.pk), incident, "name-it", {"what-happened": "He hid a loan."})
    leave_repair(repair_access(bob, alice_repair.pk))
    (left,) = export_data(bob)["repairs_you_left"]
    (exported,) = left["incidents"]
    assert (exported["what"], exported["note"]) == ("Something more came out", "More came out about the loan.")
    assert [(a["question"], a["text"]) for a in exported["answers"]] == [
        ("What happened, or what came out, as I experienced it?", "He hid a loan.")
    ]
    readable = zipfile.ZipFile(io.BytesIO(export_zip(bob))).read("amends-data.html").decode()
    assert "When it happened again" in readable and "More came out about the loan." in readable
    assert "He hid a loan." in readable and "What happened, or what came out, as I experienced it?" in readable
    assert not export_data(alice)["repairs"][0]["incidents"]


def test_the_incident_pages_need_no_inline_styles(as_alice: Client, alice: User, alice_repair: Repair) -> None:
    incident = _record(alice, alice_repair)
    for rest in ("", "new/", f"{incident.pk}/", f"{incident.pk}/step/impact/"):
        page = as_alice.get(_url(alice_repair, rest)).content.decode()
        assert "style=" not in page and "<script>" not in page, rest


def test_the_outsider_repair_of_a_signed_out_visitor_goes_to_sign_in(alice_repair: Repair) -> None:
    response = client_for(None).get(_url(alice_repair, "new/"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


class _Scope:
    """The export's view of one repair, as export_section expects it: own rows, plus visible ones while a member."""

    def __init__(self, user: User, repair: Repair, member: bool = True) -> None:
        self.user, self.repair = user, repair
        self.access = repair_access(user, repair.pk) if member else None

    def rows(self, model: Any) -> Any:
        mine = authored_by(self.user, model).filter(**{RULES[model].repair: self.repair})
        return mine if self.access is None else mine | visible(self.access, model)

    def by(self, obj: Any) -> dict[str, Any]:
        yours = author_id(obj) == self.user.pk
        return {"by": "you" if yours else "your partner", "yours": yours}


def test_the_export_section_lists_each_incident_with_its_answers_and_their_questions(
    alice: User, bob: User, alice_repair: Repair, joined_bob: Any
) -> None:
    incident = _record(alice, alice_repair, note=SHARED_NOTE, shared=True)
    _record(alice, alice_repair, note=PRIVATE_NOTE)
    save_incident_step(repair_access(bob, alice_repair.pk), incident, "impact", {"feelings": "betrayed\nfoolish"})
    set_incident_answer_shared(repair_access(bob, alice_repair.pk), incident, "impact", "feelings", True)
    for_alice = export_section(_Scope(alice, alice_repair))
    assert [i["note"] for i in for_alice] == [SHARED_NOTE, PRIVATE_NOTE]
    (answer,) = for_alice[0]["answers"]
    assert answer["question"] == "What am I feeling now?" and answer["by"] == "your partner"
    for_bob = export_section(_Scope(bob, alice_repair))
    assert [i["note"] for i in for_bob] == [SHARED_NOTE]  # never alice's private incident
    assert for_bob[0]["answers"][0]["question"] == "What am I feeling now?"
    leave_repair(repair_access(bob, alice_repair.pk))
    left = export_section(_Scope(bob, alice_repair, member=False))
    # Leaving stops the sharing; the answer stays bob's, with its own question.
    orphan = {**answer, "by": "you", "yours": True, "shared": False}
    assert left == [{"what": "An incident no longer shown to you", "answers": [orphan]}]
