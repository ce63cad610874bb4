package actiontest

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
)

// LoadDist reads the release `make release-snapshot` wrote into dist:
// its version (from metadata.json) and its archives and checksums file.
func LoadDist(dist string) (string, Release, error) {
	meta, err := os.ReadFile(filepath.Join(dist, "metadata.json"))
	if err != nil {
		return "", nil, err
	}
	var m struct{ Version string }
	if err := json.Unmarshal(meta, &m); err != nil {
		return "", nil, err
	}
	r := Release{}
	files, err := filepath.Glob(filepath.Join(dist, "engage_"+m.Version+"_*"))
	if err != nil {
		return "", nil, err
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			return "", nil, err
		}
		r[filepath.Base(p)] = data
	}
	if _, ok := r[ChecksumsName(m.Version)]; !ok || len(r) != len(Platforms)+1 {
		return "", nil, errors.New(dist + " does not hold a release of six archives and " + ChecksumsName(m.Version) + ": run make release-snapshot")
	}
	return m.Version, r, nil
}
