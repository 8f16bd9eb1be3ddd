from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "amends.web.incidents"
    label = "incidents"
