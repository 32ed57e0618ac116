"""Django settings for Decider, read from the environment (README: "Settings (environment)").

Every variable has a documented default; a value that cannot be read stops the process
with a message naming the variable (see `decider/env.py`).
"""

import os
import sys
import tempfile
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from decider.env import (
    env_bool,
    env_choice,
    env_header_pair,
    env_int,
    env_list,
    env_origins,
    env_seconds,
)

BASE_DIR = Path(__file__).resolve().parent.parent
TESTING = "pytest" in sys.modules

DEBUG = env_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off")
    SECRET_KEY = "development-only-key-never-use-in-production"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
ADMIN_ENABLED = env_bool("DJANGO_ADMIN", default=False)
DECIDER_ALLOW_LISTING = env_bool("DECIDER_ALLOW_LISTING", default=False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "axes",
    "django_tasks_db",
    "decider",
    "decider.idempotency",
    "decider.jobs",
]

MIDDLEWARE = [
    "decider.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "decider.api.middleware.ApiMiddleware",
    "decider.limits.BodySizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "decider.download_cache.DownloadCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "decider.page_cache.PageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "decider.idempotency.middleware.IdempotencyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "decider.urls"
WSGI_APPLICATION = "decider.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: short waits, so a database that is down or silent gives a quick 503.
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 2, minimum=2)  # libpq's least
DATABASE_STATEMENT_TIMEOUT = env_seconds("DATABASE_STATEMENT_TIMEOUT", 5.0)
# Client side: past this, the socket of a call that got no answer is shut (a frozen server).
DATABASE_QUERY_DEADLINE = DATABASE_STATEMENT_TIMEOUT + 1.0
DATABASE_PING_DEADLINE = 1.0  # the health check of a reused connection: SELECT 1
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "decider.postgresql"
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
        options=f"-c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}",
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A web process and a task worker write to one file: wait for the lock, never fail.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=DATABASE_STATEMENT_TIMEOUT,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every instance), otherwise files shared by
# the processes of this machine; both bounded in bytes, neither ever fails a request.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_MAX_BYTES = env_int("DECIDER_CACHE_MAX_MB", 256, minimum=1) * 1024 * 1024
CACHE_DIR = os.environ.get("DECIDER_CACHE_DIR") or str(
    Path(tempfile.mkdtemp(prefix="decider-test-cache-")) if TESTING else BASE_DIR / ".cache"
)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "decider.caches.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "decider",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "decider.caches.BoundedFileCache",
            "LOCATION": CACHE_DIR,
            "OPTIONS": {"MAX_BYTES": CACHE_MAX_BYTES},
        }
    }

# Long work (large renders and large decompositions) runs as tasks.
DECIDER_TASKS = env_choice("DECIDER_TASKS", "database", ("database", "rq", "immediate"))
if DECIDER_TASKS == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("DECIDER_TASKS=rq needs REDIS_URL")
    if find_spec("django_tasks_rq") is None or find_spec("django_rq") is None:
        raise ImproperlyConfigured("DECIDER_TASKS=rq needs: pip install django-tasks-rq django-rq")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
elif DECIDER_TASKS == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Monoliths with more modules are decomposed by a task worker (~0.5 s of clustering here
# at 3,000 modules, before saving and drawing).
DECOMPOSITION_TASK_MODULES = env_int("DECIDER_DECOMPOSITION_TASK_MODULES", 3000, minimum=1)
# Only functions of these packages run through `decider.jobs.queue.enqueue_call`.
TASK_MODULES = ["decider.", "architectures."]

# Diagrams: at most this many `dot` processes at once on this machine; DOT sources larger
# than the task threshold are rendered by a task worker; PNG is refused past its limit.
DOT_CONCURRENCY = env_int("DECIDER_DOT_CONCURRENCY", os.cpu_count() or 2, minimum=1)
DOT_SLOTS_DIR = os.environ.get("DECIDER_DOT_SLOTS_DIR") or str(
    Path(tempfile.gettempdir()) / f"decider-dot-slots-{os.getuid()}"
)
# PNG costs grow with the bitmap: 300 components and 3,000 links (134 KB of DOT) take
# ~1.5 s as PNG and ~0.1 s as SVG here, so SVG and PDF go to the queue later than PNG.
_TASK_KB = env_int("DECIDER_RENDER_TASK_KB", 48, minimum=1)
RENDER_TASK_BYTES = {"png": _TASK_KB * 1024, "pdf": 2 * _TASK_KB * 1024, "svg": 4 * _TASK_KB * 1024}
RENDER_LIMIT_BYTES = {
    "png": env_int("DECIDER_PNG_LIMIT_KB", 128, minimum=1) * 1024,
    "svg": env_int("DECIDER_SVG_LIMIT_KB", 8192, minimum=1) * 1024,
    "pdf": env_int("DECIDER_PDF_LIMIT_KB", 8192, minimum=1) * 1024,
}
RENDER_FAILURE_SECONDS = env_int("DECIDER_RENDER_FAILURE_SECONDS", 600, minimum=0)

# Security: everything a deployment behind HTTPS needs can be set from the environment.
CSRF_TRUSTED_ORIGINS = env_origins("DJANGO_CSRF_TRUSTED_ORIGINS")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool(
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=SECURE_HSTS_SECONDS > 0
)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", default=False)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", default=False)
SECURE_PROXY_SSL_HEADER = env_header_pair("DJANGO_SECURE_PROXY_SSL_HEADER")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer probes over plain HTTP
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The Swagger UI page sets styles inline and draws icons from data: URIs; that page alone
# gets those two (see decider/api/site.py).
SWAGGER_CSP = {
    **SECURE_CSP,
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
}

# The admin: mounted only with DJANGO_ADMIN=1; logins throttled by django-axes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_ADMIN_LOGIN_ATTEMPTS", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("DJANGO_ADMIN_LOCKOUT_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # The manifest storage needs collectstatic and breaks live_server in tests.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

# Oversized bodies are refused with 413 before any parsing (see decider/limits.py):
# 2 MiB in general, 16 MiB for monoliths to decompose (20,000 modules and 200,000 calls).
BODY_LIMIT = 2 * 1024 * 1024
MONOLITH_BODY_LIMIT = 16 * 1024 * 1024
MONOLITH_PATHS = ("/api/v1/decompositions", "/decompose/", "/decompositions/")
DATA_UPLOAD_MAX_MEMORY_SIZE = MONOLITH_BODY_LIMIT
DATA_UPLOAD_MAX_NUMBER_FIELDS = 25_000  # the review builder: 300 components and 3,000 links

LOG_LEVEL = env_choice(
    "DJANGO_LOG_LEVEL", "warning", ("debug", "info", "warning", "error", "critical")
).upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "decider.request_id.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
