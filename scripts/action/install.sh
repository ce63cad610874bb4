#!/usr/bin/env bash
# Installs a released engage binary for the runner's system: the install
# step of action.yml. It works out the version, downloads the release's
# checksums file and the archive for this OS and architecture, checks the
# archive's SHA-256 against the checksums file, unpacks it into the runner's
# tool cache (kept there for later jobs on the same runner) and puts engage
# on the PATH.
#
# Environment (action.yml sets the first four from its inputs; the runner
# sets the RUNNER_ and GITHUB_ ones):
#   ENGAGE_VERSION        v1.2.0, 1.2.0 or latest; empty: the action's own tag, else latest
#   ENGAGE_ACTION_REF     the ref the workflow named the action by (v1, v1.2.0, main)
#   ENGAGE_REPOSITORY     owner/name of the releases (default engage-icb/engage)
#   ENGAGE_TOKEN          a token for the GitHub API (only to look up a version)
#   ENGAGE_DOWNLOAD_BASE  where releases are (default https://github.com/OWNER/NAME/releases/download)
#   ENGAGE_API_BASE       the GitHub API (default https://api.github.com)
#   RUNNER_OS, RUNNER_ARCH, RUNNER_TOOL_CACHE, RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_PATH
# The tests point ENGAGE_DOWNLOAD_BASE and ENGAGE_API_BASE at a server on
# 127.0.0.1 (internal/actiontest).
set -euo pipefail

repo=${ENGAGE_REPOSITORY:-engage-icb/engage}
download_base=${ENGAGE_DOWNLOAD_BASE:-https://github.com/$repo/releases/download}
api_base=${ENGAGE_API_BASE:-https://api.github.com}

fail() {
	echo "::error title=engage install::$*"
	exit 1
}

fetch() { # fetch URL FILE [HEADER...]: download, following redirects; fails on an HTTP error
	local url=$1 out=$2
	shift 2
	local headers=()
	for h in "$@"; do headers+=(-H "$h"); done
	curl --fail --silent --show-error --location --retry 3 --retry-delay 2 \
		--connect-timeout 20 --max-time 300 "${headers[@]}" -o "$out" "$url"
}

api() { # api PATH: a GitHub API response on stdout
	local out
	out=$(mktemp)
	local headers=("Accept: application/vnd.github+json")
	if [ -n "${ENGAGE_TOKEN:-}" ]; then headers+=("Authorization: Bearer $ENGAGE_TOKEN"); fi
	if ! fetch "$api_base$1" "$out" "${headers[@]}"; then
		rm -f "$out"
		return 1
	fi
	cat "$out"
	rm -f "$out"
}

tags() { # the tag_name values of a GitHub API response on stdin, one a line
	grep -o '"tag_name"[[:space:]]*:[[:space:]]*"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/'
}

# The version: named, or the action's own release tag, or the newest
# release of the major (or minor) version the action's tag names (v1 is
# the newest v1.x.y), or the latest release.
want=${ENGAGE_VERSION:-}
ref=${ENGAGE_ACTION_REF:-}
if [ -z "$want" ]; then
	if [[ $ref =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+].*)?$ ]]; then
		want=$ref
	elif [[ $ref =~ ^v[0-9]+(\.[0-9]+)?$ ]]; then
		want="$ref.x"
	else
		want=latest
	fi
fi
case $want in
latest)
	body=$(api "/repos/$repo/releases/latest") || fail "could not look up the latest release of $repo at $api_base (name a version with the action's version input)"
	version=$(tags <<<"$body" | head -n 1)
	[ -n "$version" ] || fail "$repo has no releases (the GitHub API's latest release gave no tag name)"
	;;
v*.x)
	prefix=${want%.x}
	body=$(api "/repos/$repo/releases?per_page=100") || fail "could not list the releases of $repo at $api_base (name a version with the action's version input)"
	newest=$(tags <<<"$body" | grep -E "^${prefix//./\\.}\.[0-9]+(\.[0-9]+)?$" | sed 's/^v//' |
		sort -t. -k1,1n -k2,2n -k3,3n | tail -n 1 || true)
	version=${newest:+v$newest}
	[ -n "$version" ] || fail "$repo has no release $prefix.x for the action's tag $ref (name a version with the action's version input)"
	;;
v[0-9]*) version=$want ;;
[0-9]*) version=v$want ;;
*) fail "version \"$want\" is not a release version: use a tag such as v1.2.0, or latest" ;;
esac

case ${RUNNER_OS:-$(uname -s)} in
Linux) os=linux ;;
macOS | Darwin) os=darwin ;;
Windows | MINGW* | MSYS* | CYGWIN*) os=windows ;;
*) fail "engage has no release for the runner's system ${RUNNER_OS:-$(uname -s)} (there are archives for Linux, macOS and Windows)" ;;
esac
case ${RUNNER_ARCH:-$(uname -m)} in
X64 | x86_64 | amd64) arch=amd64 cache_arch=x64 ;;
ARM64 | arm64 | aarch64) arch=arm64 cache_arch=arm64 ;;
*) fail "engage has no release for the runner's architecture ${RUNNER_ARCH:-$(uname -m)} (there are archives for X64 and ARM64)" ;;
esac
ext=tar.gz exe=engage
if [ "$os" = windows ]; then ext=zip exe=engage.exe; fi
# Git Bash on a Windows runner: the runner's folders are Windows paths
# (C:\hostedtoolcache\windows); work with their POSIX form.
posix() { if command -v cygpath >/dev/null; then cygpath -u "$1"; else printf '%s\n' "$1"; fi; }
native() { if command -v cygpath >/dev/null; then cygpath -w "$1"; else printf '%s\n' "$1"; fi; }
if [ -n "${RUNNER_TOOL_CACHE:-}" ]; then RUNNER_TOOL_CACHE=$(posix "$RUNNER_TOOL_CACHE"); fi
if [ -n "${RUNNER_TEMP:-}" ]; then RUNNER_TEMP=$(posix "$RUNNER_TEMP"); fi
number=${version#v}
asset="engage_${number}_${os}_${arch}.$ext"
sums="engage_${number}_checksums.txt"

# The tool cache's layout (TOOL/VERSION/ARCH and a ARCH.complete marker),
# as @actions/tool-cache keeps it, so a self-hosted runner downloads a
# version once.
cache=${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/engage-tools}/engage/$number
dir=$cache/$cache_arch
if [ -f "$cache/$cache_arch.complete" ] && [ -x "$dir/$exe" ]; then
	echo "engage $version ($os/$arch) from the tool cache: $dir"
else
	work=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/engage-install.XXXXXX")
	trap 'rm -rf "$work"' EXIT
	url="$download_base/$version"
	echo "downloading engage $version for $os/$arch from $url"
	fetch "$url/$sums" "$work/$sums" 2>"$work/err" ||
		fail "engage $version is not released: there is no $url/$sums ($(tr -d '\r' <"$work/err" | tail -n 1)); name an existing release with the action's version input"
	want_sum=$(awk -v a="$asset" '$2 == a || $2 == "*" a { print $1 }' "$work/$sums")
	[ -n "$want_sum" ] || fail "engage $version has no archive for $os/$arch: $asset is not in $sums"
	fetch "$url/$asset" "$work/$asset" 2>"$work/err" ||
		fail "could not download $url/$asset ($(tr -d '\r' <"$work/err" | tail -n 1))"
	if command -v sha256sum >/dev/null; then
		got_sum=$(sha256sum "$work/$asset" | awk '{ print $1 }')
	else
		got_sum=$(shasum -a 256 "$work/$asset" | awk '{ print $1 }')
	fi
	if [ "$got_sum" != "$want_sum" ]; then
		fail "$asset does not match $sums: its SHA-256 is $got_sum, the checksums file says $want_sum; the download is damaged or is not the published archive, so it was not installed"
	fi
	echo "checked $asset: SHA-256 $got_sum, as in $sums"
	mkdir -p "$work/unpacked"
	if [ "$ext" = zip ]; then
		if command -v unzip >/dev/null; then
			unzip -q "$work/$asset" -d "$work/unpacked"
		elif command -v 7z >/dev/null; then
			7z x -bd -y -o"$work/unpacked" "$work/$asset" >/dev/null
		else
			# The paths go by the environment: -Command takes no arguments.
			# shellcheck disable=SC2016
			ZIP_FILE=$(native "$work/$asset") ZIP_DEST=$(native "$work/unpacked") \
				pwsh -NoProfile -NonInteractive -Command 'Expand-Archive -LiteralPath $env:ZIP_FILE -DestinationPath $env:ZIP_DEST'
		fi
	else
		tar -xzf "$work/$asset" -C "$work/unpacked"
	fi
	[ -f "$work/unpacked/$exe" ] || fail "$asset holds no $exe"
	chmod +x "$work/unpacked/$exe"
	mkdir -p "$cache"
	rm -rf "$dir" "$cache/$cache_arch.complete"
	mv "$work/unpacked" "$dir"
	touch "$cache/$cache_arch.complete"
	echo "installed engage $version in $dir"
fi

# The runner reads GITHUB_PATH and the outputs as its system's paths.
if [ -n "${GITHUB_PATH:-}" ]; then native "$dir" >>"$GITHUB_PATH"; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
	{
		echo "version=$version"
		echo "path=$(native "$dir")"
		echo "engage=$(native "$dir/$exe")"
	} >>"$GITHUB_OUTPUT"
fi
