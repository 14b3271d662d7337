# Quellenlage: `make demo` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint install install-test install-train train bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# compileall: bytecode now, or every process (each corpus worker too) compiles the sources again
# where PYTHONDONTWRITEBYTECODE is set
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	$(BIN)/python -m compileall -q src
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

$(VENV)/.installed-train: $(VENV)/.installed
	$(BIN)/pip install -q -e ".[train,test]"
	touch $@

install-train: $(VENV)/.installed-train

SHARED ?= ../shared
ATTR_TRAIN := build/attr/train

train: install-train  ## retrain every shipped model from $(SHARED)/data
	$(BIN)/python -m training.language.train_all
	mkdir -p build/attr && tar -xJf $(SHARED)/data/german-news-quotation-attribution-2024/train.tar.xz -C build/attr
	$(BIN)/python training/attribution/train_filter.py $(ATTR_TRAIN)
	$(BIN)/python training/attribution/train_speaker.py $(ATTR_TRAIN)
	$(BIN)/python training/subjectivity/teacher.py --n 8000 --offset 0 --out build/subjectivity/pseudo1.npz
	$(BIN)/python training/subjectivity/teacher.py --n 8000 --offset 8000 --out build/subjectivity/pseudo2.npz
	$(BIN)/python training/subjectivity/train.py --pseudo build/subjectivity/pseudo1.npz build/subjectivity/pseudo2.npz --final

bench: install-test  ## speed and accuracy figures (see BENCHMARKS.md)
	$(BIN)/python benchmarks/language.py
	$(BIN)/python benchmarks/attribution.py
	$(BIN)/quellenlage eval claims $(SHARED)/eval/dev
	$(BIN)/quellenlage eval quotes $(SHARED)/data/german-news-quotation-attribution-2024/dev
	$(BIN)/python benchmarks/corpus.py
	$(BIN)/python benchmarks/load.py

lint: install-test
	$(BIN)/ruff check src tests training benchmarks

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts build
