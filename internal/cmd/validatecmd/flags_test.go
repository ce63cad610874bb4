package validatecmd

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
	cmd := NewCmdValidate(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	err := cmd.Execute()
	return got, err
}

func TestNewCmdValidate(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string // the options, as check writes them
		wantErr string
	}{
		{"defaults", []string{}, `paths=[] formats=[text] fail-on= strict=false as-of=`, ""},
		{"paths and formats", []string{"a.yaml", "dir", "-f", "github", "-f", "sarif=x.sarif", "--as-of", "2024-01-01"}, `paths=[a.yaml dir] formats=[github sarif=x.sarif] fail-on= strict=false as-of=2024-01-01`, ""},
		{"fail level", []string{"--fail-on", "warning", "--strict"}, `paths=[] formats=[text] fail-on=warning strict=true as-of=`, ""},
		{"a fail level that is not a severity", []string{"--fail-on", "warn"}, ``, "--fail-on must be error, warning or info, not \"warn\""},
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

func options(o *Options) string {
	return fmt.Sprintf("paths=%v formats=%v fail-on=%s strict=%v as-of=%s", o.Paths, o.Formats, o.FailOn, o.Strict, o.AsOf)
}
