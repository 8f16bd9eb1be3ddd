from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "amends.web.accounts"
    label = "accounts"
