from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "amends.web.trust"
    label = "trust"
