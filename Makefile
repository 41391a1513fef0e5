# Two commands for a fresh machine with Python 3 and make: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEPS := pyproject.toml constraints.txt

.PHONY: build test fuzz check bench browser clean

build: $(VENV)/.installed
	$(BIN)/pressgen build

check: $(VENV)/.installed
	$(BIN)/pressgen check
	$(BIN)/pressgen build --check

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest

# Thousands of generated inputs through the whole pipeline (a few in `make test`, fixed seed).
# A failure is kept in .hypothesis/ and tried first next time; make it a case of tests/corpus/.
fuzz: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest tests/fuzz -p no:cacheprovider

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py

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

# The browser tests drive Debian's Chromium through its chromedriver.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || $(MAKE) --no-print-directory system-packages PACKAGES="chromium chromium-driver"

system-packages:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	echo "Installing $(PACKAGES) with apt-get"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(PACKAGES) >/dev/null

clean:
	rm -rf $(VENV)
