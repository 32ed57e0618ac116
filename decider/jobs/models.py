from django.db import models


class Rendering(models.Model):
    """A large diagram rendered by a task worker, kept so that any instance finds it.

    `key` is the diagram cache key (a hash of the DOT source and the format)."""

    class Status(models.TextChoices):
        QUEUED = "queued"
        DONE = "done"
        FAILED = "failed"

    key = models.CharField(max_length=80, unique=True)
    fmt = models.CharField(max_length=8)
    source = models.TextField()
    status = models.CharField(max_length=8, choices=Status, default=Status.QUEUED)
    task_id = models.CharField(max_length=64, default="")
    content = models.BinaryField(default=b"")
    error = models.CharField(max_length=300, default="")
    updated = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.fmt} {self.key[:16]} {self.status}"
