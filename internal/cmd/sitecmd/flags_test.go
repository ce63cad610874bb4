package sitecmd

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
)

// parse runs the command on args with runF capturing its options.
func parse(t *testing.T, args ...string) (*Options, error) {
	t.Helper()
	io, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: io, Now: time.Now}
	var got *Options
	cmd := NewCmdSite(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	err := cmd.Execute()
	return got, err
}

func TestNewCmdSite(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string
		wantErr string
	}{
		{"defaults", []string{"-o", "site"}, `paths=[] as-of= output=site no-git=false`, ""},
		{"all", []string{"strategies", "x.yaml", "--as-of", "2026-03-31", "-o", "public", "--no-git"}, `paths=[strategies x.yaml] as-of=2026-03-31 output=public no-git=true`, ""},
		{"an unknown flag", []string{"-f", "html"}, ``, "unknown shorthand flag: 'f'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parse(t, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := fmt.Sprintf("paths=%v as-of=%s output=%s no-git=%v", got.Paths, got.AsOf, got.Output, got.NoGit); s != tt.want {
				t.Errorf("options = %s, want %s", s, tt.want)
			}
		})
	}
}
