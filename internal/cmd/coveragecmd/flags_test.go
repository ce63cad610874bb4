package coveragecmd

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
	cmd := NewCmdCoverage(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	err := cmd.Execute()
	return got, err
}

func TestNewCmdCoverage(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string // the options, as check writes them
		wantErr string
	}{
		{"defaults", []string{}, `paths=[] format=text`, ""},
		{"json", []string{"-f", "json", "a.yaml"}, `paths=[a.yaml] format=json`, ""},
		{"an unknown format", []string{"-f", "yaml"}, ``, "--format: unknown format \"yaml\": use one of json, text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parse(t, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				if got != nil {
					t.Errorf("the command ran with %+v, want it refused before running", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := options(got); s != tt.want {
				t.Errorf("options = %s, want %s", s, tt.want)
			}
		})
	}
}

func options(o *Options) string { return fmt.Sprintf("paths=%v format=%s", o.Paths, o.Format) }
