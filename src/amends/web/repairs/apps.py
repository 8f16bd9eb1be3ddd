from django.apps import AppConfig


class RepairsConfig(AppConfig):
    name = "amends.web.repairs"
    label = "repairs"
