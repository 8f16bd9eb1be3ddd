from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "amends.web.partners"
    label = "partners"
