package reportcmd

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
	cmd := NewCmdReport(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	err := cmd.Execute()
	return got, err
}

func TestNewCmdReport(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string // the options, as check writes them
		wantErr string
	}{
		{"defaults", []string{"a.yaml", "--year", "2023/24"}, `file=a.yaml year=2023/24 as-of= since= format= output= check=false`, ""},
		{"all", []string{"a.yaml", "--year", "2023/24", "--as-of", "2024-03-31", "--since", "v1", "-f", "xlsx", "-o", "r.xlsx", "--check"}, `file=a.yaml year=2023/24 as-of=2024-03-31 since=v1 format=xlsx output=r.xlsx check=true`, ""},
		{"md for markdown", []string{"a.yaml", "-f", "md"}, `file=a.yaml year= as-of= since= format=md output= check=false`, ""},
		{"an unknown format", []string{"a.yaml", "-f", "pdf"}, ``, "unknown format \"pdf\": use one of html, markdown, xlsx"},
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
	return fmt.Sprintf("file=%s year=%s as-of=%s since=%s format=%s output=%s check=%v", o.File, o.Year, o.AsOf, o.Since, o.Format, o.Output, o.Check)
}
