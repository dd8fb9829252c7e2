# Line of Sight: the two commands a newcomer needs are `make demo` and `make test`.
# Both create a virtual environment (.venv) from pyproject.toml with the newest Python >= 3.11 found.

PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 python3 python; do \
  if $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then echo $$p; break; fi; done)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck browser-deps pytest benchmarks clean help

help:
	@echo "make demo   - install, load the synthetic demo partnership and serve http://127.0.0.1:8000"
	@echo "make test   - install, lint, type-check and run every test (browser tests included)"
	@echo "make benchmarks - run the speed benchmarks (prints a table, writes benchmarks/results/*.json)"

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3 --version)"; exit 1; }
	@echo "==> 1/3 Creating the virtual environment $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	@echo "==> 2/3 Upgrading pip"
	$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "==> 3/3 Installing Line of Sight and its dependencies (about 90 s the first time)"
	$(BIN)/python -m pip install --progress-bar on -e '.[dev]'
	@touch $(STAMP)
	@echo "==> Installed into $(VENV)"

demo: $(STAMP)
	$(BIN)/lineofsight demo

browser-deps:
	@scripts/ensure-chromium.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

# The suite without the browser runs on every core (pytest-xdist; each worker builds its own
# computed borough once), then the browser tests one at a time (each drives a chromium).
pytest: $(STAMP) browser-deps
	$(BIN)/pytest -q -p no:cacheprovider -n auto -m "not browser"
	$(BIN)/pytest -q -p no:cacheprovider -m browser

test: lint typecheck pytest

benchmarks: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .venv-* var .pytest_cache .mypy_cache .ruff_cache
