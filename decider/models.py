"""Saved results: each keeps its input and the result computed when it was made."""

import uuid

from django.db import models
from django.urls import reverse

NAME_MAX = 80  # a project or a title: shown in headings, file names and the ADR


class Saved(models.Model):
    """A saved result with a permalink: the page named `page` shows it."""

    page: str
    resource: str  # the word in file names, e.g. "decider-review-1a2b3c4d.svg"
    name_field = "title"  # the field that holds what the user called it

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    result = models.JSONField()
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        abstract = True
        ordering = ["-created"]

    def get_absolute_url(self) -> str:
        return reverse(self.page, args=[self.id])

    @property
    def name(self) -> str:
        """What the user called it (a project, or a title), or "" when unnamed."""
        return getattr(self, self.name_field)

    @property
    def short_id(self) -> str:
        return self.id.hex[:8]


class Assessment(Saved):
    page = "assessment"
    resource = "assessment"
    name_field = "project"
    answers = models.JSONField()
    project = models.CharField(max_length=NAME_MAX, blank=True, default="")
    # The assessment this one re-ran with changed answers ("What if…").
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reruns"
    )

    class Meta(Saved.Meta):
        pass

    def __str__(self) -> str:
        rec = self.result.get("recommendation", {})
        return f"{rec.get('style', '?')} ({self.created:%Y-%m-%d %H:%M})"


class Review(Saved):
    page = "review"
    resource = "review"
    architecture = models.JSONField()
    title = models.CharField(max_length=NAME_MAX, blank=True, default="")

    class Meta(Saved.Meta):
        pass

    def __str__(self) -> str:
        return f"Review of {len(self.architecture.get('components', []))} components"


class Decomposition(Saved):
    page = "decomposition"
    resource = "decomposition"
    title = models.CharField(max_length=NAME_MAX, blank=True, default="")
    monolith = models.JSONField()
    options = models.JSONField(default=dict)
    # sha256 of the monolith and the options, so a re-run with the same ones is found fast.
    digest = models.CharField(max_length=64, db_index=True, default="")

    class Meta(Saved.Meta):
        pass

    def __str__(self) -> str:
        return f"Decomposition of {len(self.monolith.get('modules', []))} modules"
