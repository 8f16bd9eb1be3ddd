"""Guided conversation pages. Each view: access-checked fetch, validate, service call, redirect or render.

They work in the caller's own space: anyone may prepare and write privately while the repair is
paused; the services refuse whatever would reach the partner then, and the access rule hides the
partner's words.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from amends.journey import load_feelings
from amends.journey.conversations import ConversationStep, load_conversation, load_conversations, load_shame_page
from amends.safety.messages import PAUSED_NOTICE
from amends.services import conversation_turns as turns
from amends.services import conversations as service
from amends.services import tokens
from amends.services.errors import InvalidInput, NotFound
from amends.web.access import own_space, repair_or_404
from amends.web.conversations.models import Conversation
from amends.web.requests import AuthedRequest
from amends.web.safety_notice import flash_safety


def _run_or_404(access: Any, conversation_id: int) -> Conversation:
    try:
        return service.get_run(access, conversation_id)
    except NotFound as exc:
        raise Http404("no such conversation") from exc


def _tool_step_or_404(run: Conversation, tool: str) -> ConversationStep:
    """The step of this conversation that holds ``tool`` (the agreement, the timer)."""
    step = next((s for s in service.script_of(run).steps if s.tool == tool), None)
    if step is None:
        raise Http404(f"this conversation has no {tool}")
    return step


def _step_or_404(run: Conversation, slug: str) -> ConversationStep:
    try:
        return service.step_of(run, slug)
    except NotFound as exc:
        raise Http404("no such step") from exc


def _to_step(run: Conversation, step: ConversationStep) -> HttpResponse:
    return redirect("conversation_step", repair_id=run.repair_id, conversation_id=run.pk, step=step.slug)


@own_space
@login_required
def conversation_list(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    rows = [
        {
            "run": run,
            "script": service.script_of(run),
            "mine": run.started_by_id == access.user_id,
            "shown": service.shown_to_me(access, run) if run.together else [],
        }
        for run in service.runs(access)
        if load_conversation(run.kind) is not None
    ]
    context = {
        "access": access,
        "scripts": service.scripts_for(access),
        "rows": rows,
        "partner_here": service.partner_here(access),
        "paused": access.paused,
        "paused_notice": PAUSED_NOTICE,
    }
    return render(request, "conversations/list.html", context)


@own_space
@login_required
@require_POST
def conversation_start(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    try:
        run = service.start_conversation(access, request.POST.get("kind", ""))
    except InvalidInput as exc:
        messages.error(request, str(exc))
        return redirect("conversations", repair_id=access.repair.pk)
    return _to_step(run, service.script_of(run).steps[0])


@own_space
@login_required
def conversation_resume(request: AuthedRequest, repair_id: int, conversation_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    run = _run_or_404(access, conversation_id)
    return _to_step(run, service.resume_step(access, run))


def _texts(request: HttpRequest, step: ConversationStep, role: str) -> dict[str, str]:
    texts = {}
    for prompt in step.prompts_for(role):
        if prompt.widget in {"feelings", "choices"}:
            texts[prompt.slug] = "\n".join(v for v in request.POST.getlist(f"answer-{prompt.slug}") if v.strip())
        else:
            texts[prompt.slug] = request.POST.get(f"answer-{prompt.slug}", "")
    return texts


@own_space
@login_required
def conversation_step(request: AuthedRequest, repair_id: int, conversation_id: int, step: str) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    run = _run_or_404(access, conversation_id)
    current = _step_or_404(run, step)
    texts, shown = _saved(access, run, current)
    error = None
    if request.method == "POST":
        texts = _texts(request, current, access.role)
        shown = {p.slug for p in current.prompts_for(access.role) if request.POST.get(f"show-{p.slug}") == "on"}
        try:
            saved = service.save_step(access, run, current.slug, texts, shown)
        except InvalidInput as exc:
            error = str(exc)
        else:
            flash_safety(request, saved)
            return _after_save(request, access, run, current)
    context = _step_context(access, run, current, texts, shown, error)
    return render(request, "conversations/step.html", context)


def _saved(access: Any, run: Conversation, step: ConversationStep) -> tuple[dict[str, str], set[str]]:
    """This member's saved boxes of one step, and which of them they show."""
    entries = [e for (slug, _), e in service.my_entries(access, run).items() if slug == step.slug]
    return {e.prompt: e.text for e in entries}, {e.prompt for e in entries if e.shared}


def _after_save(request: HttpRequest, access: Any, run: Conversation, step: ConversationStep) -> HttpResponse:
    action = request.POST.get("action", "save")
    following = service.script_of(run).after(step)
    if action == "next" and following is not None:
        return _to_step(run, following)
    if action == "finish" and not run.together:
        service.finish(access, run)
        messages.success(request, "Saved. You can come back to this conversation whenever you need it.")
        return redirect("conversations", repair_id=run.repair_id)
    messages.success(request, "Saved. You can leave and pick this up later.")
    return _to_step(run, step)


def _step_context(
    access: Any, run: Conversation, step: ConversationStep, texts: dict[str, str], shown: set[str], error: str | None
) -> dict[str, Any]:
    script = service.script_of(run)
    context: dict[str, Any] = {
        "access": access,
        "run": run,
        "script": script,
        "step": step,
        "prompts": step.prompts_for(access.role),
        "texts": texts,
        "shown": shown,
        "error": error,
        "prev_step": script.before(step),
        "next_step": script.after(step),
        "partner_here": service.partner_here(access),
        # The turns show their own words in order; elsewhere, whatever the partner chose to show.
        "partner_entries": _labelled(service.partner_entries(access, run, step.slug), step)
        if run.together and step.prompts
        else [],
        "paused": access.paused,
        "paused_notice": PAUSED_NOTICE,
        "feelings": load_feelings(),
        "links": [_link(name, access) for name in step.links if _link(name, access)],
    }
    if step.tool == "turns":
        context["turns"] = turns.turn_view(access, run)
    elif step.tool == "agreement":
        context["agreement"] = turns.agreement_view(access, run)
    elif step.tool == "timer":
        context["timer"] = service.timer_for(access, run.timer_started_at)
    elif step.tool == "open-questions":
        context["questions"] = service.questions_to_answer(access)
    return context


def _labelled(entries: list[Any], step: ConversationStep) -> list[dict[str, str]]:
    labels = {p.slug: p.label for p in step.prompts}
    return [{"label": labels.get(e.prompt, ""), "text": e.text} for e in entries]


def _link(name: str, access: Any) -> dict[str, str] | None:
    """The places a step may point to (content names them; only here do they become addresses)."""
    pk = access.repair.pk
    if name == "apology_coach":
        if access.role != "offender":
            return None
        return {"href": reverse("step", args=[pk, "apologize"]), "text": "Draft it with the apology coach"}
    if name in ("time_out", "after_a_fight"):
        slug = name.replace("_", "-")
        script = load_conversation(slug)
        title = script.title if script else ""
        return {"href": reverse("conversations", args=[pk]) + f"#start-{slug}", "text": f"Open {title}"}
    targets = {
        "need_help": ("need_help", "Do we need help?"),
        "commitments": ("trust_commitments", "Add it as a commitment"),
        "questions": ("trust_questions", "Open the Questions page"),
    }
    url_name, text = targets[name]
    return {"href": reverse(url_name, args=[pk]), "text": text}


@own_space
@login_required
@require_POST
def conversation_turn(request: AuthedRequest, repair_id: int, conversation_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    run = _run_or_404(access, conversation_id)
    action, text = request.POST.get("action", "save"), request.POST.get("text", "")
    try:
        safety = turns.take_turn(access, run, action, text, request.POST.get("box", turns.REALITY))
    except InvalidInput as exc:
        return _refused(request, access, run, turns.STEP, str(exc), {"typed": text, "typed_box": action})
    done = {"save": "Saved privately.", "send": "Sent to your partner.", "yes": "Confirmed. Now you swap."}
    messages.success(request, done.get(action, "Sent. Your partner will try again."))
    if safety is not None:
        flash_safety(request, _Holder(safety))
    return redirect("conversation_step", repair_id=run.repair_id, conversation_id=run.pk, step=turns.STEP)


def _refused(
    request: HttpRequest, access: Any, run: Conversation, slug: str, error: str, typed: dict[str, str]
) -> HttpResponse:
    """The step page again, with the refusal and with what was typed still in its box."""
    step = _step_or_404(run, slug)
    texts, shown = _saved(access, run, step)
    context = _step_context(access, run, step, texts, shown, error)
    context.update(typed)
    return render(request, "conversations/step.html", context, status=422)


class _Holder:
    """Carries a safety result to ``flash_safety`` the way a saved object does."""

    def __init__(self, safety: Any) -> None:
        self.safety = safety


@own_space
@login_required
@require_POST
def conversation_agreement(request: AuthedRequest, repair_id: int, conversation_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    run = _run_or_404(access, conversation_id)
    step = _tool_step_or_404(run, "agreement")
    text = request.POST.get("text", "")
    try:
        if request.POST.get("action") == "agree":
            turns.accept_agreement(access, run, request.POST.get("note", ""))
            messages.success(request, "You both agreed. You can find it here whenever you need it.")
        else:
            note = turns.propose_agreement(access, run, text)
            flash_safety(request, note)
            messages.success(request, "Sent. Your partner can agree to it or suggest other words.")
    except InvalidInput as exc:
        return _refused(request, access, run, step.slug, str(exc), {"typed_agreement": text})
    return _to_step(run, step)


@own_space
@login_required
@require_POST
def conversation_timer(request: AuthedRequest, repair_id: int, conversation_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    run = _run_or_404(access, conversation_id)
    step = _tool_step_or_404(run, "timer")
    try:
        timer = service.start_timer(access, run)
    except NotFound as exc:
        raise Http404("no such conversation") from exc
    messages.success(request, f"Your twenty minutes have started. Come back at {timer.come_back}.")
    return _to_step(run, step)


@own_space
@login_required
def shame_page(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if access.role != "offender":
        raise Http404("this page is for the partner who apologizes")
    return render(request, "conversations/shame.html", {"access": access, "page": load_shame_page()})


# Public: the Guide's own copy of every conversation, to read before there is any repair -----------


@own_space
def guide_conversations(request: HttpRequest) -> HttpResponse:
    return render(request, "conversations/guide_list.html", {"scripts": load_conversations()})


@own_space
def guide_conversation(request: HttpRequest, talk: str) -> HttpResponse:
    script = load_conversation(talk)
    if script is None:
        raise Http404("no such conversation")
    # The time-out's timer works here without an account: it starts when asked and is kept nowhere.
    timer = service.timer_from(tokens.clock()) if request.GET.get("timer") == "start" else None
    return render(request, "conversations/guide_detail.html", {"script": script, "timer": timer})
