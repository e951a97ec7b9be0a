# One command each on a fresh machine: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The checkout is the collection; ansible finds it through this path.
COLLECTIONS := .build/collections
LINK := $(COLLECTIONS)/ansible_collections/domainops/registrar

.PHONY: venv dev demo test test-newest unit units integration sanity lint ruff bench sandbox-autodns sandbox-ascio clean

$(BIN)/activate: requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $(BIN)/activate

$(LINK):
	mkdir -p $(dir $(LINK))
	ln -sfn $(CURDIR) $(LINK)

venv: $(BIN)/activate $(LINK)

# Test-only tools (ansible-lint, antsibull-changelog, ansible-builder): see requirements-dev.txt.
DEV := $(VENV)/.requirements-dev
$(DEV): requirements-dev.txt requirements-test.txt requirements.txt $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(DEV)

dev: venv $(DEV)

demo: venv
	$(BIN)/python -m sandbox.demo

# pytest workers (pytest-xdist): the playbook tests mostly wait on sandboxes' job delays and on
# ansible-playbook starts, so 4 workers overlap them on 2 cores (26.5 min -> 8.5 min). Every test
# starts its own sandboxes on free ports, and locks and rate limits are per endpoint: tests share
# nothing. PYTEST_WORKERS=0 runs them in one process.
PYTEST_WORKERS ?= 4

# Every check runs even when an earlier one fails; pytest comes last so its summary closes the output.
test: dev
	@status=0; \
	$(MAKE) --no-print-directory sanity || status=1; \
	$(MAKE) --no-print-directory units || status=1; \
	$(MAKE) --no-print-directory lint || status=1; \
	$(MAKE) --no-print-directory test-newest || status=1; \
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) tests || status=1; \
	exit $$status

# The newest controller: Python 3.13 (else 3.12) with the newest ansible-core on PyPI, in a
# second venv, for the unit tests and a short integration subset (README: tested versions).
# A pyenv shim is only taken when it runs; NEWEST_PYTHON=/path/to/python overrides the search.
NEWEST_VENV := .venv-newest
NEWEST_PYTHON ?=
NEWEST_SUBSET := tests/integration/test_examples.py::test_examples_run_as_written_in_check_mode \
	tests/integration/test_roles.py::test_portfolio_converges_reports_and_changes_nothing_on_a_rerun \
	tests/integration/test_roles.py::test_a_missing_required_variable_fails_the_argument_spec_before_any_request
$(NEWEST_VENV)/.installed: requirements.txt requirements-test.txt
	@py="$(NEWEST_PYTHON)"; \
	if [ -z "$$py" ]; then \
	  for candidate in $$(command -v python3.13) $$(ls -d $$HOME/.pyenv/versions/3.13*/bin/python 2>/dev/null) \
	                   $$(command -v python3.12) $$(ls -d $$HOME/.pyenv/versions/3.12*/bin/python 2>/dev/null); do \
	    if "$$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then py=$$candidate; break; fi; \
	  done; \
	fi; \
	if [ -z "$$py" ]; then \
	  echo "make test-newest: no Python 3.13 or 3.12 found (python3.13, python3.12 on PATH, ~/.pyenv/versions/3.13*, 3.12*)." >&2; \
	  echo "Install one (pyenv install 3.13) or name it: make test-newest NEWEST_PYTHON=/path/to/python3.13" >&2; \
	  exit 1; \
	fi; \
	echo "$(NEWEST_VENV): $$("$$py" --version)"; \
	rm -rf $(NEWEST_VENV) && "$$py" -m venv $(NEWEST_VENV)
	$(NEWEST_VENV)/bin/pip install --quiet --upgrade ansible-core -r requirements-test.txt
	touch $@

test-newest: $(NEWEST_VENV)/.installed $(LINK)
	@$(NEWEST_VENV)/bin/python -c 'import sys, ansible; print("test-newest: Python %s, ansible-core %s" % (sys.version.split()[0], ansible.__version__))'
	$(NEWEST_VENV)/bin/python -m pytest -q -p no:cacheprovider tests/unit $(NEWEST_SUBSET)

unit: venv
	$(BIN)/python -m pytest tests/unit tests/sandbox

integration: dev
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) tests/integration

# ansible-test sanity on a copy of the collection (see tools/sanity.py); options via SANITY_ARGS.
sanity: venv
	$(BIN)/python tools/sanity.py $(SANITY_ARGS)

# ansible-test units on a copy of the collection, in ansible-test's own venv (see tools/units.py);
# options via UNITS_ARGS, e.g. UNITS_ARGS=tests/unit/test_lock.py.
units: venv
	$(BIN)/python tools/units.py $(UNITS_ARGS)

# ruff check with ruff.toml: the Python code style of ansible-test sanity, and Python 3.9 idioms.
ruff: dev
	$(BIN)/ruff check .

# ruff, ansible-lint (production profile) on roles/ and playbooks/, and the changelog fragments.
lint: dev ruff
	PATH="$(CURDIR)/$(BIN):$$PATH" ANSIBLE_COLLECTIONS_PATH="$(CURDIR)/$(COLLECTIONS)" $(BIN)/ansible-lint
	$(BIN)/antsibull-changelog lint
	$(BIN)/antsibull-changelog lint-changelog-yaml changelogs/changelog.yaml

# Figures, not pass/fail: ratios against a baseline run in the same process.
bench: venv
	$(BIN)/python benchmarks/bench_ascio_client.py
	$(BIN)/python benchmarks/bench_ascio_bulk.py 2>/dev/null
	$(BIN)/python benchmarks/bench_sandbox_round_trip.py 2>/dev/null
	$(BIN)/python benchmarks/bench_autodns_bulk.py 2>/dev/null
	$(BIN)/python benchmarks/bench_portfolio.py 2>/dev/null
	$(BIN)/python benchmarks/bench_role_templates.py

sandbox-autodns: venv
	$(BIN)/python -m sandbox.autodns --port 8443 --seed sandbox/seeds/autodns.yml

sandbox-ascio: venv
	$(BIN)/python -m sandbox.ascio --port 8444 --seed sandbox/seeds/ascio.yml

clean:
	rm -rf $(VENV) $(NEWEST_VENV) .build .pytest_cache
