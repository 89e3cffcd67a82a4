# The README's two commands: `make run` and `make test`. Both set up everything first.
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
RUNTIME := $(VENV)/.runtime

.PHONY: run test lint browser nginx poppler lock

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# The CPU build of torch first: a newer or unpinned torch would pull a multi-GB CUDA build.
	$(PY) -m pip install --quiet "torch==2.13.0"

# requirements.lock: the exact versions the tests ran on (for an audit such as pip-audit,
# run where the internet is); `make lock` records the versions installed now.
# What running needs, without the test tools.
$(RUNTIME): pyproject.toml requirements.lock | $(PY)
	$(PY) -m pip install --quiet -e . -c requirements.lock
	touch $@

# The tests and the developer's tools: the test extras, and what fine-tuning the encoder reads.
$(INSTALLED): pyproject.toml requirements.lock | $(PY)
	$(PY) -m pip install --quiet -e ".[test,reader-training]" -c requirements.lock
	touch $@

lock: $(INSTALLED)
	$(PY) -m pip freeze --exclude-editable > requirements.lock

run: $(RUNTIME)
	$(VENV)/bin/therapy-app run

browser:
	@command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)

# The clinic's front (tests/deploy runs the README's loopback lines with it).
nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || (apt-get update -q && apt-get install -y -q nginx)

# pdftoppm: the review journey's browser test renders the therapist's PDF report to look at.
poppler:
	@command -v pdftoppm >/dev/null || (apt-get update -q && apt-get install -y -q poppler-utils)

lint: $(INSTALLED)
	$(VENV)/bin/ruff check therapy_app tests
	$(VENV)/bin/ruff format --check therapy_app tests

test: $(INSTALLED) browser nginx poppler lint
	$(PY) -m pytest
