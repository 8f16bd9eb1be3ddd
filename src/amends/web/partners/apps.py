from typing import Any

from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "amends.web.partners"
    label = "partners"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_login_failed

        user_login_failed.connect(_count_login_failure, dispatch_uid="amends-login-failure")


def _count_login_failure(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    from amends.web.partners.middleware import client_key, login_name_key
    from amends.web.partners.tokens import check_rate_limit

    # The typed name, as the middleware reads it; Django hands the receiver its already normalised form.
    typed = request.POST.get("username") if request is not None and request.method == "POST" else None
    check_rate_limit(login_name_key(str(typed if typed is not None else credentials.get("username", ""))), "login")
    if request is not None:
        check_rate_limit(client_key(request), "login")
