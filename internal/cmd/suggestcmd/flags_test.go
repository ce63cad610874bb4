package suggestcmd

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
	cmd := NewCmdSuggest(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	err := cmd.Execute()
	return got, err
}

func TestNewCmdSuggest(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string // the options, as check writes them
		wantErr string
	}{
		{"defaults", []string{"a.yaml"}, `file=a.yaml all=false apply=false ids=[] min=0.3 format=text`, ""},
		{"all", []string{"a.yaml", "--all", "--apply", "--id", "P1", "--id", "O2", "--min-confidence", "0.3", "-f", "json"}, `file=a.yaml all=true apply=true ids=[P1 O2] min=0.3 format=json`, ""},
		{"an unknown format", []string{"a.yaml", "-f", "xml"}, ``, "unknown format \"xml\": use one of json, text"},
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
	return fmt.Sprintf("file=%s all=%v apply=%v ids=%v min=%v format=%s", o.File, o.All, o.Apply, o.IDs, o.MinConfidence, o.Format)
}
