# Carnet: the two commands a user needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run demo test lint typecheck contracts unit bench bench-window fuzz crash clean dist man pot \
	bundle install-desktop uninstall-desktop

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
	$(BIN)/ruff check src tests benchmarks scripts setup.py packaging/bundle_entry.py
	$(BIN)/ruff format --check src tests benchmarks scripts setup.py packaging/bundle_entry.py
	$(BIN)/mypy
	$(BIN)/mypy --strict scripts  # not run by the tests: a renamed call must still fail here
	$(BIN)/lint-imports

## test: everything CI runs
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 -q

## fuzz: the importers and load-json on 35 000 generated inputs (CI runs 3 500)
fuzz: $(TEST_STAMP)
	CARNET_FUZZ_EXAMPLES=7000 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 -q \
	  tests/hostile/test_fuzz.py

## dist: the sdist and the wheel (resources and compiled catalogues inside) into dist/
dist: $(TEST_STAMP)
	rm -f dist/carnet-*.tar.gz dist/carnet-*.whl
	$(BIN)/python -m build --outdir dist .

## man: the man pages, made from the commands, into build/man
man: $(STAMP)
	$(BIN)/python scripts/man_page.py build/man

## pot: the translation template, made from the sources, into build/locale/carnet.pot
# (generated, never committed: a new language starts from it, see resources/locale/babel.cfg)
POT := build/locale/carnet.pot
pot: $(TEST_STAMP)
	mkdir -p $(dir $(POT))
	$(BIN)/pybabel --quiet extract -F resources/locale/babel.cfg -k N_ --no-location \
	  --sort-output --project Carnet --version "$$($(BIN)/python -c 'import carnet; print(carnet.__version__)')" \
	  --copyright-holder "The Carnet developers" -o $(POT) src/carnet

## bundle: a PyInstaller folder dist/carnet-VERSION that runs without Python, smoke-tested
BUNDLE_VENV := build/bundle-venv
bundle: dist
	rm -rf $(BUNDLE_VENV) build/bundle-work
	$(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet "$$(ls dist/carnet-*.whl)[heic,bundle]"
	cd build && time ../$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --log-level WARN \
	  --distpath ../dist --workpath bundle-work ../packaging/carnet.spec
	du -sh dist/carnet-*/
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_bundle.py

## install-desktop: add Carnet (menu entry, icon, metainfo, man pages) for this user
MAN_DIR = $${XDG_DATA_HOME:-$$HOME/.local/share}/man/man1
install-desktop: $(STAMP) man
	$(BIN)/carnet-gui --install-desktop-entry
	mkdir -p $(MAN_DIR) && cp build/man/carnet.1 build/man/carnet-gui.1 $(MAN_DIR)/

## uninstall-desktop: remove what install-desktop added
uninstall-desktop: $(STAMP)
	$(BIN)/carnet-gui --uninstall-desktop-entry
	rm -f $(MAN_DIR)/carnet.1 $(MAN_DIR)/carnet-gui.1

## crash: SIGKILL Carnet 240 times at random moments and check nothing is lost or leaked
crash: $(TEST_STAMP)
	CARNET_KILLS=240 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/crash -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

## bench-window: the window's big-import test and benchmark on a 300 000-line statement
bench-window: $(TEST_STAMP)
	CARNET_IMPORT_LINES=300000 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
	  tests/ui/test_import_progress.py
	$(BIN)/python benchmarks/bench_import_window.py 300000

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .pytest_cache .ruff_cache
