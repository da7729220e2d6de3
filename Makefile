# Lantern: the two set-up commands are `make run` and `make test` (see README.md).
# Both create .venv, install everything (llama-cpp-python is built from source once and
# then comes from pip's wheel cache), fetch and verify the default models, then run.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
MODELS := .models/.fetched
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test setup models lint pytest bench selftest bundle bundle-selftest clean postgres constraints \
        models-build bench-report translations translations-update screenshots

run: setup
	@bash packaging/system-deps.sh $(PY)
	$(PY) -m app

test: setup postgres lint pytest bundle-selftest

setup: $(STAMP) $(MODELS) translations

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip wheel

# llama.cpp is built for this CPU, except its AMX kernels (Xeon Sapphire Rapids and later,
# never a laptop): on such machines they crash at the first matrix product (llama.cpp
# #20824; seen here on 2026-12-06). An explicit -mno-amx-* wins over -march=native.
NO_AMX := $(if $(filter x86_64,$(shell uname -m)),-mno-amx-tile -mno-amx-int8 -mno-amx-bf16)
export CMAKE_ARGS := $(strip $(CMAKE_ARGS) $(if $(NO_AMX),-DCMAKE_C_FLAGS='$(NO_AMX)' -DCMAKE_CXX_FLAGS='$(NO_AMX)'))

# Re-install whenever the declared dependencies or their pinned versions change. A wheel
# that pip's cache kept from a build with AMX kernels is dropped and built again.
CONSTRAINTS := packaging/constraints.txt
$(STAMP): pyproject.toml $(CONSTRAINTS) | $(PY)
	$(PY) -m pip install -q -c $(CONSTRAINTS) -e ".[dev,hub]"
	@if [ -n "$(NO_AMX)" ] && grep -qs "amx repack tensor" \
	     $(VENV)/lib/python*/site-packages/llama_cpp/lib/libggml-cpu*.so; then \
	  echo "llama.cpp came from a cached build with AMX kernels: building it again without"; \
	  $(PY) -m pip cache remove -q llama_cpp_python; \
	  $(PY) -m pip install -q --force-reinstall --no-deps -c $(CONSTRAINTS) llama-cpp-python; \
	fi
	touch $@

# After an upgrade passed `make test`: pin what is installed now.
constraints:
	{ sed -n '/^#/p' $(CONSTRAINTS); $(PY) -m pip freeze --exclude-editable | grep -v '^lantern'; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)

# The registry decides what is fetched; `fetch` skips files that already verify and builds
# a derived model (the default embedder) from its parent by its recipe (assets/models/*.keep).
$(MODELS): assets/models/registry.toml $(wildcard assets/models/*.keep) $(STAMP)
	$(PY) -m inference fetch
	touch $@

models: $(MODELS)

# UI languages (docs/architecture.md, "Languages"): the .ts sources in assets/i18n are
# committed; the .qm files Qt loads are compiled next to them (git-ignored) and bundled.
# `make translations-update` re-extracts every tr()/QT_TRANSLATE_NOOP string from app/ and
# inference/ into the .ts files (new strings arrive untranslated; vanished ones are dropped).
LANGS  := en zh_CN
I18N   := assets/i18n
QM     := $(foreach lang,$(LANGS),$(I18N)/lantern_$(lang).qm)

translations: $(QM)

$(I18N)/%.qm: $(I18N)/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations-update: $(STAMP)
	@for lang in $(LANGS); do \
	  $(VENV)/bin/pyside6-lupdate -extensions py -locations none -no-obsolete \
	    -source-language en -target-language $$lang app inference -ts $(I18N)/lantern_$$lang.ts; \
	done

# The hub's tests run the same suite on a throwaway PostgreSQL cluster (tests/hub), which
# needs the server binaries; Debian's package is installed when they are missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || \
	  { $(SUDO) apt-get install -y -q postgresql || \
	    { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q postgresql; }; }

lint: $(STAMP)
	$(VENV)/bin/ruff check app inference benchmarks tests packaging tools
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

pytest: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

selftest: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m app --self-test

# The PyInstaller one-folder app with the default models inside (docs/install.md).
# Rebuilt when the code, assets, models or spec change.
BUNDLE_DEPS := $(shell find app inference packaging assets -type f -not -path '*/__pycache__/*' 2>/dev/null)
bundle: dist/Lantern/Lantern

dist/Lantern/Lantern: $(BUNDLE_DEPS) $(STAMP) $(MODELS) $(QM)
	@start=$$(date +%s); \
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  packaging/lantern.spec && \
	echo "bundle built in $$(( $$(date +%s) - start )) s: $$(du -sh dist/Lantern | cut -f1) in dist/Lantern/"

# Runs dist/Lantern/Lantern --self-test offscreen from a temporary folder, clean environment.
bundle-selftest: bundle
	bash packaging/bundle_selftest.sh dist/Lantern

# Every screen in English and Simplified Chinese into docs/screens/ (NAME.en.png,
# NAME.zh_CN.png), from the real app on a virtual X screen.
screenshots: setup
	xvfb-run -a -s "-screen 0 1280x860x24" $(PY) -m tools.screenshots


# Every figure; they are merged into docs/benchmarks/results.json and docs/benchmarks.md.
bench: setup $(BUILT)
	$(PY) -m benchmarks --json results.json

# docs/benchmarks.md and its plots, redrawn from the merged results.
bench-report: $(STAMP)
	$(PY) -m benchmarks.report docs/benchmarks/results.json

# Our own embedder: the default embedder's vocabulary pruned to English and Chinese,
# measured against the unpruned parent and gated (docs/models.md). No Torch: it is a graph
# rewrite of a model that is already int8. Passive OpenMP waits: on a small shared CPU,
# spinning threads slow everyone down.
BUILT := build/models/report.json

$(BUILT): $(STAMP) $(MODELS) $(wildcard packaging/models/*.py) inference/vocab_prune.py
	OMP_WAIT_POLICY=PASSIVE $(PY) -m packaging.models build

MODEL_TESTS := $(addprefix tests/packaging/test_,corpus.py evaluate.py vocab.py report.py) \
               tests/inference/test_vocab_prune.py
models-build: $(BUILT)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(MODEL_TESTS) -q

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
