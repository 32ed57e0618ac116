"""The whole API under schemathesis: every operation, generated from the OpenAPI schema
the app publishes, called in-process through the WSGI app, with every check on. It must
find no server error and no response that strays from the schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from decider.wsgi import application

# CSV bodies (a monolith's calls and table accesses) go on the wire as plain text.
schemathesis.serializer.alias(["text/csv", "application/csv"], "text/plain")
# Archives go as the bytes generated for them (never a real project: they must be refused).
schemathesis.serializer.alias(
    [
        "application/zip",
        "application/x-zip-compressed",
        "application/gzip",
        "application/x-gzip",
        "application/x-gtar",
        "application/x-compressed-tar",
    ],
    "application/octet-stream",
)
# Examples per operation: bounded, so the whole run stays within a minute or two.
MAX_EXAMPLES = 100
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def one_connection_per_test():
    """Django's test client keeps the test's database connection from one request to the
    next; the WSGI app called directly would close it as each request starts and ends
    (inside the test's transaction autocommit is off, which Django takes as a connection
    left in a bad state), and PostgreSQL would then answer nothing. Do as the test client
    does."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


@pytest.fixture(autouse=True)
def listing_allowed(settings):
    settings.DECIDER_ALLOW_LISTING = True  # so the listings are fuzzed too, not only refused


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_contract(case):
    case.call_and_validate()
