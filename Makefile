# perfxl — fresh machine: `make demo` or `make test` (each creates .venv from nothing)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
EXAMPLES := workbooks/examples
OUT    ?= out

.PHONY: venv demo test template examples addin clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m perfxl.demo $(EXAMPLES) $(OUT)

test: $(STAMP)
	$(PY) -m pytest

template: $(STAMP)
	$(PY) -m perfxl template -o workbooks/perfxl-template.xlsx --force

examples: $(STAMP)
	$(PY) tools/make_examples.py

addin: $(STAMP)
	$(PY) -m perfxl addin build -o $(OUT)/perfxl.xlam

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
