from django.apps import AppConfig


class SafetyWebConfig(AppConfig):
    name = "amends.web.safety_web"
    label = "safety_web"
