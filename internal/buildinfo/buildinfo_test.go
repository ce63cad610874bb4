package buildinfo

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestFrom(t *testing.T) {
	const rev = "abc1234def5678abc1234def5678abc1234def56"
	vcs := func(settings ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(settings); i += 2 {
			s = append(s, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return s
	}
	tests := []struct {
		name                        string
		ldVersion, ldCommit, ldDate string
		bi                          *debug.BuildInfo
		want                        string
	}{
		{"release", "v1.2.0", rev, "2026-12-01T09:12:00Z", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			"v1.2.0 (commit abc1234, built 2026-12-01)"},
		{"release stamp wins over VCS data", "v1.2.0", rev, "2026-12-01T09:12:00Z",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.revision", "ffff", "vcs.modified", "true")},
			"v1.2.0 (commit abc1234, built 2026-12-01)"},
		{"release date in another zone is the UTC day", "v1.2.0", rev, "2026-12-01T23:30:00-02:00", nil,
			"v1.2.0 (commit abc1234, built 2026-12-02)"},
		{"go install of a tag", "", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}},
			"v1.2.0"},
		{"go install of a commit: the pseudo-version's time and hash", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201091200-abc1234def56"}},
			"v0.0.0-20261201091200-abc1234def56 (commit abc1234, built 2026-12-01)"},
		{"pseudo-version after a tag", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v1.2.1-0.20261130235959-abc1234def56"}},
			"v1.2.1-0.20261130235959-abc1234def56 (commit abc1234, built 2026-11-30)"},
		{"go build in a clone with changes", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201091200-abc1234def56+dirty"},
				Settings: vcs("vcs.revision", rev, "vcs.time", "2026-12-01T09:12:00Z", "vcs.modified", "true")},
			"v0.0.0-20261201091200-abc1234def56+dirty (commit abc1234 with uncommitted changes, built 2026-12-01)"},
		{"(devel) with VCS data is named by its commit", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
				Settings: vcs("vcs.revision", rev, "vcs.time", "2026-12-01T09:12:00Z", "vcs.modified", "false")},
			"v0.0.0-20261201091200-abc1234def56 (commit abc1234, built 2026-12-01)"},
		{"(devel) without VCS data", "", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
		{"no build information", "", "", "", nil, "dev"},
		{"a stamped value that is not a hash or a date is dropped", "v1.2.0", "{{.Commit}}", "yesterday", nil, "v1.2.0"},
		{"a version that only looks like a pseudo-version", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v1.0.0-2026120109120x-abc1234def56"}}, "v1.0.0-2026120109120x-abc1234def56"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := from(tt.ldVersion, tt.ldCommit, tt.ldDate, tt.bi).String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestStamped builds engage as a release does, with -ldflags -X, and as
// go build does without stamping, and reads --version from each.
func TestStamped(t *testing.T) {
	if testing.Short() {
		t.Skip("builds engage")
	}
	bin := filepath.Join(t.TempDir(), "engage")
	const pkg = "github.com/engage-icb/engage/internal/buildinfo"
	ldflags := "-X " + pkg + ".version=v9.8.7 -X " + pkg + ".commit=0123456789abcdef0123456789abcdef01234567 -X " + pkg + ".date=2026-12-01T09:12:00Z"
	for _, tt := range []struct {
		flags []string
		want  string
	}{
		{[]string{"-ldflags", ldflags}, "engage version v9.8.7 (commit 0123456, built 2026-12-01)\n"},
		{[]string{"-buildvcs=false"}, "engage version dev\n"},
	} {
		build := exec.Command("go", append(append([]string{"build", "-o", bin}, tt.flags...), "../../cmd/engage")...)
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		out, err := exec.Command(bin, "--version").Output()
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != tt.want {
			t.Errorf("built with %s: got %q, want %q", strings.Join(tt.flags, " "), out, tt.want)
		}
	}
	_ = os.Remove(bin)
}
