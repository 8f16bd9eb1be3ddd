from typing import Any

from django.apps import AppConfig
from django.contrib.auth.signals import user_login_failed


class SecurityConfig(AppConfig):
    """API tokens, the app lock, request counters, the login throttle and the trusted-proxy helpers."""

    name = "amends.web.security"
    label = "security"

    def ready(self) -> None:
        user_login_failed.connect(_count_login_failure, dispatch_uid="amends-login-failure")


def _count_login_failure(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    # Imported here: the middleware module imports models, which cannot load before the app registry.
    from amends.services.tokens import check_rate_limit
    from amends.web.security.middleware import client_key, login_name_key

    # The typed name, as the middleware reads it; Django hands the receiver its already normalised form.
    typed = request.POST.get("username") if request is not None and request.method == "POST" else None
    check_rate_limit(login_name_key(str(typed if typed is not None else credentials.get("username", ""))), "login")
    if request is not None:
        check_rate_limit(client_key(request), "login")
