#!/usr/bin/env bash
# Runs engage validate for the GitHub Action: the validate step of
# action.yml, which sets these from the action's inputs:
#   ENGAGE             the engage binary (install.sh's output; default: engage on the PATH)
#   ENGAGE_PATHS       files or folders, one per line (may hold spaces)
#   ENGAGE_FORMATS     FORMAT[=FILE] per line (default github: annotations)
#   ENGAGE_FAIL_ON     error, warning or info, or empty for .engage.yaml's fail_on
#   ENGAGE_SARIF       true: also write ENGAGE_SARIF_FILE (default engage.sarif)
#   ENGAGE_SUMMARY     true: also write the Markdown summary to $GITHUB_STEP_SUMMARY
# It exits with engage's exit code: 0 nothing at the fail level, 1 findings
# at the fail level, 2 engage could not run.
set -uo pipefail

engage=${ENGAGE:-engage}
if command -v cygpath >/dev/null && [[ $engage == *\\* ]]; then engage=$(cygpath -u "$engage"); fi

lines() { # lines TEXT: its non-blank lines, trimmed, one a line
	printf '%s\n' "$1" | tr -d '\r' | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' | grep -v '^$' || true
}

args=(validate)
while IFS= read -r f; do args+=(-f "$f"); done < <(lines "${ENGAGE_FORMATS-github}")
sarif=""
if [ "${ENGAGE_SARIF:-false}" = true ]; then
	sarif=${ENGAGE_SARIF_FILE:-engage.sarif}
	args+=(-f "sarif=$sarif")
fi
if [ "${ENGAGE_SUMMARY:-false}" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	args+=(-f "markdown=$GITHUB_STEP_SUMMARY")
fi
if [ -n "${ENGAGE_FAIL_ON:-}" ]; then args+=(--fail-on "$ENGAGE_FAIL_ON"); fi
args+=(--)
while IFS= read -r p; do args+=("$p"); done < <(lines "${ENGAGE_PATHS:-}")

"$engage" "${args[@]}"
code=$?
if [ -n "$sarif" ] && [ -f "$sarif" ] && [ -n "${GITHUB_OUTPUT:-}" ]; then
	echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"
fi
exit "$code"
