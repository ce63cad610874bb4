#!/usr/bin/env bash
# Validate every shipped strategy and example with ajv, an independent JSON
# Schema (draft 2020-12) validator, against schemas/strategy.schema.json, and
# check that ajv rejects a known-bad file. ajv reads YAML as YAML 1.1, which
# turns dates into timestamps, so each file is first converted to JSON with
# the yaml@2 CLI (YAML 1.2: dates stay text, as engage reads them).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

schema=schemas/strategy.schema.json
files=(strategies/*.yaml examples/minimal.yaml)
for f in "${files[@]}"; do
  out="$tmp/$(echo "$f" | tr / _).json"
  yaml --json --single < "$f" > "$out"
  ajv validate --spec=draft2020 --strict=false --errors=text -c ajv-formats -s "$schema" -d "$out" >/dev/null \
    || { echo "check-schema: ajv rejects $f"; ajv validate --spec=draft2020 --strict=false --errors=text -c ajv-formats -s "$schema" -d "$out"; exit 1; }
done

# A file engage rejects must be rejected by ajv too.
sed 's/status: in-progress/status: donee/' strategies/lsc.yaml | yaml --json --single > "$tmp/bad.json"
if ajv validate --spec=draft2020 --strict=false -c ajv-formats -s "$schema" -d "$tmp/bad.json" >/dev/null 2>&1; then
  echo "check-schema: ajv accepted a strategy with status: donee"; exit 1
fi
echo "check-schema: ajv accepts ${#files[@]} shipped files and rejects a bad one"
