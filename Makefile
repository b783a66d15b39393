# Pantau: `make run` sets up and opens the dashboard on the demo data; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell md5sum requirements.txt 2>/dev/null | cut -c1-8)
PORT ?= 8501
# Folder of GeoJSON boundaries keyed by Kemendagri code (e.g. `make run BATAS=../shared/geo`); empty = data/boundaries
BATAS ?=
export PANTAU_BATAS := $(if $(BATAS),$(abspath $(BATAS)),)

.PHONY: setup data run test test-fast chromium bench load clean-data

setup: $(STAMP)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# Builds the demo dataset on first start (a no-op when a dataset version is already active), and the active
# version's derived tables when it was published before they existed.
data: setup
	$(BIN)/python -c "from pantau.demo import siapkan; v = siapkan(); print('data aktif:', v.id if v else '-')"

run: data
	$(BIN)/streamlit run app.py --server.port $(PORT)

# Browser tests need Debian's chromium: installed here when missing and we are root (as in CI);
# otherwise those tests skip and say why.
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "installing chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core fonts-noto-color-emoji >/dev/null) \
	      || echo "chromium could not be installed: browser tests will be skipped"; \
	  else echo "chromium missing and not root: browser tests will be skipped"; fi; \
	fi

test: setup chromium
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not browser"

# National-scale benchmark against the budgets of design.md §5 (generates bench/data on first use, ~2 min).
bench: setup
	$(BIN)/python bench/run.py

# 10 concurrent sessions against one local server for a bounded time (errors, page-time percentiles, memory);
# ARGS="--klien browser" for Chromium tabs instead of websocket clients.
load: setup
	$(BIN)/python bench/load.py $(ARGS)

clean-data:
	rm -rf data/versions
