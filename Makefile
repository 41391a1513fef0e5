# Two commands for a fresh machine with Python 3 and make: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEPS := pyproject.toml constraints.txt
# axe-core (npm) for the accessibility test, beside the virtual environment's packages.
AXE_VERSION := 4.10.3
AXE := $(VENV)/axe/.installed-$(AXE_VERSION)

.PHONY: build test fuzz check bench browser print clean screenshots

build: $(VENV)/.installed print
	$(BIN)/pressgen build

check: $(VENV)/.installed print
	$(BIN)/pressgen check
	$(BIN)/pressgen build --check

# On every core (pytest-xdist): the suite is mostly real builds in child processes.
test: $(VENV)/.installed-test browser print $(AXE)
	$(BIN)/python -m pytest -n auto

# Distinct generated projects of 100 and 1,000 milestones; BENCH_ARGS=--large adds 10,000,
# BENCH_ARGS="--sizes 100 --runs 3" is a quick look. Pelican and MkDocs go in benchmarks/.venv-peers.
BENCH_ARGS ?=
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# The preview's pictures in docs/guide.md, taken with headless Chromium into docs/images/.
screenshots: $(VENV)/.installed browser print
	@command -v pdftoppm >/dev/null || $(MAKE) --no-print-directory system-packages PACKAGES="poppler-utils"
	$(BIN)/python docs/screenshots.py

# Thousands of generated inputs through the whole pipeline (a few in `make test`, fixed seed).
# A failure is kept in .hypothesis/ and tried first next time; make it a case of tests/corpus/.
fuzz: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest tests/fuzz -p no:cacheprovider

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Runtime dependencies only: what `pressgen build` needs.
$(VENV)/.installed: $(BIN)/python $(DEPS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[serve]'
	touch $@

# Plus the test tools; PyICU compiles against the system's ICU (libicu-dev, pkg-config).
$(VENV)/.installed-test: $(VENV)/.installed
	@command -v pkg-config >/dev/null && pkg-config --exists icu-i18n || $(MAKE) --no-print-directory system-packages PACKAGES="libicu-dev pkg-config"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[serve,test]'
	touch $@

# The PDF: WeasyPrint lays out with Pango, in the fonts the print template names (Liberation,
# metric-compatible with Times and Arial); the same fonts on every machine give the same bytes.
# It embeds them cut down by HarfBuzz's subsetter when libharfbuzz-subset is there and by
# fontTools otherwise, which writes other bytes: so it is always installed (Chromium pulls it in too).
print:
	@fc-list 2>/dev/null | grep -q LiberationSerif && ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 && ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || $(MAKE) --no-print-directory system-packages PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fontconfig"

# The accessibility test runs axe-core, the npm package, in that Chromium (WCAG 2.1 AA).
$(AXE): $(BIN)/python
	@command -v npm >/dev/null || $(MAKE) --no-print-directory system-packages PACKAGES="npm"
	npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix $(VENV)/axe axe-core@$(AXE_VERSION)
	touch $@

# The browser tests drive Debian's Chromium through its chromedriver.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || $(MAKE) --no-print-directory system-packages PACKAGES="chromium chromium-driver"

system-packages:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	echo "Installing $(PACKAGES) with apt-get"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(PACKAGES) >/dev/null

clean:
	rm -rf $(VENV)
