from django.db import models


class IdempotentRequest(models.Model):
    """The first answer to a POST sent with an `Idempotency-Key`, kept for replays.

    It is written in the same transaction as whatever the request saved, so either both
    are committed or neither is: a worker killed mid-request leaves nothing to duplicate."""

    key = models.CharField(max_length=255)
    path = models.CharField(max_length=500)
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(default=0)
    content_type = models.CharField(max_length=200, default="")
    location = models.CharField(max_length=500, default="")
    body = models.BinaryField(default=b"")
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "path"], name="idempotency_key_per_path")
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.path} → {self.status}"
