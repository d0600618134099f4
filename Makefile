# Carnet: the two commands a user needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run demo test lint typecheck contracts unit bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

## run: start Carnet on your own database (user data folder)
run: $(STAMP)
	$(BIN)/carnet-gui

## demo: start Carnet on a demo household in a temporary database
demo: $(STAMP)
	@tmp=$$(mktemp -d) && $(BIN)/carnet --db $$tmp/demo.sqlite demo && \
	  $(BIN)/carnet-gui --db $$tmp/demo.sqlite

## lint: ruff (lint + format check), mypy strict, import contracts
lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks scripts setup.py
	$(BIN)/ruff format --check src tests benchmarks scripts setup.py
	$(BIN)/mypy
	$(BIN)/mypy --strict scripts  # not run by the tests: a renamed call must still fail here
	$(BIN)/lint-imports

## test: everything CI runs
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 -q

## fuzz: the importers and load-json on 21 000 generated inputs (CI runs 2 100)
fuzz: $(TEST_STAMP)
	CARNET_FUZZ_EXAMPLES=7000 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 -q \
	  tests/hostile/test_fuzz.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .pytest_cache .ruff_cache
