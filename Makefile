# Senate's front door. `make run` and `make test` bootstrap everything they need, idempotently,
# and work offline once the first install has filled the caches.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha1sum | cut -c1-12)
ASSETS := build/assets/.built
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test test-only bootstrap migrate demo worker serve-production lint types bench reset clean

run: bootstrap
	@DEBUG=1 $(BIN)/senate demo --if-empty
	@echo "Senate is running at http://$(HOST):$(PORT)/ with its background worker (stop both with Ctrl+C)"
	DEBUG=1 $(BIN)/senate dev $(HOST):$(PORT)

# One test process per core, at least 2 and at most 4 (each keeps its own database and browser).
WORKERS ?= $(shell python3 -c "import os; print(max(2, min(4, os.cpu_count() or 2)))")

test: bootstrap test-only

test-only:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "NOTE: Chromium is not installed, so the browser journeys (tests/system) will be SKIPPED."; \
	  echo "      Install it with: apt-get install -y chromium chromium-driver"; fi
	SENATE_TESTING=1 $(BIN)/pytest -q -rs -n $(WORKERS) --dist loadgroup --durations=15 $(PYTEST_ARGS)

bootstrap: $(STAMP) $(ASSETS) migrate

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(ASSETS): node_modules/.installed assets/build.mjs $(wildcard assets/scss/*.scss) $(wildcard assets/js/*.js)
	node assets/build.mjs
	@touch $@

migrate: $(STAMP)
	@DEBUG=1 $(BIN)/senate migrate --verbosity 0

demo: bootstrap
	DEBUG=1 $(BIN)/senate demo

worker: bootstrap
	DEBUG=1 $(BIN)/senate worker

# Production: collect static files once, then serve with granian (see docs/deploy.md).
serve-production: bootstrap
	$(BIN)/senate collectstatic --noinput --verbosity 0
	$(BIN)/granian --interface wsgi --host $(HOST) --port $(PORT) --workers 2 senate.config.wsgi:application

lint: $(STAMP)
	$(BIN)/ruff check senate tests bench tools
	$(BIN)/ruff format --check senate tests bench tools

types: $(STAMP)
	SENATE_TESTING=1 $(BIN)/mypy senate

bench: bootstrap
	$(BIN)/python bench/run_all.py

reset:
	rm -f var/senate.sqlite3 var/senate.sqlite3-wal var/senate.sqlite3-shm

clean: reset
	rm -rf $(VENV) node_modules build
