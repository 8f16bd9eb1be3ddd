"""The request a signed-in view receives, typed so that ``request.user`` is an account, not "maybe anonymous".

Django hands every view an ``HttpRequest`` whose ``user`` may be ``AnonymousUser``. Behind
``login_required`` or ``amends.web.api.decorators.api_view`` it never is, so those views annotate
``request`` as ``AuthedRequest`` and use ``request.user`` without casts. The class only names what
those decorators guarantee; Django still builds a plain ``HttpRequest``, nothing instantiates this.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class AuthedRequest(HttpRequest):
    """Only for views behind ``login_required`` or ``api_view`` (a personal token or a signed-in
    session): both turn anyone else away before the view runs, so ``user`` is a signed-in ``User``."""

    user: User
    htmx: HtmxDetails  # set on every request by django_htmx's middleware (settings.MIDDLEWARE)
