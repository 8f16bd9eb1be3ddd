from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from amends.services.recovery import issue_recovery_codes, recovery_codes_left
from amends.services.safety import neutral_titles, set_neutral_titles
from amends.services.tokens import check_rate_limit
from amends.web.access import own_space
from amends.web.accounts.forms import SettingsForm, SignUpForm
from amends.web.accounts.models import Profile
from amends.web.partners import pending
from amends.web.recovery.forms import RegenerateForm
from amends.web.recovery.views import show_codes
from amends.web.reminders.context import settings_context as reminder_settings
from amends.web.requests import AuthedRequest
from amends.web.security.middleware import client_key, safe_next


def clear_site_data(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signing out asks the browser to drop what this site kept: the service worker's cache, stored
    drafts and the worker itself. app.js does the same first, for browsers that ignore the header."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if request.method == "POST":
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response

    return wrapped


@own_space
def signup(request: HttpRequest) -> HttpResponse:
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and not check_rate_limit(client_key(request), "signup"):
        # Checked before the form is validated, and shown unbound (what was typed comes back as
        # initial values): a throttled try must not even learn whether the name is free.
        typed = {k: v for k, v in request.POST.items() if not k.startswith(("password", "csrf"))}
        context = {"form": SignUpForm(initial=typed), "throttled": True, "next": request.POST.get("next", "")}
        return render(request, "registration/signup.html", context, status=429)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        Profile.objects.update_or_create(user=user, defaults={"region": form.cleaned_data["region"]})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome. Your account lives only on this computer.")
        # Shown in this answer only: the codes are never stored in a form anyone could read back. An
        # invitation opened before signing up is joined now; "continue" then opens its welcome page.
        then = pending.join_remembered(request) or safe_next(request, request.POST.get("next", ""))
        return show_codes(request, issue_recovery_codes(user), first=True, then=then)
    context = {"form": form, "next": request.GET.get("next", ""), "invited": bool(pending.remembered(request))}
    return render(request, "registration/signup.html", context)


class LoginView(auth_views.LoginView):
    """Django's sign-in, which also joins an invitation opened before signing in."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "invited": bool(pending.remembered(self.request))}

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        then = pending.join_remembered(self.request)
        return redirect(then) if then else response


@own_space
@login_required
def settings_view(request: AuthedRequest) -> HttpResponse:
    profile, _ = Profile.objects.get_or_create(user=request.user)
    form = _settings_form(request, profile)
    if request.method == "POST" and form.is_valid():
        profile.region = form.cleaned_data["region"]
        profile.timezone = form.cleaned_data["timezone"]
        profile.save()
        set_neutral_titles(request.user, form.cleaned_data["neutral_titles"])
        messages.success(request, "Settings saved.")
        return redirect("settings")
    return settings_page(request, {"form": form})


def _settings_form(request: AuthedRequest, profile: Profile, *, bound: bool = True) -> SettingsForm:
    initial = {"region": profile.region, "timezone": profile.timezone, "neutral_titles": neutral_titles(request.user)}
    return SettingsForm((request.POST or None) if bound else None, initial=initial)


def settings_page(request: AuthedRequest, extra: dict[str, Any], status: int = 200) -> HttpResponse:
    """The settings page; each section (reminders...) may hand in its own bound form or one-time values."""
    context = extra if "reminder_form" in extra else {**reminder_settings(request.user), **extra}
    context.setdefault("codes_left", recovery_codes_left(request.user))
    context.setdefault("regenerate_form", RegenerateForm())
    if "form" not in context:
        context["form"] = _settings_form(request, Profile.objects.get_or_create(user=request.user)[0], bound=False)
    return render(request, "pages/settings.html", context, status=status)
