"""Recovery codes in the browser: shown once at sign-up, used on the "Forgot password?" page, renewed in settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from amends.services.errors import InvalidInput
from amends.services.recovery import regenerate_recovery_codes, reset_password_with_code
from amends.services.tokens import check_rate_limit
from amends.web.access import own_space
from amends.web.recovery.forms import RecoverForm, RegenerateForm
from amends.web.requests import AuthedRequest
from amends.web.security.middleware import client_key, login_name_key


def show_codes(request: HttpRequest, codes: list[str], *, first: bool, then: str = "") -> HttpResponse:
    """The one page that ever shows the codes. Rendered in answer to the POST, never stored for later.

    ``then`` is where "continue" leads (a local path), e.g. the welcome page of a repair just joined.
    """
    context = {"codes": codes, "first": first, "then": then}
    return render(request, "registration/recovery_codes.html", context)


@own_space
def recover(request: HttpRequest) -> HttpResponse:
    form = RecoverForm(request.POST or None)
    if request.method == "POST" and not _allowed(request):
        form = RecoverForm(initial={"username": request.POST.get("username", "")})
        return render(request, "registration/recover.html", {"form": form, "throttled": True}, status=429)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            reset_password_with_code(d["username"], d["code"], d["new_password1"])
        except InvalidInput as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(request, "Your password is changed, and that code is used up. Sign in with the new one.")
            return redirect("login")
    return render(request, "registration/recover.html", {"form": form})


def _allowed(request: HttpRequest) -> bool:
    # Every try counts, by address and by name: guessing codes for one account is slow from anywhere.
    by_address = check_rate_limit(client_key(request), "recover")
    by_name = check_rate_limit("recover:" + login_name_key(request.POST.get("username", "")), "recover")
    return by_address and by_name


@own_space
@login_required
@require_POST
def regenerate(request: AuthedRequest) -> HttpResponse:
    form = RegenerateForm(request.POST)
    if form.is_valid():
        try:
            codes = regenerate_recovery_codes(request.user, form.cleaned_data["password"])
        except InvalidInput as exc:
            messages.error(request, str(exc))
        else:
            return show_codes(request, codes, first=False)
    else:
        messages.error(request, "Type your current password to make new codes.")
    return redirect("settings")
