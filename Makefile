# One command each on a fresh machine: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The checkout is the collection; ansible finds it through this path.
COLLECTIONS := .build/collections
LINK := $(COLLECTIONS)/ansible_collections/domainops/registrar

.PHONY: venv demo test unit integration bench sandbox-autodns sandbox-ascio clean

$(BIN)/activate: requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $(BIN)/activate

$(LINK):
	mkdir -p $(dir $(LINK))
	ln -sfn $(CURDIR) $(LINK)

venv: $(BIN)/activate $(LINK)

demo: venv
	$(BIN)/python -m sandbox.demo

test: venv
	$(BIN)/python -m pytest tests

unit: venv
	$(BIN)/python -m pytest tests/unit tests/sandbox

integration: venv
	$(BIN)/python -m pytest tests/integration

# Figures, not pass/fail: ratios against a baseline run in the same process.
bench: venv
	$(BIN)/python benchmarks/bench_ascio_client.py

sandbox-autodns: venv
	$(BIN)/python -m sandbox.autodns --port 8443 --seed sandbox/seeds/autodns.yml

sandbox-ascio: venv
	$(BIN)/python -m sandbox.ascio --port 8444 --seed sandbox/seeds/ascio.yml

clean:
	rm -rf $(VENV) .build .pytest_cache
