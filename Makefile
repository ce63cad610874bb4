# engage — run `make help` to see every target.

GO        ?= go
BIN       := bin/engage
TOOLS     := $(CURDIR)/.tools
NODE_DIR  := $(TOOLS)/node
FUZZTIME  ?= 30s
# Packages that must not depend on the CLI or styling libraries.
DOMAIN    := ./pkg/calendar ./pkg/closest ./pkg/coverage ./pkg/finding ./pkg/framework ./pkg/pointer \
             ./pkg/icb ./pkg/render ./pkg/schema ./pkg/strategy ./pkg/validate

.DEFAULT_GOAL := help
.PHONY: help build test unit check-deps check-schema bench fuzz lint fmt docs clean

help: ## show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## build bin/engage
	$(GO) build -o $(BIN) ./cmd/engage

test: unit check-deps check-schema ## run every test: vet, unit and end-to-end tests (race detector on), layering, and the schema checked by ajv
	@echo "make test: all checks passed"

unit: ## go vet, then all Go tests with the race detector
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

check-deps: ## fail if a domain package depends on cobra or lipgloss
	@bad=$$($(GO) list -deps $(DOMAIN) | grep -E 'spf13/cobra|charmbracelet/lipgloss' || true); \
	if [ -n "$$bad" ]; then echo "domain packages depend on: $$bad"; exit 1; fi; \
	echo "check-deps: domain packages are free of cobra and lipgloss"

check-schema: $(NODE_DIR)/node_modules/.bin/ajv ## validate the shipped strategies with ajv (an independent JSON Schema validator)
	@PATH="$(NODE_DIR)/node_modules/.bin:$$PATH" ./scripts/check-schema.sh

$(NODE_DIR)/node_modules/.bin/ajv:
	@mkdir -p $(NODE_DIR)
	cd $(NODE_DIR) && npm install --no-audit --no-fund --silent ajv-cli@5 ajv-formats@3 yaml@2 >/dev/null

bench: ## run the Go benchmarks
	$(GO) test -run '^$$' -bench . -benchmem ./...

fuzz: ## fuzz the loader and validator, FUZZTIME each (default 30s)
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./pkg/strategy
	$(GO) test -run '^$$' -fuzz '^FuzzValidate$$' -fuzztime $(FUZZTIME) ./pkg/validate

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
