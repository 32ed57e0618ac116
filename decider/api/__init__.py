"""The REST API, mounted at /api/v1/: one NinjaAPI, one router per resource."""

from decider.api.site import api

__all__ = ["api"]
