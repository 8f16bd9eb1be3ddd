"""Trust pages. Each view: access-checked fetch, validate a form, one service call, redirect or render.

htmx requests get only the named fragment; every form also works as a plain POST.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from amends.measures import load_instrument
from amends.measures.words import score_in_words
from amends.services import charts, waiting
from amends.services import questionnaires as questionnaire_service
from amends.services import trust as service
from amends.services import trust_dashboard as dashboard
from amends.services import trust_queries as queries
from amends.services.access import get_own, own, visible
from amends.services.apology_commitments import offered_commitments
from amends.services.errors import InvalidInput, NotFound
from amends.web.access import couple_space, own_space, repair_or_404
from amends.web.coach_views import safety_for
from amends.web.highlight import highlight_html
from amends.web.requests import AuthedRequest
from amends.web.safety_notice import flash_safety
from amends.web.security.coach_limit import coach_allowed, paused, paused_report
from amends.web.trust.forms import (
    CheckInForm,
    CommitmentForm,
    EditCommitmentForm,
    MessageForm,
    NoteForm,
    RespondForm,
    questionnaire_form,
)
from amends.web.trust.models import Commitment, QuestionnaireResponse, TransparencyNote


def form_error(form: Any, exc: InvalidInput) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, str(exc))


def not_found(exc: NotFound) -> Http404:
    return Http404(str(exc))


# ---------------------------------------------------------------- dashboard, charts, timeline


@couple_space
@login_required
def trust_dashboard(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    return render(request, "trust/dashboard.html", {"access": access, **dashboard.build(access)})


@couple_space
@login_required
def chart_svg(request: AuthedRequest, repair_id: int, name: str) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    svg = dashboard.chart_svg(access, name)
    if svg is None:
        raise Http404("no such chart")
    response = HttpResponse(charts.standalone(svg), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="amends-{name}.svg"'
    return response


@couple_space
@login_required
def timeline(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    kinds = {k for k in request.GET.getlist("kind") if k in queries.TIMELINE_FILTERS}
    who = request.GET.get("who", "all")
    before = _parse_cursor(request.GET.get("before", ""))
    events, cursor = queries.timeline(access, kinds=kinds or None, who=who, before=before)
    context = {
        "access": access,
        "events": events,
        "cursor": cursor,
        "kinds": queries.TIMELINE_FILTERS,
        "chosen": kinds,
        "who": who,
        "names": dashboard.names(access),
        "next_query": _next_query(request, cursor),
    }
    template = "trust/partials/timeline_events.html" if request.htmx else "trust/timeline.html"
    return render(request, template, context)


def _parse_cursor(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _next_query(request: HttpRequest, cursor: datetime | None) -> str:
    if cursor is None:
        return ""
    q = request.GET.copy()
    q["before"] = cursor.isoformat()
    return q.urlencode()


# ---------------------------------------------------------------- commitments


def _coach(text: str, user_id: int | None = None) -> dict[str, Any] | None:
    if not text.strip():
        return None
    try:
        report = service.coach_commitment(text).to_dict()
    except InvalidInput as exc:
        return {"error": str(exc)}
    report["highlighted"] = highlight_html(text, report["findings"])
    s, e = report["keep_every_time_prompt"]["span"]
    report["action"] = text[s:e]
    report["safety"] = safety_for(text, user_id)
    return report


@couple_space
@login_required
def commitments(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    form = CommitmentForm(
        request.POST or None, initial={"text": request.GET.get("text", ""), "source": request.GET.get("source", "")}
    )
    report = None
    if request.method == "POST" and form.is_valid():
        report = _coach(form.cleaned_data["text"], access.user_id)
        if request.POST.get("action") == "save" and _save_commitment(request, access, form):
            messages.success(request, "Commitment saved. It shows on your check-in page when it is due.")
            return redirect("trust_commitments", repair_id=access.repair.pk)
    led = queries.load_ledger(access)
    context = {
        "access": access,
        "form": form,
        "report": report,
        "led": led,
        "rows": list(zip(led.rows, led.summary.commitments, strict=True)),
        "suggestions": offered_commitments(access) if access.role == "offender" else [],
    }
    return render(request, "trust/commitments.html", context)


def _save_commitment(request: HttpRequest, access: Any, form: CommitmentForm) -> bool:
    if not form.cleaned_data["keep"]:
        form.add_error("keep", f"{form.keep_question()} If yes, tick the box; if not, make it smaller until you can.")
        return False
    d = form.cleaned_data
    try:
        saved = service.add_commitment(
            access,
            text=d["text"],
            schedule=form.schedule(),
            start=d.get("start"),
            end=d.get("end"),
            source=d.get("source") or "",
        )
    except InvalidInput as exc:
        form_error(form, exc)
        return False
    flash_safety(request, saved)
    return True


@couple_space
@login_required
@require_POST
def commitment_check(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if not coach_allowed(request, request.POST.get("text", "")):
        return paused(request, "trust/partials/commitment_report.html", {"report": paused_report()})
    report = _coach(request.POST.get("text", ""), access.user_id)
    return render(request, "trust/partials/commitment_report.html", {"report": report})


@couple_space
@login_required
def commitment_edit(request: AuthedRequest, repair_id: int, commitment_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    try:
        c = get_own(access, Commitment, commitment_id, "commitment")
    except NotFound as exc:
        raise not_found(exc) from exc
    latest = c.versions.order_by("-effective_from").first()
    initial = {
        "text": c.text,
        "end": c.end,
        "kind": latest.kind,
        "weekdays": latest.weekdays.split(",") if latest.weekdays else [],
        "on": latest.on,
        "event": latest.event,
    }
    form = EditCommitmentForm(request.POST or None, initial=initial)
    report = None
    if request.method == "POST" and form.is_valid():
        report = _coach(form.cleaned_data["text"], access.user_id)
        if request.POST.get("action") == "save" and _edit(request, access, c, form):
            messages.success(request, "Changed. Earlier days keep the commitment as it was.")
            return redirect("trust_commitments", repair_id=access.repair.pk)
    return render(
        request,
        "trust/commitment_edit.html",
        {"access": access, "form": form, "commitment": c, "versions": c.versions.all(), "report": report},
    )


def _edit(request: HttpRequest, access: Any, c: Commitment, form: EditCommitmentForm) -> bool:
    if not form.cleaned_data["keep"]:
        form.add_error("keep", f"{form.keep_question()} If yes, tick the box; if not, make it smaller until you can.")
        return False
    d = form.cleaned_data
    try:
        saved = service.edit_commitment(
            access,
            c.pk,
            text=d["text"],
            schedule=form.schedule(),
            effective_from=d.get("effective_from"),
            end=d.get("end"),
        )
    except InvalidInput as exc:
        form_error(form, exc)
        return False
    flash_safety(request, saved)
    return True


# ---------------------------------------------------------------- check-ins and confirmations


@couple_space
@login_required
def check_ins(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    form = CheckInForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            result = service.record_check_in(access, d["commitment"], on=d["on"], status=d["status"], note=d["note"])
        except NotFound as exc:
            raise not_found(exc) from exc
        except InvalidInput as exc:
            form_error(form, exc)
        else:
            flash_safety(request, result)
            if not result.note_findings:
                messages.success(
                    request,
                    "Check-in recorded." if result.created or result.changed else "Already recorded; nothing changed.",
                )
                return redirect("trust_checkins", repair_id=access.repair.pk)
    led = queries.load_ledger(access)
    due, total = queries.due_for(led, access.user_id)
    context = {
        "access": access,
        "form": form,
        "due": due,
        "due_total": total,
        "today": led.today,
        "result": result,
        "events": queries.event_commitments(led, access.user_id),
        "recent": queries.recent_check_ins(access),
        "posted_key": _posted_key(request),
    }
    return render(request, "trust/check_ins.html", context)


def _posted_key(request: HttpRequest) -> str:
    return f"{request.POST.get('commitment', '')}:{request.POST.get('on', '')}" if request.method == "POST" else ""


@couple_space
@login_required
def confirm(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    form = RespondForm(request.POST or None)
    if request.method == "POST" and not form.is_valid():
        return _confirm_page(request, access, _kept(request, "view", "check_in", "note", form))
    if request.method == "POST":
        respond = service.confirm_check_in if form.cleaned_data["verdict"] == "confirmed" else service.dispute_check_in
        try:
            conf = respond(access, request.POST.get("check_in", ""), form.cleaned_data["note"])
        except NotFound as exc:
            raise not_found(exc) from exc
        except InvalidInput as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Thank you. Your view is shown beside the check-in.")
            flash_safety(request, conf)
        return redirect("trust_confirm", repair_id=access.repair.pk)
    return _confirm_page(request, access, None)


def _kept(request: HttpRequest, kind: str, id_field: str, text_field: str, form: Any) -> dict[str, Any]:
    """What was typed into a refused form on the confirm page, put back into the box it came from."""
    raw = str(request.POST.get(id_field, "") if id_field else "")
    errors = [str(e) for errs in form.errors.values() for e in errs]
    return {
        "kind": kind,
        "id": int(raw) if raw.isdigit() else None,
        "text": request.POST.get(text_field, ""),
        "error": " ".join(errors),
    }


def _confirm_page(request: HttpRequest, access: Any, kept: dict[str, Any] | None) -> HttpResponse:
    waiting, total = queries.awaiting_confirmation(access)
    context = {
        "access": access,
        "waiting": waiting,
        "waiting_total": total,
        "disputes": queries.disputed(access),
        "message_form": MessageForm(),
        "names": dashboard.names(access),
        "kept": kept,
    }
    return render(request, "trust/confirm.html", context)


@couple_space
@login_required
@require_POST
def dispute_message(request: AuthedRequest, repair_id: int, check_in_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    form = MessageForm(request.POST)
    if not form.is_valid():
        kept = _kept(request, "message", "", "text", form)
        return _confirm_page(request, access, {**kept, "id": check_in_id})
    try:
        flash_safety(request, service.add_dispute_message(access, check_in_id, form.cleaned_data["text"]))
    except NotFound as exc:
        raise not_found(exc) from exc
    except InvalidInput as exc:
        messages.error(request, str(exc))
    return redirect("trust_confirm", repair_id=access.repair.pk)


# ---------------------------------------------------------------- transparency notes


@couple_space
@login_required
def notes(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            note = service.add_transparency_note(access, form.cleaned_data["text"], shared=form.cleaned_data["shared"])
            flash_safety(request, note)
        except InvalidInput as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Note saved.")
            return redirect("trust_notes", repair_id=access.repair.pk)
    rows = visible(access, TransparencyNote)[:100]
    waiting.mark_notes_seen(access)
    return render(
        request, "trust/notes.html", {"access": access, "form": form, "notes": rows, "names": dashboard.names(access)}
    )


# ---------------------------------------------------------------- questionnaires


@own_space
@login_required
def questionnaires(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    mine = own(access, QuestionnaireResponse)[:30]

    offered = [load_instrument(i) for i in questionnaire_service.instruments_for(access.role)]
    return render(
        request,
        "trust/questionnaires.html",
        {"access": access, "mine": mine, "offered": offered, "due": queries.questionnaires_due(access)},
    )


@own_space
@login_required
def questionnaire(request: AuthedRequest, repair_id: int, instrument: str) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if instrument not in questionnaire_service.instruments_for(access.role):
        raise Http404("no such questionnaire")

    inst = load_instrument(instrument)
    form = questionnaire_form(inst, request.POST or None)
    if request.method == "POST" and form.is_valid():
        answers = {k.removeprefix("item_"): v for k, v in form.cleaned_data.items() if k.startswith("item_")}
        try:
            r = questionnaire_service.submit_questionnaire(
                access, instrument, answers, shared=form.cleaned_data["shared"]
            )
        except InvalidInput as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Saved. {inst.name}: {score_in_words(instrument, r.headline, r.total)}.")
            return redirect("trust_questionnaires", repair_id=access.repair.pk)
    return render(request, "trust/questionnaire.html", {"access": access, "inst": inst, "form": form})


@couple_space
@login_required
@require_POST
def share_response(request: AuthedRequest, repair_id: int, response_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    try:
        questionnaire_service.set_response_shared(access, response_id, request.POST.get("shared") == "1")
    except NotFound as exc:
        raise not_found(exc) from exc
    return redirect("trust_questionnaires", repair_id=access.repair.pk)


@couple_space
@login_required
@require_POST
def note_share(request: AuthedRequest, repair_id: int, note_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    shared = request.POST.get("shared") == "1"
    try:
        service.set_note_shared(access, note_id, shared)
    except NotFound as exc:
        raise not_found(exc) from exc
    messages.success(
        request, "Shared with your partner." if shared else "Private again: your partner no longer sees it."
    )
    return redirect("trust_notes", repair_id=access.repair.pk)


@own_space
@login_required
@require_POST
def note_delete(request: AuthedRequest, repair_id: int, note_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    try:
        service.delete_transparency_note(access, note_id)
    except NotFound as exc:
        raise not_found(exc) from exc
    messages.success(request, "Note deleted.")
    return redirect("trust_notes", repair_id=access.repair.pk)
