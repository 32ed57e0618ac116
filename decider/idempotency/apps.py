from django.apps import AppConfig


class IdempotencyConfig(AppConfig):
    name = "decider.idempotency"
    label = "idempotency"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Idempotent requests"
