from django.apps import AppConfig


class DeciderConfig(AppConfig):
    name = "decider"
    default_auto_field = "django.db.models.BigAutoField"
