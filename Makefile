# Decider: `make run` serves the app, `make test` runs the whole suite.
# Both install what they need first: a .venv at the repo root and Debian's graphviz; the
# tests also Debian's chromium and plantuml and, with npm, the text exports' renderers.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The text exports' real renderers, for the tests (mermaid-cli drives Debian's Chromium).
RENDERERS := tests/renderers/node_modules/.installed

# The first Python 3.12+ found: on the PATH, then under pyenv.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 \
	$$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 \
	/root/.pyenv/versions/3.13*/bin/python3 /root/.pyenv/versions/3.12*/bin/python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)

.PHONY: help install test-tools system-packages test-packages run serve test load-test bench fmt clean screenshots

WORKERS ?= 1
# Start the task workers in the background, run $(1) in the foreground, and stop the
# workers (by their own process ids) when it ends, however it ends.
define with_workers
	@pids=(); trap 'kill $${pids[@]} 2>/dev/null; wait' EXIT INT TERM; \
	for i in $$(seq $(2)); do $(PY) manage.py db_worker --no-startup-delay & pids+=($$!); done; \
	$(1)
endef

# Install the Debian packages of $(1), each written check=package (a command or a path
# that is there once the package is), when missing: as root, or else say the command.
define debian_packages
	@missing=""; \
	for need in $(1); do \
		{ command -v $${need%%=*} || [ -e $${need%%=*} ]; } >/dev/null 2>&1 || missing="$$missing $${need#*=}"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing Debian packages. Run: sudo apt-get install -y$$missing"; exit 1; \
		fi; fi
endef

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: system-packages $(STAMP) ## Create .venv, install pinned dependencies and Debian packages, migrate
	@DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput -v 0

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
		echo "Decider needs Python 3.12 or newer (Django 6 refuses 3.11)."; \
		echo "Install it, e.g. 'apt-get install python3.12' or 'pyenv install 3.13', then run make again."; \
		exit 1; fi
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

$(RENDERERS): tests/renderers/package-lock.json
	@if command -v npm >/dev/null; then \
		PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix tests/renderers --no-audit --no-fund --loglevel=error \
		&& touch $(RENDERERS); \
	else echo "npm is missing: the tests that run mermaid-cli and the Structurizr grammar will be skipped."; fi

system-packages:
	$(call debian_packages,dot=graphviz /usr/share/fonts/truetype/dejavu=fonts-dejavu-core)

# What only the tests use: a browser (and `make screenshots`), PlantUML, mermaid-cli.
test-packages:
	$(call debian_packages,/usr/bin/chromium=chromium plantuml=plantuml)

test-tools: install test-packages $(RENDERERS)

run: export DJANGO_DEBUG ?= 1
run: export DJANGO_ADMIN ?= 1
run: export DECIDER_ALLOW_LISTING ?= 1
run: install ## Serve the app at http://127.0.0.1:8000 with one task worker (SQLite, debug on)
	$(call with_workers,$(PY) manage.py runserver 127.0.0.1:8000,1)

serve: export DJANGO_DEBUG ?= 0
serve: install ## gunicorn (WEB_CONCURRENCY workers) and WORKERS task workers, production settings
	$(PY) manage.py collectstatic --noinput -v 0
	$(call with_workers,$(VENV)/bin/gunicorn decider.wsgi -c gunicorn.conf.py,$(WORKERS))

test: test-tools ## Lint, check formatting, run the whole suite
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

load-test: install ## The load tests (gunicorn on PostgreSQL, 50 clients; .ci/run runs them)
	$(PY) -m pytest -m load -s -q

bench: install ## Run the benchmarks under bench/ and print their figures
	@for b in bench/[!_]*.py; do echo "== $$b"; DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) $$b || exit 1; done

screenshots: install test-packages ## Capture the main pages at 375 and 1280 px into docs/screenshots/
	$(PY) docs/screenshots.py

fmt: $(STAMP) ## Fix imports and format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean: ## Remove the virtualenv and the SQLite database
	rm -rf $(VENV) db.sqlite3
