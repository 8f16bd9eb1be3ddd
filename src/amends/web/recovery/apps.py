from django.apps import AppConfig


class RecoveryConfig(AppConfig):
    """One-time recovery codes: a forgotten password is reset in the browser, without a terminal."""

    name = "amends.web.recovery"
    label = "recovery"
