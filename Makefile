# Everything a fresh machine needs is installed by these targets (Debian/Ubuntu + Python 3.11).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_STAMP := $(VENV)/.system

.PHONY: example test setup system bench bench-browser clean

example: $(STAMP)  ## parse the bundled example page
	$(BIN)/banmian parse examples/leshan-daily-p1.txt

test: $(STAMP) $(SYSTEM_STAMP)  ## run the whole test suite
	$(BIN)/python -m pytest -q

bench: $(STAMP) $(SYSTEM_STAMP)  ## accuracy and speed benchmarks (needs ../shared)
	$(BIN)/python -m benchmarks.bench_text

bench-browser: $(STAMP) $(SYSTEM_STAMP)  ## pages another hand laid out: Chromium's (needs ../shared)
	$(BIN)/python -m benchmarks.bench_browser

setup: $(STAMP) $(SYSTEM_STAMP)

# Debian packages the tests and the test-page generator use: pdftotext (a real
# extractor to compare with), CJK TrueType fonts reportlab can embed, and
# chromium for the browser tests (Playwright drives it; its own download fails offline);
# libGL and GLib, which OpenCV (pulled in by the OCR extra) loads.
system: $(SYSTEM_STAMP)
$(SYSTEM_STAMP): | $(VENV)
	@if ! command -v pdftotext >/dev/null || [ ! -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] \
	    || [ ! -x /usr/bin/chromium ]; then \
	  if command -v apt-get >/dev/null; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq poppler-utils fonts-wqy-zenhei fonts-arphic-uming chromium libgl1 libglib2.0-0 >/dev/null; \
	  else echo "install poppler-utils and fonts-wqy-zenhei with your package manager"; fi; fi
	@touch $@

$(VENV):
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

clean:
	rm -rf $(VENV) build *.egg-info benchmarks/out test-artifacts
