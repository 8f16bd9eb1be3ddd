from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "amends.web.reminders"
    label = "reminders"
