package principlescmd

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
	cmd := NewCmdPrinciples(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	err := cmd.Execute()
	return got, err
}

func TestNewCmdPrinciples(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string // the options, as check writes them
		wantErr string
	}{
		{"defaults", []string{}, `framework=nhse-2022 list=false format=text`, ""},
		{"list as json", []string{"--list", "-f", "json"}, `framework=nhse-2022 list=true format=json`, ""},
		{"another framework", []string{"--framework", "stg-2018"}, `framework=stg-2018 list=false format=text`, ""},
		{"an unknown format", []string{"-f", "csv"}, ``, "unknown format \"csv\": use one of json, text"},
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
	return fmt.Sprintf("framework=%s list=%v format=%s", o.Framework, o.List, o.Format)
}
