# Every target sets up what it needs: QGIS from the distribution, the venv, pinned packages, translations.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PLUGIN := wip_qgis_plugin
TS := $(wildcard $(PLUGIN)/resources/i18n/*.ts)
QM := $(TS:.ts=.qm)
SOURCES := $(shell find $(PLUGIN) -name '*.py' -o -name '*.ui')
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup test demo package docs lint translations update-translations bench clean

setup: $(VENV)/.ready $(QM)

$(VENV)/.ready: requirements.txt requirements-dev.txt tools/setup_env.sh
	tools/setup_env.sh $(VENV)
	touch $@

$(PLUGIN)/resources/i18n/%.qm: $(PLUGIN)/resources/i18n/%.ts $(VENV)/.ready
	lrelease -silent $< -qm $@

translations: $(QM)

# Re-extract the translatable strings into the .ts sources (keeps existing translations).
update-translations: $(VENV)/.ready
	$(PY) -m tools.i18n_extract $(PLUGIN) $(TS)

# pytest exits 5 when it collected nothing: an empty run proves nothing, so it fails with a clear message.
# Then the QGIS-free core on the other Pythons and library generations QGIS installations bring.
test: setup docs
	$(PY) -m pytest -p no:cacheprovider tests; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; fi; [ $$status -eq 0 ] || exit $$status
	tools/test_core_pythons.sh

demo: setup
	$(PY) -m tools.run_demo --out demo-output

# The manual, German and English, into $(PLUGIN)/help/ (shipped in the zip, opened by the help buttons).
docs: setup
	$(PY) -m tools.docs

package: setup docs
	$(PY) -m tools.package --out $(PLUGIN).zip

lint: setup
	$(PY) -m ruff check $(PLUGIN) tests tools bench

bench: setup
	for script in bench/bench_*.py; do $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) $(VENV)-qt6 $(VENV)-xplan-tools $(VENV)-py* demo-output $(PLUGIN).zip $(PLUGIN)/help $(QM) .pytest_cache .ruff_cache
	find . -name __pycache__ -prune -exec rm -rf {} +
