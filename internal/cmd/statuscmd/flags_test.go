package statuscmd

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/spf13/cobra"
)

// parse runs the command on args with runF capturing its options.
func parse(t *testing.T, args ...string) (*Options, error) {
	t.Helper()
	io, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: io, Now: time.Now}
	var got *Options
	// Under a parent, as in engage: a root command with subcommands takes
	// no paths.
	root := &cobra.Command{Use: "engage"}
	root.AddCommand(NewCmdStatus(f, func(o *Options) error { got = o; return nil }))
	root.SetArgs(append([]string{"status"}, args...))
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	err := root.Execute()
	return got, err
}

func TestNewCmdStatus(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string // the options, as check writes them
		wantErr string
	}{
		{"defaults", []string{}, `paths=[] as-of= year= format= stale=0`, ""},
		{"all", []string{"a.yaml", "--as-of", "2025-03-31", "--year", "2024/25", "-f", "markdown", "--stale-months", "3"}, `paths=[a.yaml] as-of=2025-03-31 year=2024/25 format=markdown stale=3`, ""},
		{"an unknown format", []string{"-f", "html"}, ``, "unknown format \"html\": use one of json, markdown, text"},
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
	return fmt.Sprintf("paths=%v as-of=%s year=%s format=%s stale=%d", o.Paths, o.AsOf, o.Year, o.Format, o.StaleMonths)
}

func TestNewCmdSet(t *testing.T) {
	io, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: io, Now: time.Now}
	var got *SetOptions
	cmd := NewCmdSet(f, func(o *SetOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"a.yaml", "L2-04", "done", "--note", "4,000 members", "--evidence", "https://example.org/x", "--on", "2024-03-31", "--force"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := "a.yaml L2-04 done note=4,000 members evidence=https://example.org/x on=2024-03-31 force=true"
	if s := fmt.Sprintf("%s %s %s note=%s evidence=%s on=%s force=%v", got.File, got.ID, got.Status, got.Note, got.Evidence, got.On, got.Force); s != want {
		t.Errorf("options = %s, want %s", s, want)
	}
	cmd = NewCmdSet(f, func(*SetOptions) error { t.Error("ran with two arguments"); return nil })
	cmd.SetArgs([]string{"a.yaml", "L2-04"})
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	if err := cmd.Execute(); err == nil {
		t.Error("status set with two arguments: nil error")
	}
}
