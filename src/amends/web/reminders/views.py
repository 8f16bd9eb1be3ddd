"""Reminder settings, the notice an open tab polls for, and the secret calendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from amends.services import reminders, tokens
from amends.services.errors import InvalidInput
from amends.web.access import own_space
from amends.web.accounts.views import settings_page
from amends.web.reminders.context import settings_context
from amends.web.reminders.forms import ReminderForm
from amends.web.reminders.ics import AllDayEvent, calendar
from amends.web.requests import AuthedRequest
from amends.web.security.middleware import client_key


@own_space
@login_required
@require_POST
def save_settings(request: AuthedRequest) -> HttpResponse:
    form = ReminderForm(request.POST, prefix="reminders")
    if form.is_valid():
        try:
            reminders.save_preferences(request.user, **form.cleaned_data)
        except InvalidInput as exc:
            form.add_error(exc.field, str(exc))
        else:
            messages.success(request, "Reminder settings saved.")
            return redirect(reverse("settings") + "#reminders")
    return settings_page(request, settings_context(request.user, form=form), status=400)


@own_space
@login_required
@require_POST
def calendar_feed_settings(request: AuthedRequest) -> HttpResponse:
    if request.POST.get("action") == "revoke":
        reminders.revoke_feed(request.user)
        messages.success(request, "The calendar address is switched off. Calendars using it get nothing from now on.")
        return redirect(reverse("settings") + "#reminders")
    secret = reminders.new_feed(request.user)
    url = request.build_absolute_uri(reverse("reminders_feed", args=[secret]))
    # Shown once, in this response only: only a hash of the secret is kept.
    return settings_page(request, settings_context(request.user, new_feed_url=url))


@own_space
def poll(request: HttpRequest) -> HttpResponse:
    """The neutral notice for an open tab. A background request: it never counts as the person being active."""
    if not request.user.is_authenticated:
        return _no_store(JsonResponse({"error": "signed_out", "message": "Sign in again."}, status=401))
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return _no_store(JsonResponse(reminders.notice(request.user).as_json()))


@own_space
@require_safe  # GET, and HEAD for calendar apps that check first
def feed(request: HttpRequest, secret: str) -> HttpResponse:
    """The calendar subscription. No sign-in: the secret in the address is the key, so it is rate-limited."""
    if not tokens.check_rate_limit(client_key(request), "calendar"):
        response = _unlogged("Too many requests. Try again in a minute.", 429)
        response["Retry-After"] = "60"
        return response
    user = reminders.feed_owner(secret)
    if user is None:
        return _unlogged("No calendar here. If you switched it off, make a new address in Settings.", 404)
    now = tokens.clock()
    link = request.build_absolute_uri(reverse("home"))
    events = [
        AllDayEvent(reminders.item_uid(user, item), item.on, reminders.NEUTRAL_TEXT, link)
        for item in reminders.feed_items(user, now)
    ]
    body = calendar(events, name="amends", stamp=now)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="amends.ics"'
    response["X-Robots-Tag"] = "noindex"
    return _no_store(response)


def _unlogged(text: str, status: int) -> HttpResponse:
    response = HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
    # Django logs every 4xx with its path, and this path is the secret: keep it out of the server's logs.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return _no_store(response)


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response
