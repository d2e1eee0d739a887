# Bedfellows task runner. `make` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup brief test lint lab notebook validate datadict docs lock clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-9s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required (found " + sys.version.split()[0] + "); set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name bedfellows --display-name "Bedfellows (Python 3.11)" >/dev/null
	touch $(STAMP)

setup: $(STAMP) ## create .venv with the package, dev tools and the Jupyter kernel
	@true

brief: setup ## build the default brief into reports/<name>/latest/
	$(BIN)/brief build

test: setup ## run the whole test suite
	$(BIN)/pytest

lint: setup ## ruff, type checking (mypy), and the import rules (docs/architecture.md)
	$(BIN)/ruff check analysis tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

lab: setup ## open JupyterLab on notebooks/ with the project's kernel
	$(BIN)/jupyter lab notebooks/

notebook: setup ## open Notebook 7 on notebooks/ with the project's kernel
	$(BIN)/jupyter notebook notebooks/

validate: setup ## check the curated tables
	$(BIN)/brief validate

datadict: setup ## regenerate data/README.md from the schemas
	$(BIN)/brief datadict

docs: datadict ## regenerate data/README.md and docs/cli.md (every command's --help)
	$(BIN)/python -m analysis.cli.reference

lock: setup ## refresh requirements.lock from the installed environment
	$(BIN)/pip freeze --exclude-editable | grep -v '^bedfellows' > requirements.lock

clean: ## remove the venv, caches and built reports
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache reports/*/ reports/index.html
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
