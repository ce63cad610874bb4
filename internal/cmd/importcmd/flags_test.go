package importcmd

import (
	"fmt"
	"testing"
	"time"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
)

func TestNewCmdImport(t *testing.T) {
	io, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: io, Now: time.Now}
	for args, want := range map[string][]string{
		"review.xlsx  false":       {"review.xlsx"},
		"review.xlsx a.yaml true":  {"review.xlsx", "a.yaml", "--apply"},
		"review.xlsx a.yaml false": {"review.xlsx", "a.yaml"},
	} {
		var got *Options
		cmd := NewCmdImport(f, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(want)
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		if s := fmt.Sprintf("%s %s %v", got.Workbook, got.File, got.Apply); s != args {
			t.Errorf("%v: options %q, want %q", want, s, args)
		}
	}
	for _, args := range [][]string{{}, {"a.xlsx", "b.yaml", "c"}} {
		cmd := NewCmdImport(f, func(*Options) error { t.Errorf("ran with %v", args); return nil })
		cmd.SetArgs(args)
		cmd.SetOut(io.Out)
		cmd.SetErr(io.ErrOut)
		if err := cmd.Execute(); err == nil {
			t.Errorf("import %v: nil error", args)
		}
	}
}
