"""Partner, sharing and privacy pages. Each view: access-checked fetch, validate, service call, redirect or render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from amends.journey import load_track
from amends.services import partners as service
from amends.services import privacy, tokens, waiting
from amends.services.access import (
    RepairAccess,
    partner_membership,
    partner_shared_answers,
    partner_shared_drafts,
    pause,
    paused_by_me,
    personal,
    resume,
    shared_by_me,
    visible,
)
from amends.services.errors import InvalidInput, NotFound
from amends.services.repairs import save_answer
from amends.services.tokens import check_rate_limit
from amends.services.trust_queries import recent_check_ins
from amends.web.access import couple_space, own_space, repair_or_404
from amends.web.partners import pending
from amends.web.partners.forms import AppLockForm, DeleteAccountForm, JoinForm, TokenForm, UnlockForm
from amends.web.repairs.models import ApologyDraft, JourneyAnswer
from amends.web.requests import AuthedRequest
from amends.web.safety_web.models import SafetySignal
from amends.web.security.middleware import LOCKED, SEEN, client_key, safe_next
from amends.web.trust.models import Commitment, Question


def _partner_context(access: RepairAccess, **extra: Any) -> dict[str, Any]:
    return {
        "access": access,
        "partner": partner_membership(access),
        "pending": service.pending_invitations(access),
        **extra,
    }


@couple_space
@login_required
def partner_page(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    return render(request, "partners/partner.html", _partner_context(access))


@couple_space
@login_required
@require_POST
def partner_invite(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    try:
        new = service.create_invitation(access)
    except service.InvitationError as exc:
        messages.error(request, str(exc))
        return redirect("partner", repair_id=access.repair.pk)
    link = request.build_absolute_uri(f"/join/?code={new.code}")
    # Rendered, not redirected: the code is shown this once and is never stored in clear.
    return render(request, "partners/partner.html", _partner_context(access, new=new, link=link))


@own_space
@login_required
@require_POST
def invitation_revoke(request: AuthedRequest, repair_id: int, invitation_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    try:
        service.revoke_invitation(access, invitation_id)
    except NotFound as exc:
        raise Http404("no such invitation") from exc
    messages.success(request, "Invitation withdrawn. Its code no longer works.")
    return redirect("partner", repair_id=access.repair.pk)


@own_space
@login_required
def partner_leave(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if request.method == "POST":
        try:
            service.leave_repair(access)
        except InvalidInput as exc:
            messages.error(request, str(exc))
            return redirect("partner", repair_id=access.repair.pk)
        messages.success(request, "You have left the repair. What you wrote is still yours, in your data export.")
        return redirect("home")
    return render(request, "partners/leave.html", {"access": access})


@own_space
def join(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _join_signed_out(request)
    code = request.GET.get("code", "")[:32] or pending.remembered(request)
    form = JoinForm(request.POST or None, initial={"code": code})
    status = 200
    if request.method == "POST" and form.is_valid():
        # Per account and per address: new accounts must not buy fresh guesses at invitation codes.
        per_user = check_rate_limit(f"user:{request.user.pk}", "join")
        if not (check_rate_limit(client_key(request), "join") and per_user):
            form.add_error("code", "Too many tries in a short time. Wait a minute, then try again.")
            return render(request, "partners/join.html", {"form": form}, status=429)
        try:
            repair = service.accept_invitation(request.user, form.cleaned_data["code"])
        except service.InvitationError as exc:
            form.add_error("code", str(exc))
            status = exc.status
        else:
            request.session.pop(pending.SESSION_KEY, None)
            return redirect("welcome", repair_id=repair.pk)
    elif request.method == "POST":
        status = 400
    return render(request, "partners/join.html", {"form": form}, status=status)


def _join_signed_out(request: HttpRequest) -> HttpResponse:
    """An invitation link opened before signing in: keep the code through sign-up or sign-in."""
    if request.method == "POST":
        return redirect(f"{reverse('login')}?next={reverse('join')}")
    raw = request.GET.get("code", "")[:32]
    bad = bool(raw) and not pending.looks_like_code(raw)
    if raw and not bad:
        pending.remember(request, raw)
    context = {"bad_code": bad, "has_code": bool(pending.remembered(request)), "next": reverse("join")}
    return render(request, "partners/join_signed_out.html", context, status=400 if bad else 200)


@own_space
@login_required
def welcome(request: AuthedRequest, repair_id: int) -> HttpResponse:
    """The joining partner's first page: what is shared, what is private, what they can do, at their pace."""
    access = repair_or_404(request, repair_id)
    if access.is_owner:  # the page greets the one who joined; the creator's own first page is the repair
        return redirect("repair", repair_id=access.repair.pk)
    partner = partner_membership(access)
    context = {
        "access": access,
        "partner": partner,
        "their_answers": _labelled(partner_shared_answers(access), partner.role if partner else None),
        "their_apology": list(partner_shared_drafts(access)),
        "first_step": load_track(access.role).steps[0],
    }
    return render(request, "partners/welcome.html", context)


@couple_space
@login_required
def shared_view(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    partner = partner_membership(access)
    waiting.mark_shared_seen(access)
    return render(
        request,
        "partners/shared.html",
        {
            "access": access,
            "partner": partner,
            "their_answers": _labelled(partner_shared_answers(access), partner.role if partner else None),
            "their_apology": list(partner_shared_drafts(access)),
            "my_answers": _labelled(shared_by_me(access, JourneyAnswer), access.role),
            "my_apology": list(shared_by_me(access, ApologyDraft)),
            "together": _together(access) if partner else None,
        },
    )


def _together(access: RepairAccess) -> dict[str, Any]:
    """What both partners see by nature once joined: commitments, recent check-ins, questions."""
    return {
        "commitments": list(visible(access, Commitment).order_by("created_at")[:10]),
        "check_ins": recent_check_ins(access, 5),
        "questions": list(visible(access, Question).order_by("-created_at")[:5]),
    }


def _labelled(answers: Any, role: str | None) -> list[dict[str, Any]]:
    if role is None:
        return []
    track = load_track(role)
    rows = []
    for answer in answers:
        step = track.step(answer.step)
        prompt = step.prompt(answer.prompt) if step else None
        if step and prompt:
            rows.append({"answer": answer, "step": step, "prompt": prompt})
    return sorted(rows, key=lambda r: (r["step"].number, r["prompt"].slug))


def _keep_posted_text(request: HttpRequest, access: RepairAccess, step_slug: str) -> None:
    """The share buttons sit inside the step form: save what was typed, so nothing is lost."""
    step = load_track(access.role).step(step_slug)
    for prompt in step.prompts if step else ():
        key = f"answer-{prompt.slug}"
        if key in request.POST:
            multi = prompt.widget in {"feelings", "attachment", "apology-needs"}
            text = "\n".join(v for v in request.POST.getlist(key) if v.strip()) if multi else request.POST[key]
            try:
                save_answer(access, step.slug, prompt.slug, text)  # type: ignore[union-attr]
            except InvalidInput as exc:
                messages.error(request, str(exc))


def _back(request: HttpRequest, access: RepairAccess, step_slug: str | None, anchor: str = "") -> HttpResponse:
    if request.POST.get("back") == "shared" or step_slug is None:
        return redirect("shared_view", repair_id=access.repair.pk)
    return redirect(f"/repairs/{access.repair.pk}/step/{step_slug}/{anchor}")


@couple_space
@login_required
@require_POST
def share_answer(request: AuthedRequest, repair_id: int, slug: str) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if load_track(access.role).step(slug) is None:
        raise Http404("no such step")
    _keep_posted_text(request, access, slug)
    prompt = request.POST.get("prompt") or request.GET.get("prompt", "")
    shared = request.POST.get("shared") == "1"
    try:
        service.set_answer_shared(access, slug, prompt, shared)
    except NotFound as exc:
        raise Http404("no such answer") from exc
    except InvalidInput as exc:
        messages.error(request, str(exc))
        return _back(request, access, slug, f"#field-{prompt}")
    messages.success(
        request, "Shared with your partner." if shared else "Private again: your partner no longer sees it."
    )
    return _back(request, access, slug, f"#field-{prompt}")


@couple_space
@login_required
@require_POST
def share_draft(request: AuthedRequest, repair_id: int, draft_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    step = next((s for s in load_track(access.role).steps if any(p.widget == "apology" for p in s.prompts)), None)
    try:
        draft = service.set_draft_shared(access, draft_id, request.POST.get("shared") == "1")
    except NotFound as exc:
        raise Http404("no such apology version") from exc
    if step is not None:
        _keep_posted_text(request, access, step.slug)
    messages.success(
        request,
        f"Version {draft.version} "
        + ("delivered to your partner." if draft.shared else "taken back: it is private again."),
    )
    return _back(request, access, step.slug if step else None, "#field-draft")


# The pause: "I need a break from the shared space" ------------------------------------------


@own_space
@login_required
def pause_page(request: AuthedRequest, repair_id: int) -> HttpResponse:
    """Pause or reopen the shared space. Anyone may pause; each lifts only their own pause."""
    access = repair_or_404(request, repair_id)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "pause":
            pause(access)
            messages.info(request, "Paused. Nothing either of you writes reaches the other until you reopen it.")
        elif action == "resume":
            resume(access)
            messages.success(request, "Your pause is lifted.")
        else:
            messages.error(request, "Choose to pause, or to reopen the shared space.")
        return redirect("pause", repair_id=access.repair.pk)
    context = {
        "access": access,
        "paused": access.paused,
        "mine": paused_by_me(access),
        "partner": partner_membership(access),
        # Only ever this person's own signal: the partner's page is the same whatever the cause.
        "own_signal": personal(request.user, SafetySignal).exists(),
    }
    return render(request, "partners/pause.html", context)


# Privacy: export, delete, tokens, app lock ----------------------------------------------------


@own_space
@login_required
def privacy_page(request: AuthedRequest) -> HttpResponse:
    return render(request, "partners/privacy.html", _privacy_context(request))


def _privacy_context(request: AuthedRequest, **extra: Any) -> dict[str, Any]:
    return {
        "tokens": list(tokens.list_api_tokens(request.user)),
        "now": timezone.now(),
        "token_form": extra.pop("token_form", None) or TokenForm(),
        "lock": privacy.app_lock_for(request.user),
        "lock_form": extra.pop("lock_form", None) or AppLockForm(),
        **extra,
    }


@own_space
@login_required
def export_download(request: AuthedRequest) -> HttpResponse:
    response = HttpResponse(privacy.export_zip(request.user), content_type="application/zip")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="amends-data-{stamp}.zip"'
    return response


@own_space
@login_required
def delete_account(request: AuthedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            privacy.delete_account(request.user, form.cleaned_data["confirm"])
        except InvalidInput as exc:
            form.add_error("confirm", str(exc))
        else:
            logout(request)
            messages.success(request, "Your account and everything you wrote have been deleted.")
            return redirect("home")
    status = 400 if request.method == "POST" else 200
    return render(request, "partners/delete.html", {"form": form}, status=status)


@own_space
@login_required
@require_POST
def token_create(request: AuthedRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            data = form.cleaned_data
            _, token = tokens.create_api_token(request.user, data["name"], data["scope"], data["days"])
        except InvalidInput as exc:
            form.add_error(exc.field, str(exc))
        else:
            # Shown once, in this response only.
            return render(request, "partners/privacy.html", _privacy_context(request, new_token=token))
    return render(request, "partners/privacy.html", _privacy_context(request, token_form=form), status=400)


@own_space
@login_required
@require_POST
def token_revoke(request: AuthedRequest, token_id: int) -> HttpResponse:
    try:
        tokens.revoke_api_token(request.user, token_id)
    except NotFound as exc:
        raise Http404("no such token") from exc
    messages.success(request, "Token revoked. Programs using it are signed out.")
    return redirect("privacy")


@own_space
@login_required
@require_POST
def lock_settings(request: AuthedRequest) -> HttpResponse:
    if request.POST.get("action") == "off":
        privacy.clear_app_lock(request.user)
        messages.success(request, "App lock turned off.")
        return redirect("privacy")
    form = AppLockForm(request.POST)
    if form.is_valid():
        try:
            privacy.set_app_lock(request.user, form.cleaned_data["pin"], form.cleaned_data["idle_minutes"])
        except InvalidInput as exc:
            form.add_error(exc.field, str(exc))
        else:
            messages.success(request, "App lock is on. Your PIN will be asked after you have been away.")
            return redirect("privacy")
    return render(request, "partners/privacy.html", _privacy_context(request, lock_form=form), status=400)


@own_space
def unlock(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("login")
    form = UnlockForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if not check_rate_limit(f"user:{request.user.pk}", "unlock"):
            logout(request)  # too many wrong PINs: the password is needed again
            messages.error(request, "Too many wrong PINs. Sign in again with your password.")
            return redirect("login")
        if privacy.check_app_pin(request.user, form.cleaned_data["pin"]):
            request.session.pop(LOCKED, None)
            request.session[SEEN] = timezone.now().timestamp()
            return redirect(safe_next(request, request.POST.get("next", "")))
        form.add_error("pin", "That PIN is not right.")
        status = 400
    return render(request, "partners/unlock.html", {"form": form, "next": request.GET.get("next", "")}, status=status)
