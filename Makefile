# engage — run `make help` to see every target.

GO        ?= go
BIN       := bin/engage
TOOLS     := $(CURDIR)/.tools
NODE_DIR  := $(TOOLS)/node
FUZZTIME  ?= 30s
# Packages that must not depend on the CLI or styling libraries.
DOMAIN    := ./pkg/atomicfile ./pkg/calendar ./pkg/closest ./pkg/config ./pkg/coverage ./pkg/diff \
             ./pkg/finding ./pkg/framework ./pkg/gitrev ./pkg/history ./pkg/icb ./pkg/pointer \
             ./pkg/render ./pkg/scaffold ./pkg/schema ./pkg/status ./pkg/edit ./pkg/strategy ./pkg/validate

.DEFAULT_GOAL := help
.PHONY: help build test unit check-deps check-agreement bench fuzz lint fmt docs clean

help: ## show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## build bin/engage
	$(GO) build -o $(BIN) ./cmd/engage

test: unit check-deps check-agreement ## run every test: vet, unit and end-to-end tests (race detector on), layering, and the editor/CLI agreement test
	@echo "make test: all checks passed"

unit: ## go vet, then all Go tests with the race detector
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

check-deps: ## fail if a domain package depends on cobra or lipgloss
	@bad=$$($(GO) list -deps $(DOMAIN) | grep -E 'spf13/cobra|charmbracelet/lipgloss' || true); \
	if [ -n "$$bad" ]; then echo "domain packages depend on: $$bad"; exit 1; fi; \
	echo "check-deps: domain packages are free of cobra and lipgloss"

# The same verdict from engage, ajv and yaml-language-server (what VS Code
# runs) on every shipped file and the fixtures in testdata/agreement.
AGREEMENT_FILES := strategies/*.yaml examples/minimal.yaml testdata/agreement/valid/*.yaml testdata/agreement/invalid/*.yaml
NODE_PACKAGES   := ajv@8.17.1 ajv-formats@3.0.1 yaml@2.8.1 yaml-language-server@1.25.0

check-agreement: build $(NODE_DIR)/installed ## engage, ajv and yaml-language-server agree on every shipped file and fixture
	NODE_TOOLS=$(NODE_DIR)/node_modules node scripts/agreement.mjs $(BIN) $(AGREEMENT_FILES)

$(NODE_DIR)/installed:
	@command -v npm >/dev/null || { echo "check-agreement needs Node.js and npm to install ajv and yaml-language-server"; exit 1; }
	@mkdir -p $(NODE_DIR)
	cd $(NODE_DIR) && npm install --no-audit --no-fund --silent $(NODE_PACKAGES) >/dev/null \
		|| { echo "check-agreement: npm could not install $(NODE_PACKAGES) (is the npm registry reachable?)"; exit 1; }
	@echo "$(NODE_PACKAGES)" > $@

bench: ## run the Go benchmarks
	$(GO) test -run '^$$' -bench . -benchmem ./...

fuzz: ## fuzz the loader, the validator, history's chunked reader and the in-place editor, FUZZTIME each (default 30s)
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./pkg/strategy
	$(GO) test -run '^$$' -fuzz '^FuzzValidate$$' -fuzztime $(FUZZTIME) ./pkg/validate
	$(GO) test -run '^$$' -fuzz '^FuzzChunks$$' -fuzztime $(FUZZTIME) ./pkg/history
	$(GO) test -run '^$$' -fuzz '^FuzzSetStatus$$' -fuzztime $(FUZZTIME) ./pkg/status

lint: ## go vet and golangci-lint
	$(GO) vet ./...
	@test -x $(TOOLS)/bin/golangci-lint || GOBIN=$(TOOLS)/bin $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0
	$(TOOLS)/bin/golangci-lint run ./...

fmt: ## format the Go code
	gofmt -w $$(git ls-files '*.go')

docs: ## regenerate docs/cli/ from the command tree
	$(GO) test ./pkg/cmd/root -run TestCLIReference -update

clean: ## remove built files and installed tools
	rm -rf bin $(TOOLS)
