# amends: two commands do all the set-up. `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-clock lint bench eval train train-safety install load faults screenshots

# uv installs what pip would (the same resolution from PyPI) in about 6 s on a clean clone, against 25 s
# for pip, most of which went on compiling every installed package's bytecode. If uv cannot be had or
# fails, pip does the install, and says so.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	( $(BIN)/pip install --quiet uv && UV_NATIVE_TLS=1 $(BIN)/uv pip install --quiet --python $(BIN)/python -e ".[dev]" ) \
	  || { echo "uv failed (above); installing with pip instead"; $(BIN)/pip install --quiet -e ".[dev]"; }
	touch $(STAMP)

# torch, for training only: pip, not uv, because pip takes the CPU build on this machine's disk
# (/opt/wheels) where uv would download a CUDA build of several GB.
TRAIN_STAMP := $(VENV)/.installed-train
$(TRAIN_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev,train]"
	touch $(TRAIN_STAMP)

install: $(STAMP)

## Install, migrate, and start the app on http://127.0.0.1:8000 (SQLite in $AMENDS_HOME).
run: $(STAMP)
	$(BIN)/amends migrate
	$(BIN)/amends serve

## The whole suite on SQLite and on a throwaway PostgreSQL, browser tests included.
test: $(STAMP)
	bash scripts/test.sh

## The web and CLI tests with the clock moved to a Saturday years ahead, then to just before a midnight
## (tests/shifted_clock.py): a test that passes only on the day it was written fails here.
test-clock: $(STAMP)
	AMENDS_TEST_NOW=2031-03-08T12:00:00+00:00 $(BIN)/python -m pytest -n 2 tests/web tests/cli
	AMENDS_TEST_NOW=2031-10-25T23:58:30+00:00 $(BIN)/python -m pytest -n 2 tests/web tests/cli

## ruff (check and format), mypy over all of src/amends (strict on the core) and bench/, and the import contracts.
lint: $(STAMP)
	$(BIN)/ruff check src tests eval bench train
	$(BIN)/ruff format --check src tests eval bench train
	$(BIN)/mypy src/amends bench
	$(BIN)/lint-imports

## Accuracy figures for the coach and the safety detector.
eval: $(TRAIN_STAMP)
	@for m in apology emotions reply safety; do \
	  if [ -f eval/$$m.py ]; then echo "== eval $$m"; $(BIN)/python -m eval.$$m || exit 1; fi; done

## Speed and memory figures, on SQLite and (pages, cold start) on a throwaway PostgreSQL; exits 1 on a missed target.
bench: $(STAMP)
	bash scripts/bench.sh

## Rebuild the reply coach's int8 encoder from the installed MiniLM, retrain the coach's small classifier
## heads on its vectors from ../shared/data (reproducible, fixed seeds), and the crisis detector's head and
## prototype vectors on the float encoder's (train-safety alone takes about 3 minutes).
train: $(TRAIN_STAMP)
	$(BIN)/python -m train.quantize_encoder
	$(BIN)/python -m train.train_heads
	$(BIN)/python -m train.train_partner
	$(BIN)/python -m train.train_safety

train-safety: $(STAMP)
	$(BIN)/python -m train.train_safety

## Load test: 4 workers on a throwaway PostgreSQL, 100 couples, 50 clients, 3 minutes (bench/load.py --help).
load: $(STAMP)
	$(BIN)/python -m bench.load $(LOAD_ARGS)

## Screenshots of the main pages at 360 and 1280 px into docs/screenshots/ (a demo couple in a throwaway AMENDS_HOME).
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

## Fault scenarios too slow for the suite: worker SIGKILL, PostgreSQL restart, SQLite lock, full disk, backup timings.
faults: $(STAMP)
	$(BIN)/python -m bench.faults $(FAULTS)
