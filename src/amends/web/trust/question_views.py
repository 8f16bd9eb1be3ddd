"""Questions and answers: the hurt partner asks, the other answers honestly or says when they will.

The same shape as the other trust pages (``views``): access-checked fetch, one service call,
redirect or render; every form also works as a plain POST.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from amends.coach.reply import analyze_reply
from amends.coach.text import TextRejected
from amends.services import trust as service
from amends.services import trust_dashboard as dashboard
from amends.services import trust_queries as queries
from amends.services import waiting
from amends.services.access import get_visible, visible
from amends.services.errors import InvalidInput, NotFound
from amends.web.access import couple_space, repair_or_404
from amends.web.coach_views import safety_for
from amends.web.highlight import highlight_html
from amends.web.requests import AuthedRequest
from amends.web.safety_notice import flash_safety
from amends.web.security.coach_limit import coach_allowed, paused_report
from amends.web.trust.forms import AnswerForm, QuestionForm
from amends.web.trust.models import Answer, Question
from amends.web.trust.views import form_error, not_found


@couple_space
@login_required
def questions(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            flash_safety(request, service.ask_question(access, form.cleaned_data["text"]))
        except InvalidInput as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Question sent. It shows as waiting until it is answered.")
            return redirect("trust_questions", repair_id=access.repair.pk)
    rows = queries.visible_questions(access)
    return render(
        request,
        "trust/questions.html",
        {"access": access, "form": form, "questions": rows, "names": dashboard.names(access)},
    )


@couple_space
@login_required
def question(request: AuthedRequest, repair_id: int, question_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    try:
        q = get_visible(access, Question, question_id, "question")
    except NotFound as exc:
        raise not_found(exc) from exc
    waiting.mark_answers_seen(access, q)
    form = AnswerForm(request.POST or None)
    feedback = None
    if request.method == "POST" and form.is_valid():
        d, action = form.cleaned_data, request.POST.get("action", "send")
        if action == "check":
            feedback = (
                _reply_feedback(q.text, d["text"], access.user_id)
                if coach_allowed(request, d["text"])
                else paused_report()
            )
        else:
            try:
                answered = service.answer_question(
                    access, q.pk, d["text"], thinking_until=d["answer_by"] if action == "think" else None
                )
                flash_safety(request, answered)
            except InvalidInput as exc:
                form_error(form, exc)
            else:
                messages.success(
                    request, "Answer sent." if action != "think" else "Your partner will see when you plan to answer."
                )
                return redirect("trust_question", repair_id=access.repair.pk, question_id=q.pk)
    return render(request, "trust/question.html", _question_context(access, q, form, feedback))


def _question_context(access: Any, q: Question, form: Any, feedback: Any = None, **extra: Any) -> dict[str, Any]:
    return {
        "access": access,
        "q": q,
        "form": form,
        "feedback": feedback,
        "answers": visible(access, Answer).filter(question=q),
        "names": dashboard.names(access),
        **extra,
    }


def _reply_feedback(partner_message: str, reply: str, user_id: int | None = None) -> dict[str, Any] | None:
    """The reply coach's read on defensiveness, if that coach is installed."""
    if not reply.strip():
        return {"error": "Write your answer first, then check it."}
    try:
        report = analyze_reply(partner_message, reply).to_dict()
    except TextRejected as exc:
        return {"error": str(exc)}
    report["highlighted"] = highlight_html(reply, report["findings"])
    report["safety"] = safety_for(reply, user_id)
    return report


@couple_space
@login_required
@require_POST
def mark_answer(request: AuthedRequest, repair_id: int, answer_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    follow_up = request.POST.get("follow_up", "")
    try:
        a = service.mark_answer(access, answer_id, request.POST.get("helped", ""), follow_up)
    except NotFound as exc:
        raise not_found(exc) from exc
    except InvalidInput as exc:
        try:
            a = get_visible(access, Answer, answer_id, "answer")
        except NotFound:  # another repair's answer: as unknown as any outsider's request
            raise Http404("no such answer") from exc
        if follow_up.strip():  # shown again with what was typed, never dropped
            extra = {"follow_up": {a.pk: follow_up}, "follow_up_error": {a.pk: str(exc)}}
            return render(
                request, "trust/question.html", _question_context(access, a.question, AnswerForm(), **extra), status=400
            )
        messages.error(request, str(exc))
    else:
        flash_safety(request, a)
        if follow_up.strip() and a.helped == "more":
            messages.success(request, "Your new question is waiting for an answer.")
    return redirect("trust_question", repair_id=access.repair.pk, question_id=a.question_id)
