// Package fuzzseed gives the fuzz targets their seeds: the shipped
// strategies and the small files of the hostile-input catalogue
// (testdata/hostile).
package fuzzseed

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/engage-icb/engage/strategies"
)

// maxSeed leaves out the catalogue's generated giants: fuzzing works on
// small inputs.
const maxSeed = 64 << 10

// Files returns the seed files' contents, by name.
func Files() map[string][]byte {
	out := map[string][]byte{}
	names, _ := fs.Glob(strategies.FS, "*.yaml")
	for _, n := range names {
		if src, err := fs.ReadFile(strategies.FS, n); err == nil {
			out["strategies/"+n] = src
		}
	}
	_, here, _, _ := runtime.Caller(0)
	hostile, _ := filepath.Glob(filepath.Join(filepath.Dir(here), "..", "..", "testdata", "hostile", "*.yaml"))
	for _, p := range hostile {
		if src, err := os.ReadFile(p); err == nil && len(src) <= maxSeed { //nolint:gosec // G304: the repository's own test data
			out["testdata/hostile/"+filepath.Base(p)] = src
		}
	}
	return out
}
