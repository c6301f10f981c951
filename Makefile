# Withdrawal Commons: `make run` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed

# The first candidate that really runs and is Python >= 3.12. A pyenv shim
# that fails (no version selected) is skipped, as is anything too old.
PYTHON_CANDIDATES := python3.13 python3.12 \
	$(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3.13) \
	$(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) \
	$(wildcard /usr/local/bin/python3.1[3-9]) python3
PYTHON ?= $(shell for c in $(PYTHON_CANDIDATES); do \
	if "$$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then \
	echo "$$c"; break; fi; done)

.PHONY: help venv install run test lint format serve-prod bench-search messages clean

help:
	@echo "make run         set up, load demo content, serve http://127.0.0.1:8000 (SQLite)"
	@echo "make test        set up and run every test"
	@echo "make lint        ruff check and format check"
	@echo "make serve-prod  gunicorn with production settings"
	@echo "make bench-search  search benchmark on PostgreSQL (100,000 documents)"
	@echo "make bench       page benchmark: cached and uncached pages beside a static file (wrk)"

$(STAMP): requirements.txt requirements-dev.txt
	@if [ -z "$(PYTHON)" ]; then echo "No Python >= 3.12 found. Install Python 3.13 (or 3.12) and retry, or run: make PYTHON=/path/to/python3.13" >&2; exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	@if [ ! -x "$(PY)" ] || ! $(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then \
		rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); fi
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

venv install: $(STAMP)

run: $(STAMP)
	DJANGO_DEBUG=1 $(PY) manage.py compile_translations
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	DJANGO_DEBUG=1 $(PY) manage.py compile_translations
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Production settings: debug off; DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and
# DATABASE_URL come from the environment. gunicorn.conf.py reads BIND,
# WEB_CONCURRENCY, FORWARDED_ALLOW_IPS, GUNICORN_TIMEOUT, GUNICORN_CONTROL_SOCKET.
serve-prod: $(STAMP)
	$(PY) manage.py collectstatic --noinput
	$(PY) manage.py migrate --noinput
	$(BIN)/gunicorn withdrawal_site.wsgi:application --config gunicorn.conf.py

# Spanish and Polish first. Needs GNU gettext (xgettext, msgfmt).
messages: $(STAMP)
	DJANGO_DEBUG=1 $(PY) manage.py makemessages --locale es --locale pl \
		--ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*' --ignore 'faults/*' --no-obsolete
	DJANGO_DEBUG=1 $(PY) manage.py compile_translations

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

# Search benchmark (PostgreSQL only): loads 100,000 synthetic documents into
# its own database (created if missing), runs 200 realistic queries, prints
# p50/p95 of the search beside a plain ILIKE scan. The index there is emptied.
BENCH_DATABASE_URL := $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/wc_bench)
BENCH_ENV := DATABASE_URL="$(BENCH_DATABASE_URL)" DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-bench-only-secret}"
bench-search: $(STAMP)
	@url="$(BENCH_DATABASE_URL)"; name="$${url##*/}"; name="$${name%%\?*}"; server="$${url%/*}"; \
	if ! psql "$$server/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$$name'" | grep -q 1; then \
		echo "Creating database $$name"; psql "$$server/postgres" -qc "CREATE DATABASE \"$$name\""; fi
	$(BENCH_ENV) $(PY) manage.py migrate --noinput -v 0
	$(BENCH_ENV) $(PY) manage.py bench_search --documents $${BENCH_DOCUMENTS:-100000} --queries $${BENCH_QUERIES:-200}

# Backups (README: Backups and restore). DATABASE_URL says which database;
# files go to backups/ (git-ignored), timestamped, readable by their owner only.
# Restore only into an empty database: createdb NAME, point DATABASE_URL at it.
.PHONY: backup restore
backup: $(STAMP)
	$(PY) manage.py backup_database --output-dir $${BACKUP_DIR:-backups}

restore: $(STAMP)
	@if [ -z "$(FILE)" ]; then echo "Usage: make restore FILE=backups/NAME.dump (or .sqlite3)" >&2; exit 1; fi
	$(PY) manage.py restore_database "$(FILE)"

# Fault suite (not part of `make test`; README: Reliability): two gunicorn
# instances behind TCP proxies it controls, PostgreSQL database wc_faults and
# Redis DB 6, each fault in turn; prints the table (also in faults/latest.md).
.PHONY: faults
faults: $(STAMP)
	$(PY) faults/run.py

# Page benchmark (PostgreSQL + Redis): loads 500 articles, 3,000 directory
# services, 5,000 experiences and 2,000 tips into its own database (created if
# missing), then runs gunicorn with production settings, cached and uncached,
# and wrk at 16 connections per page type beside a static file (README, Speed).
PAGE_BENCH_DATABASE_URL := $(or $(BENCH_PAGES_DATABASE_URL),postgres://postgres@127.0.0.1:5432/wc_bench_cache)
PAGE_BENCH_ENV := DATABASE_URL="$(PAGE_BENCH_DATABASE_URL)" DJANGO_DEBUG=0 \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-bench-only-secret}" REDIS_URL="$${REDIS_URL:-redis://127.0.0.1:6379/9}"
.PHONY: bench
bench: $(STAMP)
	@command -v wrk >/dev/null || (echo "Installing wrk" && (apt-get install -y wrk || sudo apt-get install -y wrk))
	@url="$(PAGE_BENCH_DATABASE_URL)"; name="$${url##*/}"; name="$${name%%\?*}"; server="$${url%/*}"; \
	if ! psql "$$server/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$$name'" | grep -q 1; then \
		echo "Creating database $$name"; psql "$$server/postgres" -qc "CREATE DATABASE \"$$name\""; fi
	$(PAGE_BENCH_ENV) $(PY) manage.py migrate --noinput -v 0
	$(PAGE_BENCH_ENV) $(PY) manage.py load_demo
	$(PAGE_BENCH_ENV) $(PY) manage.py load_bench_volumes
	$(PAGE_BENCH_ENV) $(PY) manage.py bench_pages --seconds $${BENCH_SECONDS:-10} --ports $${BENCH_PORTS:-8221,8222}
