#!/bin/sh
# Writes engage's shell completions into a folder, for the release archives
# (the before hook of .goreleaser.yaml): engage.bash, _engage (zsh),
# engage.fish and engage.ps1 (PowerShell).
#
#	sh scripts/completions.sh bin/completions
set -eu
out=${1:?usage: completions.sh FOLDER}
rm -rf "$out"
mkdir -p "$out"
go build -o "$out/.engage" ./cmd/engage
"$out/.engage" completion bash >"$out/engage.bash"
"$out/.engage" completion zsh >"$out/_engage"
"$out/.engage" completion fish >"$out/engage.fish"
"$out/.engage" completion powershell >"$out/engage.ps1"
rm "$out/.engage"
