# The README's two commands: `make run` and `make test`. Everything goes into .venv/.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: run test lock notebooks notebooks-check clean-cache

# Install everything (hash-locked) and run the main job on the seed articles: the frames in
# out/ and the HTML reports in reports/ (open reports/index.html).
run: $(VENV)/.run-deps
	$(BIN)/newsbench analyze seeds/ --out out/
	$(BIN)/newsbench report seeds/ --store out/ --out reports/

# Install the test extras too, and run the tests.
test: $(VENV)/.test-deps
	$(BIN)/python -m pytest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-deps: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/newsbench kernel install --sys-prefix  # the kernel the notebooks name, in .venv
	touch $@

$(VENV)/.test-deps: requirements-test.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/newsbench kernel install --sys-prefix  # the kernel the notebooks name, in .venv
	touch $@

# Regenerate notebooks/ from tools/notebooks/ and the parameter registry (lib/newsbench/params.py);
# notebooks-check fails when a notebook differs from its spec.
notebooks: $(VENV)/.run-deps
	$(BIN)/python tools/make_notebooks.py

notebooks-check: $(VENV)/.run-deps
	$(BIN)/python tools/make_notebooks.py --check

# Re-pin after changing pyproject.toml's dependencies (needs pip-tools).
lock:
	pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links --extra test --extra dask -o requirements-test.lock pyproject.toml

clean-cache:
	rm -rf .cache/newsbench
