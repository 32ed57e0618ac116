"""Saved results: each keeps its input and the result computed when it was made."""

import uuid

from django.db import models
from django.urls import reverse


class Assessment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    answers = models.JSONField()
    result = models.JSONField()
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        rec = self.result.get("recommendation", {})
        return f"{rec.get('style', '?')} ({self.created:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("assessment", args=[self.id])


class Review(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    architecture = models.JSONField()
    result = models.JSONField()
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Review of {len(self.architecture.get('components', []))} components"

    def get_absolute_url(self) -> str:
        return reverse("review", args=[self.id])


class Decomposition(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    monolith = models.JSONField()
    options = models.JSONField(default=dict)
    # sha256 of the monolith and the options, so a re-run with the same ones is found fast.
    digest = models.CharField(max_length=64, db_index=True, default="")
    result = models.JSONField()
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Decomposition of {len(self.monolith.get('modules', []))} modules"

    def get_absolute_url(self) -> str:
        return reverse("decomposition", args=[self.id])
