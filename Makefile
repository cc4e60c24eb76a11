# Setup, build and test commands. `make site` builds the briefing site from seeds/; `make test` runs every test.
# Both install what they need into .venv on first use and are quick afterwards.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
CHROMIUM := /usr/bin/chromium
WORDNET := /usr/share/wordnet/data.verb
AXE := node_modules/axe-core/axe.min.js
PYTEST_ARGS ?=
BENCH_ARGS ?=

# Playwright drives Debian's Chromium (/usr/bin/chromium); it must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Stamps live inside the venv, so deleting .venv resets them.
INSTALL_STAMP := $(VENV)/.stamp-install
TEST_STAMP := $(VENV)/.stamp-test

# $(call apt_install,PACKAGE,OPTIONS,WHO NEEDS IT,WHAT IS MISSING): one Debian package with apt-get, as root or
# through sudo, saying what it installs and why; a shell fragment for a recipe line (no commas in the arguments).
define apt_install
if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
else echo "Error: $(4) is missing and this user can neither run apt-get (not root) nor sudo. Install Debian's $(1) package (apt-get install $(strip $(2) $(1))) and run make again." >&2; exit 1; fi; \
echo "$(3) $(4); it is missing: installing Debian's $(1) package (apt-get update; apt-get install $(strip $(2) $(1)))."; \
$$sudo apt-get update && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y $(strip $(2) $(1)) || { \
  echo "Error: could not install Debian's $(1) package with apt-get; $(3) $(4)." >&2; exit 1; }
endef

.PHONY: site test bench golden chromium wordnet install clean distclean

site: $(INSTALL_STAMP)
	@$(MAKE) --no-print-directory wordnet || echo "Warning: building without WordNet: the timeline merges only reports of the same event word and quotes are grouped without near synonyms (install Debian's wordnet-base for near synonyms such as quake/earthquake, urgent/pressing)." >&2
	$(PY) -m generator build

test: $(TEST_STAMP) chromium wordnet $(AXE)
	$(PY) -m pytest $(PYTEST_ARGS)

# Every benchmark; they read ../shared/eval (see benchmarks/README.md). BENCH_ARGS go to build.py.
bench: $(INSTALL_STAMP)
	$(PIP) install -c constraints.txt -e '.[bench]'
	$(PY) benchmarks/people.py
	$(PY) benchmarks/quotes.py
	$(PY) benchmarks/html_pages.py --build
	$(PY) benchmarks/grouping.py
	$(PY) benchmarks/events.py
	$(PY) -m benchmarks.dates
	$(PY) benchmarks/screening.py
	$(PY) benchmarks/story.py
	$(PY) benchmarks/build.py $(BENCH_ARGS)

golden: $(TEST_STAMP)
	UPDATE_GOLDEN=1 $(PY) -m pytest tests/test_golden.py

install: $(INSTALL_STAMP)
	@$(MAKE) --no-print-directory wordnet || echo "Warning: WordNet not installed (see make site)." >&2

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALL_STAMP): pyproject.toml constraints.txt | $(VENV)/bin/python
	$(PIP) install -c constraints.txt -e .
	touch $@

$(TEST_STAMP): pyproject.toml constraints.txt $(INSTALL_STAMP)
	$(PIP) install -c constraints.txt -e '.[test]'
	touch $@

# axe-core (npm, version pinned in package.json and package-lock.json) for the accessibility browser test;
# installed into the project's node_modules/, nothing is downloaded while the tests run.
$(AXE): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { $(call apt_install,npm,,axe-core needs,npm); }
	npm ci --no-audit --no-fund
	touch $@

# Debian's chromium package for the browser tests; installed once when missing, without the packages it
# merely recommends (a plain install pulls in ~115 more, a systemd upgrade among them).
chromium:
	@if [ ! -x $(CHROMIUM) ]; then $(call apt_install,chromium,--no-install-recommends,the browser tests need,$(CHROMIUM)); \
	  test -x $(CHROMIUM) || { echo "Error: apt-get installed chromium but $(CHROMIUM) is still missing." >&2; exit 1; }; \
	fi

# Debian's wordnet-base package (Princeton WordNet 3.0, read by generator/link/wordnet.py: which event words are
# near synonyms on the timeline, which words of two quotes are near synonyms by their definitions); installed once
# when missing.
wordnet:
	@if [ ! -f $(WORDNET) ]; then $(call apt_install,wordnet-base,--no-install-recommends,the timeline needs,$(WORDNET)); fi

clean:
	rm -rf site tests/artifacts .pytest_cache *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) node_modules
