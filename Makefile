# Quellenlage: `make demo` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint install install-test browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install  ## the claim map of the bundled example article
	$(BIN)/quellenlage analyze examples/artikel.txt

test: install-test  ## lint + the whole test suite
	$(BIN)/ruff check src tests training benchmarks
	$(BIN)/python -m pytest -q -ra

lint: install-test
	$(BIN)/ruff check src tests training benchmarks

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
