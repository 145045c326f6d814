# Two commands: `make run` builds the graph of the bundled page; `make test` runs the tests.
# Both create the virtual environment .venv first when it is missing or out of date.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test browser

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/kg build

# The browser test drives Debian's chromium (never a downloaded browser) and needs a Chinese font;
# install both when they are missing and we are root (CI is). Does nothing when they are there.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei"; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      chromium fonts-wqy-microhei >/dev/null; \
	  else \
	    echo "note: apt-get install chromium fonts-wqy-microhei (as root) to run the browser test"; \
	  fi; \
	fi

test: $(VENV)/.installed browser
	$(PY) -m pytest
