# Set-up is two commands on a fresh machine: `make demo` and `make test`. Each creates .venv and
# installs what it needs from requirements.lock (every package pinned by hash, the spaCy model too).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint lock bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $@

## demo: extract the bundled example articles, store them in demo.db (SQLite), print the events found
demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/accord extract examples --db demo.db --format jsonl > demo.jsonl
	$(BIN)/accord events --db demo.db

## test: the whole test suite (unit, golden files, bad input, CLI, store, accuracy gate over ../shared/eval)
test: $(STAMP)
	$(BIN)/ruff check accord tests bench scripts
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check accord tests bench scripts
	$(BIN)/mypy accord

## lock: recompile requirements.lock from requirements.in (needs pip-tools)
lock:
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o requirements.lock requirements.in

bench: $(STAMP)
	$(BIN)/python bench/news.py

clean:
	rm -rf $(VENV) demo.db demo.db-* demo.jsonl bench/out .pytest_cache .ruff_cache .mypy_cache
