package cmdutil

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// NotYAML refuses an output file named as a strategy or engage's
// configuration is (.yaml, .yml), for output that is not YAML: it would
// replace another strategy or the .engage.yaml just read, and a later
// validate of the folder would take it for a strategy. flag is how the
// file was named ("-o ", "--format sarif="), what says what the output
// is, and example a name to give it.
func NotYAML(flag, output, what, example string) error {
	ext := strings.ToLower(filepath.Ext(output))
	if ext != ".yaml" && ext != ".yml" {
		return nil
	}
	return Usage(fmt.Errorf("%s%s ends %s, as a strategy or .engage.yaml does: %s is not YAML, so name it for its format, such as %s", flag, output, ext, what, example))
}
