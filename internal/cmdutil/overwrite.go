package cmdutil

import (
	"os"
	"path/filepath"
)

// IsInput reports whether writing output would overwrite one of the
// inputs: the same path, or another name (a link) for the same file.
func IsInput(output string, inputs []string) (string, bool) {
	if output == "" {
		return "", false
	}
	outAbs, _ := filepath.Abs(output)
	outInfo, outErr := os.Stat(output)
	for _, in := range inputs {
		if inAbs, _ := filepath.Abs(in); inAbs == outAbs {
			return in, true
		}
		if outErr != nil {
			continue
		}
		if inInfo, err := os.Stat(in); err == nil && os.SameFile(inInfo, outInfo) {
			return in, true
		}
	}
	return "", false
}
