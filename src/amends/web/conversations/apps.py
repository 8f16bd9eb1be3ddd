from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "amends.web.conversations"
    label = "conversations"
