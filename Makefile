# The commands the README gives. Everything installs into .venv with plain `python3 -m venv`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test lint pytest fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/prodoffice migrate --no-input
	$(BIN)/prodoffice demo --if-empty
	$(BIN)/prodoffice serve --port $(PORT)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python -m django makemigrations --check --dry-run

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint pytest

# The property tests with new random examples each run (the suite draws the same ones every
# time); run it before submitting. FUZZ_RUNS=20 for a longer search.
FUZZ_RUNS ?= 5
fuzz: $(VENV)/.installed-dev
	for run in $$(seq $(FUZZ_RUNS)); do \
	  HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q $$(grep -rl --include='test_*.py' '@given' prodoffice) || exit 1; \
	done

clean:
	rm -rf $(VENV) build *.egg-info
