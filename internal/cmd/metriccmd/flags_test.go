package metriccmd

import (
	"fmt"
	"testing"
	"time"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
)

func TestNewCmdRecord(t *testing.T) {
	io, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: io, Now: time.Now}
	var got *RecordOptions
	cmd := NewCmdRecord(f, func(o *RecordOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"a.yaml", "citizen-panel", "2100", "--on", "2024-03-31", "--note", "After the campaign", "--force"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := "a.yaml citizen-panel 2100 on=2024-03-31 note=After the campaign force=true"
	if s := fmt.Sprintf("%s %s %s on=%s note=%s force=%v", got.File, got.ID, got.Value, got.On, got.Note, got.Force); s != want {
		t.Errorf("options = %s, want %s", s, want)
	}
	cmd = NewCmdRecord(f, func(*RecordOptions) error { t.Error("ran with one argument"); return nil })
	cmd.SetArgs([]string{"a.yaml"})
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	if err := cmd.Execute(); err == nil {
		t.Error("metric record with one argument: nil error")
	}
}
