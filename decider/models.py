"""Saved results: each keeps its input and the result computed when it was made."""

import uuid

from django.db import models
from django.urls import reverse


class Saved(models.Model):
    """A saved result with a permalink: the page named `page` shows it."""

    page: str

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    result = models.JSONField()
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        abstract = True
        ordering = ["-created"]

    def get_absolute_url(self) -> str:
        return reverse(self.page, args=[self.id])


class Assessment(Saved):
    page = "assessment"
    answers = models.JSONField()

    class Meta(Saved.Meta):
        pass

    def __str__(self) -> str:
        rec = self.result.get("recommendation", {})
        return f"{rec.get('style', '?')} ({self.created:%Y-%m-%d %H:%M})"


class Review(Saved):
    page = "review"
    architecture = models.JSONField()

    class Meta(Saved.Meta):
        pass

    def __str__(self) -> str:
        return f"Review of {len(self.architecture.get('components', []))} components"


class Decomposition(Saved):
    page = "decomposition"
    monolith = models.JSONField()
    options = models.JSONField(default=dict)
    # sha256 of the monolith and the options, so a re-run with the same ones is found fast.
    digest = models.CharField(max_length=64, db_index=True, default="")

    class Meta(Saved.Meta):
        pass

    def __str__(self) -> str:
        return f"Decomposition of {len(self.monolith.get('modules', []))} modules"
