# One command each on a fresh machine: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The checkout is the collection; ansible finds it through this path.
COLLECTIONS := .build/collections
LINK := $(COLLECTIONS)/ansible_collections/domainops/registrar

.PHONY: venv dev demo test unit integration sanity lint bench sandbox-autodns sandbox-ascio clean

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

# Every check runs even when an earlier one fails; pytest comes last so its summary closes the output.
test: dev
	@status=0; \
	$(MAKE) --no-print-directory sanity || status=1; \
	$(MAKE) --no-print-directory lint || status=1; \
	$(BIN)/python -m pytest tests || status=1; \
	exit $$status

unit: venv
	$(BIN)/python -m pytest tests/unit tests/sandbox

integration: dev
	$(BIN)/python -m pytest tests/integration

# ansible-test sanity on a copy of the collection (see tools/sanity.py); options via SANITY_ARGS.
sanity: venv
	$(BIN)/python tools/sanity.py $(SANITY_ARGS)

# ansible-lint (production profile) on roles/ and playbooks/, and the changelog fragments.
lint: dev
	PATH="$(CURDIR)/$(BIN):$$PATH" ANSIBLE_COLLECTIONS_PATH="$(CURDIR)/$(COLLECTIONS)" $(BIN)/ansible-lint
	$(BIN)/antsibull-changelog lint
	$(BIN)/antsibull-changelog lint-changelog-yaml changelogs/changelog.yaml

# Figures, not pass/fail: ratios against a baseline run in the same process.
bench: venv
	$(BIN)/python benchmarks/bench_ascio_client.py
	$(BIN)/python benchmarks/bench_sandbox_round_trip.py 2>/dev/null

sandbox-autodns: venv
	$(BIN)/python -m sandbox.autodns --port 8443 --seed sandbox/seeds/autodns.yml

sandbox-ascio: venv
	$(BIN)/python -m sandbox.ascio --port 8444 --seed sandbox/seeds/ascio.yml

clean:
	rm -rf $(VENV) .build .pytest_cache
