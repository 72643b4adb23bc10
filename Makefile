# Two entry points: `make run` (chat with carebot locally) and `make test` (everything CI checks).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The confidentiality scanner is compiled with mypyc when a C compiler is there (plain Python
# otherwise); rebuilt whenever one of its sources changes.
NATIVE := build/native/attempted
SCANNER_SOURCES := $(wildcard moderation/confidentiality/*.py)

.PHONY: run test lint typecheck clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NATIVE): $(STAMP) $(SCANNER_SOURCES) moderation/native_build.py
	$(BIN)/python -m moderation.native_build
	mkdir -p $(dir $@) && touch $@

run: $(STAMP) $(NATIVE)
	$(BIN)/carebot chat

lint: $(STAMP)
	$(BIN)/ruff check bot adapters moderation storage config tests bench
	$(BIN)/ruff format --check bot adapters moderation storage config tests bench

typecheck: $(STAMP)
	$(BIN)/mypy --strict bot adapters moderation storage

test: $(STAMP) $(NATIVE) lint typecheck
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build
	rm -f moderation/confidentiality/*.so moderation/confidentiality/native.stamp
