# Decider: `make run` serves the app, `make test` runs the whole suite.
# Both install what they need first (a .venv at the repo root, Debian's graphviz and chromium).

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
APT_PACKAGES := graphviz chromium fonts-dejavu-core

# The first Python 3.12+ found: on the PATH, then under pyenv.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 \
	$$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 \
	/root/.pyenv/versions/3.13*/bin/python3 /root/.pyenv/versions/3.12*/bin/python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)

.PHONY: help install system-packages run test bench fmt clean screenshots

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

system-packages:
	@missing=""; \
	command -v dot >/dev/null || missing="$$missing graphviz"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -d /usr/share/fonts/truetype/dejavu ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing Debian packages. Run: sudo apt-get install -y$$missing"; exit 1; \
		fi; fi

run: install ## Serve the app at http://127.0.0.1:8000 (SQLite, debug on)
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py runserver 127.0.0.1:8000

test: install ## Lint, check formatting, run the whole suite
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

bench: install ## Run the benchmarks under bench/ and print their figures
	@for b in bench/*.py; do echo "== $$b"; DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) $$b || exit 1; done

screenshots: install ## Capture the main pages at 375 and 1280 px into docs/screenshots/
	$(PY) docs/screenshots.py

fmt: $(STAMP) ## Fix imports and format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean: ## Remove the virtualenv and the SQLite database
	rm -rf $(VENV) db.sqlite3
