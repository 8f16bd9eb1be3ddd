"""Private safety pages: screens, concerns, the safety plan, get-help-now; and per-repair help and playbooks."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from amends.safety.plan import safety_plan
from amends.safety.resources import for_region
from amends.services import safety as service
from amends.services.access import has_paused, personal
from amends.services.errors import InvalidInput
from amends.web.access import own_space
from amends.web.regions import user_region
from amends.web.requests import AuthedRequest
from amends.web.safety_web.models import SafetyPlan, ScreenResult


@own_space
@login_required
def overview(request: AuthedRequest) -> HttpResponse:
    latest: dict[str, ScreenResult] = {}
    for row in personal(request.user, ScreenResult):
        latest.setdefault(row.instrument, row)
    context = {
        "screens": [(name, service.instrument_or_error(name), latest.get(name)) for name in service.SCREENS],
        "signals": service.signal_kinds(request.user),
        "concerns": service.CONCERNS,
    }
    return render(request, "safety/overview.html", context)


@own_space
@login_required
def screen(request: AuthedRequest, name: str) -> HttpResponse:
    try:
        instrument = service.instrument_or_error(name)
    except InvalidInput as exc:
        raise Http404("no such questionnaire") from exc
    answers = {item.id: request.POST.get(f"item-{item.id}", "") for item in instrument.items}
    error = None
    if request.method == "POST":
        chosen = {k: v for k, v in answers.items() if v != ""}
        row, result = service.submit_screen(request.user, name, chosen)
        if result.complete or result.total is not None or result.positive:
            return redirect("safety_result", result_id=row.pk)
        row.delete()  # an unscored partial screen is not kept
        error = result.reason or "Please answer every question; this questionnaire is only scored when complete."
    return render(request, "safety/screen.html", {"instrument": instrument, "answers": answers, "error": error})


def _own_result(request: AuthedRequest, result_id: int) -> ScreenResult:
    row = personal(request.user, ScreenResult).filter(pk=result_id).first()
    if row is None:
        raise Http404("no such result")
    return row


@own_space
@login_required
def result(request: AuthedRequest, result_id: int) -> HttpResponse:
    row = _own_result(request, result_id)
    route = service.screen_route(request.user, row, user_region(request))
    if route.full_screen:
        return redirect("safety_now")
    context = {"row": row, "result": service.stored_result(row), "route": route, "paused": has_paused(request.user)}
    return render(request, "safety/result.html", context)


@own_space
@login_required
@require_POST
def acute(request: AuthedRequest, result_id: int) -> HttpResponse:
    row = _own_result(request, result_id)
    answer = request.POST.get("acute")
    if answer not in {"yes", "no"}:
        messages.error(request, "Choose yes or no. If you are not sure, choose yes.")
        return redirect("safety_result", result_id=row.pk)
    service.record_acute_answer(row, answer == "yes")
    return redirect(
        "safety_now" if answer == "yes" else "safety_result", **({} if answer == "yes" else {"result_id": row.pk})
    )


@own_space
def help_now(request: HttpRequest) -> HttpResponse:
    """Full screen and nothing else: the lines to call now."""
    region = user_region(request)
    lines = for_region(region, ["emergency", "suicide", "crisis"])
    return render(request, "safety/now.html", {"lines": lines, "region": region})


@own_space
@login_required
def concerns(request: AuthedRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("action") == "clear":
            service.clear_signals(request.user)
            messages.info(request, "Done. Your pause is lifted.")
            return redirect("safety")
        try:
            kinds = service.report_concerns(request.user, request.POST.getlist("concern"))
        except InvalidInput as exc:
            messages.error(request, str(exc))
            return redirect("safety_concerns")
        return render(
            request,
            "safety/concerns_done.html",
            {"kinds": kinds, "region": user_region(request), "lines": _lines_for(kinds, user_region(request))},
        )
    return render(request, "safety/concerns.html", {"concerns": service.CONCERNS})


def _lines_for(kinds: list[str], region: str) -> Any:
    categories = []
    if "abuse_victim" in kinds:
        categories += ["dv_victim", "emergency"]
    if "abuse_perpetration" in kinds:
        categories += ["dv_perpetrator"]
    return for_region(region, categories)


@own_space
@login_required
def plan(request: AuthedRequest) -> HttpResponse:
    template = safety_plan(user_region(request))
    saved = personal(request.user, SafetyPlan).first()
    answers = dict(saved.answers) if saved else {}
    error = None
    if request.method == "POST":
        answers = {step.id: request.POST.get(f"step-{step.id}", "") for step in template.steps}
        try:
            service.save_safety_plan(request.user, answers)
        except InvalidInput as exc:
            error = str(exc)
        else:
            messages.success(request, "Your safety plan is saved on this device.")
            return redirect("safety_plan")
    steps = [(step, answers.get(step.id, "")) for step in template.steps]
    return render(
        request,
        "safety/plan.html",
        {"template": template, "steps": steps, "error": error, "updated": saved.updated_at if saved else None},
    )


def today() -> Any:
    return timezone.localdate()
