package strategy

import (
	"path/filepath"
	"strings"
)

// joinTyped names a file that Discover found under a folder the way the user
// named the folder: the folder exactly as typed, then the rest of the path
// with the separator the user typed last ('/' or, on Windows, '\'), else
// the system's. So `engage validate strategies/` on Windows reports
// strategies/snee.yaml, as typed, and `.\strategies` reports
// .\strategies\snee.yaml. rel is the file's path below the folder;
// native is the system's separator (filepath.Separator).
func joinTyped(typed, rel string, native byte) string {
	sep := native
	if i := strings.LastIndexAny(typed, separators(native)); i >= 0 {
		sep = typed[i]
	}
	rel = strings.ReplaceAll(filepath.ToSlash(rel), "/", string(sep))
	if native == '\\' {
		rel = strings.ReplaceAll(rel, `\`, string(sep))
	}
	switch {
	case typed == "." || typed == "":
		return rel
	case typed[len(typed)-1] == '/' || typed[len(typed)-1] == native:
		return typed + rel
	}
	return typed + string(sep) + rel
}

// separators are the characters that separate path elements on a system
// whose own separator is native.
func separators(native byte) string {
	if native == '\\' {
		return `/\`
	}
	return "/"
}
