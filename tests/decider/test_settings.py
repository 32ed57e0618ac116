"""Settings from the environment: the README's production example passes `check --deploy`,
bad values stop the process, and every HTML page carries the Content Security Policy."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"


def readme_production_env() -> dict[str, str]:
    """The `# production.env` block of the README's Deploying section."""
    text = (ROOT / "README.md").read_text()
    block = text.split("# production.env\n", 1)[1].split("```", 1)[0]
    env = dict(line.split("=", 1) for line in block.splitlines() if "=" in line)
    assert env["DJANGO_SECRET_KEY"].startswith("<"), "the README must not carry a real secret"
    env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DECIDER_"))}
    clean.pop("DATABASE_URL", None)
    clean.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_readmes_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=readme_production_env())
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_those_settings():
    env = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    for warning in ("W004", "W008", "W012", "W016"):  # HSTS, SSL redirect, cookies
        assert warning in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DJANGO_SECURE_HSTS_SECONDS", "a year"),
        ("DJANGO_SECURE_SSL_REDIRECT", "sure"),
        ("DJANGO_SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto: https"),
        ("DJANGO_CSRF_TRUSTED_ORIGINS", "decider.example.com"),
        ("WEB_CONCURRENCY", "many"),
        ("DECIDER_TASKS", "celery"),
    ],
)
def test_a_bad_value_stops_the_process_naming_the_variable(name, value):
    env = {"DJANGO_DEBUG": "1", name: value}
    command = "import django; django.setup()"
    if name == "WEB_CONCURRENCY":
        command = "import runpy; runpy.run_path('gunicorn.conf.py')"
    result = subprocess.run(
        [sys.executable, "-c", command],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "decider.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and name in result.stderr


def test_the_rq_queue_needs_redis():
    result = manage("check", env={"DJANGO_DEBUG": "1", "DECIDER_TASKS": "rq"})
    assert result.returncode != 0 and "DECIDER_TASKS=rq needs REDIS_URL" in result.stderr


def test_the_security_settings_come_from_the_environment():
    env = {**readme_production_env(), "DATABASE_URL": "sqlite:///:memory:"}
    env.pop("REDIS_URL")
    script = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER, s.CSRF_TRUSTED_ORIGINS)"
    )
    result = manage("shell", "-c", script, env=env)
    assert result.stdout.strip().splitlines()[-1] == (
        "True 31536000 True True ('HTTP_X_FORWARDED_PROTO', 'https') "
        "['https://decider.example.com']"
    ), result.stderr


def csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/anti-patterns/", "/review/", "/decompose/", "/nowhere/"])
def test_every_html_page_allows_only_its_own_scripts_and_styles(client, url):
    policy = csp(client.get(url))
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["img-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_swagger_page_alone_may_set_styles_inline_and_use_data_images(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    policy = csp(response)
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


# No template carries an inline style attribute, which the CSP would block: the score
# marker on the assessment page is an SVG attribute now.
KNOWN_INLINE_STYLES: dict[str, int] = {}


def test_no_template_has_inline_scripts_or_event_handlers():
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", text)
        handlers = re.findall(r"\s(?:on[a-z]+|hx-on[:\w-]*)=", text)
        assert not scripts and not handlers, path


def test_inline_styles_are_only_the_known_ones():
    found = {}
    for path in TEMPLATES.rglob("*.html"):
        if count := len(re.findall(r"\sstyle=", path.read_text())):
            found[str(path.relative_to(TEMPLATES))] = count
    assert found == KNOWN_INLINE_STYLES


def test_the_rq_queue_says_what_to_install_when_it_is_missing():
    from importlib.util import find_spec

    if find_spec("django_tasks_rq") is not None:
        pytest.skip("django-tasks-rq is installed here")
    env = {"DJANGO_DEBUG": "1", "DECIDER_TASKS": "rq", "REDIS_URL": "redis://127.0.0.1:1/0"}
    result = manage("check", env=env)
    assert result.returncode != 0 and "pip install django-tasks-rq django-rq" in result.stderr
