//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 16: a .engage.yaml another user owns applied to your files.
func TestFindPassesOverAnotherUsersFile(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	below := filepath.Join(repo, "strategies")
	if err := os.Mkdir(below, 0o755); err != nil {
		t.Fatal(err)
	}
	theirs := filepath.Join(below, FileName)
	mine := filepath.Join(repo, FileName)
	for _, p := range []string{theirs, mine} {
		if err := os.WriteFile(p, []byte("fail_on: warning\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chown(theirs, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	got, err := Find(below)
	if err != nil || got.Path != mine || len(got.Ignored) != 1 || got.Ignored[0].Path != theirs || !strings.Contains(got.Ignored[0].Reason, "another user (user ID 65534)") {
		t.Errorf("Find = %+v, %v; want %s used and %s passed over", got, err, mine, theirs)
	}
}
