from django.apps import AppConfig


class WaitingConfig(AppConfig):
    name = "amends.web.waiting"
    label = "waiting"
