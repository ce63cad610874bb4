package actiontest

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestDist checks the snapshot `make release-snapshot` built (ENGAGE_DIST):
// six archives, each holding the binary, the README, the licence and the
// shell completions, every file stamped with the commit's time, and a
// checksums file that matches them.
func TestDist(t *testing.T) {
	dist := os.Getenv("ENGAGE_DIST")
	if dist == "" {
		t.Skip("ENGAGE_DIST is not set: make test-release builds a snapshot and sets it")
	}
	number, r, err := LoadDist(dist)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("git", "-C", repoRoot, "log", "-1", "--format=%cI").Output()
	if err != nil {
		t.Fatal(err)
	}
	commitTime, err := time.Parse(time.RFC3339, strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	wantSums := map[string]string{}
	for _, p := range Platforms {
		name := ArchiveName(number, p)
		data, ok := r[name]
		if !ok {
			t.Errorf("no %s in %s", name, dist)
			continue
		}
		wantSums[name] = Sum(data)
		exe := "engage"
		if p.OS == "windows" {
			exe = "engage.exe"
		}
		want := []string{"LICENSE", "README.md", "completions/_engage", "completions/engage.bash", "completions/engage.fish", "completions/engage.ps1", exe, "near-NOTICE.txt"}
		files, err := entries(name, data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var names []string
		for n, mtime := range files {
			names = append(names, n)
			if !mtime.Equal(commitTime) {
				t.Errorf("%s: %s is stamped %v, want the commit's time %v (reproducible archives)", name, n, mtime, commitTime)
			}
		}
		sort.Strings(names)
		if strings.Join(names, " ") != strings.Join(want, " ") {
			t.Errorf("%s holds %v, want %v", name, names, want)
		}
	}
	if got, want := string(r[ChecksumsName(number)]), string(Checksums(wantSums)); got != want {
		t.Errorf("%s:\n%s\nwant the SHA-256 of each archive:\n%s", ChecksumsName(number), got, want)
	}
}

// entries lists an archive's files with their modification times.
func entries(name string, data []byte) (map[string]time.Time, error) {
	files := map[string]time.Time{}
	if strings.HasSuffix(name, ".zip") {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, err
		}
		for _, f := range zr.File {
			files[f.Name] = f.Modified
		}
		return files, nil
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		files[h.Name] = h.ModTime
	}
}
