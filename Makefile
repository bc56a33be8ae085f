# The entry points: make demo | make test | make lint | make bench | make loadtest. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_ALLOW_ASYNC_UNSAFE := true
export MPLBACKEND := Agg

.PHONY: setup demo test lint format messages serve bench bench-dashboards loadtest

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check uv
	$(VENV)/bin/uv pip install -q --python $(PY) -r pyproject.toml --all-extras
	touch $@

demo: export GC_ENV ?= development
demo: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Serving on http://127.0.0.1:$(PORT)  (Ctrl-C to stop)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/hadolint Dockerfile

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Compile the gettext catalogues (needs gettext's msgfmt); the .mo files are committed too.
messages: setup
	$(PY) manage.py compilemessages --ignore=.venv -v0

# Two workers (pytest-xdist): the suite is CPU-bound and CI has two cores; TEST_WORKERS=0 runs it in
# one process (e.g. to debug with pdb).
TEST_WORKERS ?= 2
test: lint
	$(PY) manage.py makemigrations --check --dry-run -v1
	$(VENV)/bin/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# Benchmarks as ratios to the logged-in base page (bench/README.md); exits 1 when a goal is missed.
bench: setup
	$(PY) bench/run.py $(BENCH_ARGS)

# The monitoring dashboard at 10k / 100k / 1M participants (bench/dashboards.py); PostgreSQL with
# BENCH_DATABASE_URL=postgres://…/gc_bench_dashboards, else a throw-away SQLite file.
bench-dashboards: setup
	$(PY) bench/dashboards.py $(BENCH_DASHBOARD_ARGS)

# A bounded load test against gunicorn on 127.0.0.1 (bench/loadtest.py); needs DATABASE_URL for PostgreSQL.
loadtest: setup
	$(PY) bench/loadtest.py $(LOADTEST_ARGS)
