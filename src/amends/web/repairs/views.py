"""Repair and journey pages. Each view: access-checked fetch, validate, service call, redirect or render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from amends.journey import load_feelings, load_track
from amends.safety.messages import PAUSED_NOTICE
from amends.services import repairs as service
from amends.services.access import own
from amends.services.errors import InvalidInput
from amends.services.safety import playbook_for
from amends.services.trust import ask_question, partner_of
from amends.services.waiting import waiting_for, waiting_in
from amends.web.access import couple_space, own_space, repair_or_404
from amends.web.coach_views import apology_result, saved_apology_report
from amends.web.repairs.forms import RepairForm
from amends.web.repairs.models import ApologyDraft, JourneyAnswerRevision, StepCompletion
from amends.web.requests import AuthedRequest
from amends.web.safety_notice import flash_safety
from amends.web.safety_web.models import PlaybookCheck
from amends.web.security.coach_limit import coach_allowed, paused, paused_report

# Where the end of each journey leads: making commitments, or seeing how they are kept.
FINISHED_GOES_TO = {"offender": "trust_commitments", "hurt": "trust_dashboard"}
# Steps where the hurt partner can send a question straight away (the Questions page's own service).
ASK_STEPS = frozenset({"my-questions"})


@own_space
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "pages/landing.html")
    rows = []
    for row in waiting_for(request.user):
        progress = service.progress_for(row.access)
        resume = load_track(row.access.role).step(progress.resume_slug)
        # The card's own "Where you left off" already names the next step.
        waiting = [item for item in row.items if item.kind != "step"]
        rows.append({"access": row.access, "progress": progress, "resume": resume, "waiting": waiting})
    return render(request, "repairs/home.html", {"rows": rows})


@own_space
@login_required
def repair_new(request: AuthedRequest) -> HttpResponse:
    form = RepairForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            repair = service.start_repair(request.user, **form.cleaned_data)
        except InvalidInput as exc:
            form.add_error(exc.field, str(exc))
        else:
            flash_safety(request, repair)
            return redirect("repair", repair_id=repair.pk)
    return render(request, "repairs/new.html", {"form": form})


@own_space
@login_required
def repair_detail(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    progress = service.progress_for(access)
    track = load_track(access.role)
    context = {
        "access": access,
        "track": track,
        "progress": progress,
        "resume": track.step(progress.resume_slug),
        "waiting": waiting_in(access),
    }
    context.update(_playbook_context(access))
    return render(request, "repairs/detail.html", context)


def _playbook_context(access: Any) -> dict[str, Any]:
    book = playbook_for(access)
    return {
        "playbook": book,
        "playbook_mine": book.for_role(access.role),
        "playbook_done": own(access, PlaybookCheck).count(),
        "paused": access.paused,
        "paused_notice": PAUSED_NOTICE,
    }


def _step_or_404(access: Any, slug: str) -> Any:
    step = load_track(access.role).step(slug)
    if step is None:
        raise Http404("no such step")
    return step


def _with_description(access: Any, step: Any, texts: dict[str, str]) -> dict[str, str]:
    """Step 1 starts from what the new-repair form was told, so nobody writes it twice (until it is saved)."""
    first = load_track(access.role).steps[0]
    prompt = first.prompts[0]
    if step.slug != first.slug or prompt.widget != "text" or prompt.slug in texts or not access.description:
        return texts
    return {**texts, prompt.slug: access.description}


def submitted_text(request: AuthedRequest, prompt: Any) -> str:
    if prompt.widget in {"feelings", "attachment", "apology-needs"}:
        return "\n".join(v for v in request.POST.getlist(f"answer-{prompt.slug}") if v.strip())
    return request.POST.get(f"answer-{prompt.slug}", "")


@own_space
@login_required
def step_view(request: AuthedRequest, repair_id: int, slug: str) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    step = _step_or_404(access, slug)
    errors: dict[str, str] = {}
    texts = {
        p.slug: a.text
        for (_, p_slug), a in service.answers_for(access, slug).items()
        for p in [step.prompt(p_slug)]
        if p
    }
    texts = _with_description(access, step, texts)
    if request.method == "POST":
        texts = {p.slug: submitted_text(request, p) for p in step.prompts}
        action = request.POST.get("action", "save")
        errors, safety = _save_step(access, step, texts, action)
        apology_report = None
        if action == "check":
            draft, mistake = texts.get("draft", ""), access.description
            allowed = coach_allowed(request, draft)
            apology_report = _apology_report(draft, mistake, access.user_id) if allowed else paused_report()
        elif not errors and safety is None:
            return _after_save(request, access, step, action)
        context = _step_context(access, step, texts, errors, apology_report)
        context["safety"] = safety
        return render(request, "journey/step.html", context)
    saved = saved_apology_report(step.prompts, texts, access.description, access.user_id)
    return render(request, "journey/step.html", _step_context(access, step, texts, errors, saved))


def _save_step(access: Any, step: Any, texts: dict[str, str], action: str) -> tuple[dict[str, str], Any]:
    """Save every answer; return the errors, and the first safety result the saves returned."""
    errors: dict[str, str] = {}
    safety = None
    for prompt in step.prompts:
        try:
            saved = service.save_answer(access, step.slug, prompt.slug, texts[prompt.slug])
        except InvalidInput as exc:
            errors[prompt.slug] = str(exc)
        else:
            safety = safety or saved.safety
    if action == "draft" and not errors:
        try:
            service.save_apology_draft(access, texts.get("draft", ""))
        except InvalidInput as exc:
            errors["draft"] = str(exc)
    if action == "done" and not errors:
        if not any(t.strip() for t in texts.values()):
            errors["form"] = "Write something in at least one box before marking this step done."
        else:
            service.set_step_done(access, step.slug, True)
    return errors, safety


def _after_save(request: HttpRequest, access: Any, step: Any, action: str) -> HttpResponse:
    track = load_track(access.role)
    if action == "done":
        nxt = track.after(step)
        messages.success(request, f"Step {step.number} marked done.")
        if nxt is not None:
            return redirect("step", repair_id=access.repair.pk, slug=nxt.slug)
        return _after_last_step(request, access)
    messages.success(request, "Saved." if action != "draft" else "Saved as a new apology version.")
    return redirect("step", repair_id=access.repair.pk, slug=step.slug)


def _after_last_step(request: HttpRequest, access: Any) -> HttpResponse:
    """The journey's end leads on to what keeps a repair going: commitments and check-ins."""
    if access.paused:  # those pages are closed during a pause; the repair page says what is next
        return redirect("repair", repair_id=access.repair.pk)
    messages.info(request, "You have walked every step. What comes next: commitments, and checking in on them.")
    return redirect(FINISHED_GOES_TO[access.role], repair_id=access.repair.pk)


def _step_context(access: Any, step: Any, texts: dict[str, str], errors: dict[str, str], report: Any) -> dict[str, Any]:
    answers = service.answers_for(access, step.slug)
    track = load_track(access.role)
    return {
        "access": access,
        "track": track,
        "step": step,
        "prev_step": track.before(step),
        "next_step": track.after(step),
        "texts": texts,
        "errors": errors,
        "autosave_url": reverse("autosave", args=[access.repair.pk, step.slug]),
        "draft_scope": str(access.repair.pk),
        "share_url": reverse("share_answer", args=[access.repair.pk, step.slug]),
        "revisions": {k[1]: a.revision for k, a in answers.items()},
        "history": {k[1]: list(own(access, JourneyAnswerRevision).filter(answer=a)[:5]) for k, a in answers.items()},
        "feelings": load_feelings(),
        "done": own(access, StepCompletion).filter(step=step.slug).exists(),
        "drafts": list(own(access, ApologyDraft)[:20]),
        "apology_report": report,
        "own_words": own_words(step, texts),
        "can_ask": step.slug in ASK_STEPS and access.role == "hurt" and not access.paused and partner_of(access),
    }


def own_words(step: Any, texts: dict[str, str]) -> dict[str, str]:
    """For the pick-any lists: the lines the person wrote themself, shown in the box under the choices."""
    offered = {q["text"] for q in load_feelings()["attachment_questions"]}
    return {
        p.slug: "\n".join(line for line in texts.get(p.slug, "").splitlines() if line.strip() and line not in offered)
        for p in step.prompts
        if p.widget == "attachment"
    }


@couple_space
@login_required
@require_POST
def step_ask(request: AuthedRequest, repair_id: int, slug: str) -> HttpResponse:
    """Send a question from the "My questions" step, through the same service as the Questions page."""
    access = repair_or_404(request, repair_id)
    step = _step_or_404(access, slug)
    text = request.POST.get("question", "")
    try:
        question = ask_question(access, text)
    except InvalidInput as exc:
        texts = {p: a.text for (_, p), a in service.answers_for(access, slug).items()}
        context = _step_context(access, step, texts, {}, None)
        context.update(ask_text=text, ask_error=str(exc))
        return render(request, "journey/step.html", context, status=400)
    flash_safety(request, question)
    messages.success(request, "Question sent. It waits under Questions until your partner answers it.")
    return redirect(reverse("step", args=[access.repair.pk, step.slug]) + "#ask")


def _apology_report(text: str, mistake: str, user_id: int) -> dict[str, Any] | None:
    return apology_result(text, mistake, user_id)


@own_space
@login_required
@require_POST
def autosave(request: AuthedRequest, repair_id: int, slug: str) -> HttpResponse:
    access = repair_or_404(request, repair_id)

    def save(prompt: Any, text: str) -> tuple[Any, bool, Any]:
        base = request.POST.get(f"rev-{prompt.slug}", "")
        result = service.autosave_answer(access, slug, prompt.slug, text, int(base) if base.isdigit() else None)
        return result.answer, result.conflict, result.safety

    return autosave_box(request, _step_or_404(access, slug), save)


def autosave_box(request: AuthedRequest, step: Any, save: Callable[[Any, str], tuple[Any, bool, Any]]) -> HttpResponse:
    """One box saved while the person types (journey and incident steps alike), answered with the
    save-status fragment app.js reads: 400 for an unknown question, the rate limit's pause, 422 when
    the text is refused. ``save(prompt, text)`` gives the answer, whether another tab saved first,
    and the safety check."""
    prompt = step.prompt(request.GET.get("prompt", ""))
    if prompt is None:
        return render(request, "partials/save_status.html", {"error": "Unknown question."}, status=400)
    text = submitted_text(request, prompt)
    if not coach_allowed(request, text, bucket="autosave"):
        # Not saved: the page keeps the text in this browser and sends it again after Retry-After.
        return paused(request, "partials/save_status.html", {"error": "Saving paused for a moment.", "prompt": prompt})
    try:
        answer, conflict, safety = save(prompt, text)
    except InvalidInput as exc:
        return render(request, "partials/save_status.html", {"error": str(exc), "prompt": prompt}, status=422)
    context = {"prompt": prompt, "answer": answer, "conflict": conflict, "safety": safety}
    return render(request, "partials/save_status.html", context)


@own_space
@login_required
@require_POST
def step_reopen(request: AuthedRequest, repair_id: int, slug: str) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    _step_or_404(access, slug)
    service.set_step_done(access, slug, False)
    messages.info(request, "Step reopened.")
    return redirect("step", repair_id=access.repair.pk, slug=slug)
