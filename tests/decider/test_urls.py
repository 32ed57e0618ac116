import importlib

import pytest
from django.contrib.auth.models import User
from django.urls import clear_url_caches

import decider.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_on(settings):
    settings.ADMIN_ENABLED = True
    clear_url_caches()
    importlib.reload(decider.urls)
    yield
    settings.ADMIN_ENABLED = False
    clear_url_caches()
    importlib.reload(decider.urls)


def test_the_admin_is_off_unless_enabled(client):
    assert client.get("/admin/").status_code == 404


def test_the_admin_is_mounted_with_django_admin_1(client, admin_on):
    assert client.get("/admin/login/").status_code == 200


def test_admin_logins_are_throttled(client, admin_on, settings):
    User.objects.create_superuser("root", "root@example.com", "right-password")
    attempts = [
        client.post("/admin/login/", {"username": "root", "password": f"wrong-{n}"}).status_code
        for n in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert attempts[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)  # the form again
    locked = client.post("/admin/login/", {"username": "root", "password": "right-password"})
    assert locked.status_code == 429  # even the right password, until the cool-off
    assert not client.session.get("_auth_user_id")
