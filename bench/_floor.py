"""The framework floor for `bench/api.py`: a one-endpoint django-ninja app (no database,
no middleware), served by the same gunicorn with the same number of workers. What Decider
does per request, on top of Django and ninja, shows as a ratio against it."""

import django
from django.conf import settings
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="floor-benchmark-only",
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["ninja"],
    MIDDLEWARE=[],
)
django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpRequest  # noqa: E402
from ninja import NinjaAPI, Schema  # noqa: E402

api = NinjaAPI(urls_namespace="floor", docs_url=None)


class AnswersIn(Schema):
    teams: int


@api.api_operation(["GET", "POST"], "/floor", response={200: dict, 201: dict})
def floor(request: HttpRequest, payload: AnswersIn | None = None):
    if payload is None:
        return 200, {"ok": True}
    return 201, {"teams": payload.teams}


urlpatterns = [path("", api.urls)]
application = get_wsgi_application()
