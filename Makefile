# Two commands: `make run` builds the graph of the bundled page; `make test` runs the tests.
# Both create the virtual environment .venv first when it is missing or out of date.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/kg build

test: $(VENV)/.installed
	$(PY) -m pytest
