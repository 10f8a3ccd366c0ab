# Theia QGIS plugin — every target installs what it needs (idempotent).
# QGIS 3.22 from Debian runs under /usr/bin/python3: the venv is made from it with
# --system-site-packages so qgis, osgeo, rasterio and numpy come from Debian.

SHELL := /bin/bash
SYSTEM_PYTHON := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP_APT := $(VENV)/.stamp-apt
STAMP_PIP := $(VENV)/.stamp-pip
BUILD := build
PLUGIN := theia_plugin
VERSION = $(shell sed -n 's/^version=//p' metadata.txt)
ZIP = $(BUILD)/theia-$(VERSION).zip
QGIS_ENV := QT_QPA_PLATFORM=offscreen PYTHONPATH=$(CURDIR):/usr/share/qgis/python/plugins
PYTEST_ARGS ?=

.PHONY: help setup test demo package qgis bench lint translations screenshots stac-server pygeoapi-server services clean

help:
	@echo "make demo     run the plugin headless on generated sample data (writes build/demo/*.png)"
	@echo "make test     run the whole test suite"
	@echo "make package  build the installable plugin zip in $(BUILD)/"
	@echo "make qgis     launch QGIS with the plugin linked into a development profile"
	@echo "make bench    run the benchmarks"
	@echo "make lint     ruff"
	@echo "make screenshots  docs/screenshots/*.png from the real QGIS window (Xvfb)"

$(STAMP_APT): scripts/install-system-deps.sh
	./scripts/install-system-deps.sh
	[ -x $(PY) ] || $(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	touch $@

$(STAMP_PIP): $(STAMP_APT) requirements/dev.txt requirements/bundled.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

setup: $(STAMP_PIP) translations stac-server pygeoapi-server

# The local STAC API for tests (PostgreSQL + PostGIS + pgstac + stac-fastapi-pgstac, own venv).
stac-server:
	./scripts/install-stac-server.sh

# The pygeoapi server of the DSM-OPT interoperability test (own venv).
pygeoapi-server:
	./scripts/install-pygeoapi.sh

# Starts the local services (STAC API, DSM-OPT) in the foreground (Ctrl-C stops them).
services: setup
	PYTHONPATH=$(CURDIR) $(PY) -m tests.servers

translations: $(STAMP_APT)
	./scripts/build-translations.sh

# tests/unit run in a process without QGIS (pytest-qgis disabled): core and net must work there.
test: setup
	$(QGIS_ENV) $(PY) -m pytest tests/unit -p no:pytest_qgis -W ignore::pytest.PytestConfigWarning $(PYTEST_ARGS)
	$(QGIS_ENV) $(PY) -m pytest tests/qgis tests/integration $(PYTEST_ARGS)

demo: setup
	$(QGIS_ENV) $(PY) scripts/demo.py --output $(BUILD)/demo

package: setup
	$(PY) scripts/package.py --output $(BUILD)

qgis: setup
	$(PY) scripts/run_qgis.py

bench: setup
	./scripts/install-bench-deps.sh
	$(QGIS_ENV) $(PY) -m bench

screenshots: setup
	./scripts/screenshots.sh

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

clean:
	rm -rf $(BUILD) .pytest_cache
