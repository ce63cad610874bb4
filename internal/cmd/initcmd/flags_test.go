package initcmd

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
	cmd := NewCmdInit(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	err := cmd.Execute()
	return got, err
}

func TestNewCmdInit(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string // the options, as check writes them
		wantErr string
	}{
		{"defaults", []string{"--code", "QJG"}, `code=QJG output= framework=nhse-2022 force=false`, ""},
		{"all", []string{"--code", "QR1", "-o", "x.yaml", "--framework", "stg-2018", "--force"}, `code=QR1 output=x.yaml framework=stg-2018 force=true`, ""},
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
	return fmt.Sprintf("code=%s output=%s framework=%s force=%v", o.Code, o.Output, o.Framework, o.Force)
}
