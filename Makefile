# Two entry points: `make run` starts the dashboard, `make test` runs every check.
# Each sets itself up from python3 alone: a pinned uv in .tools/, then the locked env in .venv/.
PY ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
STAMP := $(VENV)/.synced
PORT ?= 8501
export UV_PYTHON_DOWNLOADS := never

.PHONY: run test lint unit e2e bench validate export clean

$(UV):
	$(PY) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --python $(PY)
	touch $@

run: $(STAMP)
	$(VENV)/bin/streamlit run app.py --server.port $(PORT)

test: lint unit

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/python -m dashboard validate

# pytest exits 5 when it collects nothing, which make treats as failure.
unit: $(STAMP)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Only the end-to-end tests (headless Chromium against served apps); `make unit` runs them too.
# Screenshots of failures and the servers' logs land in test-artifacts/.
e2e: $(STAMP)
	$(VENV)/bin/pytest -m e2e $(PYTEST_ARGS)

validate: $(STAMP)
	$(VENV)/bin/python -m dashboard validate

clean:
	rm -rf $(TOOLS) $(VENV) .pytest_cache .mypy_cache .ruff_cache

# The briefing exports' timings against baselines (printed, never asserted).
bench: $(STAMP)
	$(VENV)/bin/python bench/bench_briefing.py

# The briefing deck or handout, e.g. make export ARGS="--lang en --out briefing.pptx"
export: $(STAMP)
	$(VENV)/bin/python -m dashboard export $(ARGS)
