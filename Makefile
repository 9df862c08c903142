# claimdiff: every target sets up what it needs from the project's own files.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
STAMP := $(VENV)/.installed-stamp
RUN := $(VENV)/bin
DATA ?= ../shared/data

.PHONY: help install demo test test-fast lint eval bench build local fit clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

$(STAMP): pyproject.toml uv.lock | $(UV)
	UV_PYTHON=$(PYTHON) $(UV) sync --frozen --all-extras --quiet
	touch $@

install: $(STAMP) ## create .venv with the locked dependencies (runtime, local stack, dev)

demo: $(STAMP) ## start the local stack, upload samples/, print the comparison report
	$(RUN)/claimdiff demo samples

local: $(STAMP) ## run the local stack until Ctrl-C
	$(RUN)/claimdiff local

test: $(STAMP) ## unit, integration and end-to-end tests
	$(RUN)/pytest -n 2 --dist loadfile -q

# checkov lives in its own environment, made on first use: its many dependencies stay out of the project's.
CHECKOV_VENV := .venv-checkov
CHECKOV := $(CHECKOV_VENV)/bin/checkov

$(CHECKOV):
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet "checkov==3.3.30"

lint: $(STAMP) $(CHECKOV) ## ruff, mypy, cfn-lint, checkov (each skipped check is justified in the template)
	$(RUN)/ruff check .
	$(RUN)/ruff format --check .
	$(RUN)/mypy
	$(RUN)/cfn-lint template.yaml
	$(CHECKOV) -f template.yaml --compact --quiet --skip-download

eval: $(STAMP) ## quality figures on the development data and the gold set
	$(RUN)/python scripts/eval.py --data $(DATA)

bench: $(STAMP) ## throughput figures
	$(RUN)/python scripts/bench.py --data $(DATA)

fit: $(STAMP) ## refit the matcher's weights from the training splits
	$(RUN)/python -m scripts.fit_matcher --data $(DATA)

build: $(STAMP) ## sam build (needs the SAM CLI)
	sam build

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .ruff_cache .mypy_cache .aws-sam
