# syntax=docker/dockerfile:1
# Decider: gunicorn on Debian slim with Graphviz, as a non-root user.
#   docker build -t decider .
#   docker run --env-file production.env -p 8000:8000 decider                 # the web app
#   docker run --env-file production.env decider python manage.py db_worker   # a task worker
FROM python:3.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DECIDER_BIND=0.0.0.0:8000 \
    DECIDER_CACHE_DIR=/tmp/decider-cache \
    DJANGO_STATIC_ROOT=/app/staticfiles

RUN apt-get update \
    && apt-get install -y --no-install-recommends graphviz fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system decider \
    && useradd --system --gid decider --home-dir /app --shell /usr/sbin/nologin decider

WORKDIR /app
# Dependencies first, so that a code change does not reinstall them.
COPY pyproject.toml ./
RUN pip install .

COPY --chown=decider:decider . .
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=only-for-collectstatic python manage.py collectstatic --noinput -v 0

USER decider
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; host = os.environ.get('DJANGO_ALLOWED_HOSTS', 'localhost').split(',')[0].lstrip('.'); request = urllib.request.Request('http://127.0.0.1:8000/healthz', headers={'Host': host}); sys.exit(0 if urllib.request.urlopen(request, timeout=4).status == 200 else 1)"]
CMD ["gunicorn", "decider.wsgi", "-c", "gunicorn.conf.py"]
