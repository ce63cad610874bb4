package rootcmd

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
)

var update = flag.Bool("update", false, "rewrite docs/cli/")

func factory() (*cmdutil.Factory, *bytes.Buffer) {
	io, _, _, errOut := iostreams.Test()
	return &cmdutil.Factory{IOStreams: io, Version: "test", Now: func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }}, errOut
}

// TestCLIReference fails when docs/cli/ is not what the command tree
// generates; make docs refreshes it.
func TestCLIReference(t *testing.T) {
	f, _ := factory()
	pages := Reference(NewCmdRoot(f))
	const dir = "../../../docs/cli"
	if *update {
		_ = os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, text := range pages {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := pages[e.Name()]; !ok {
			t.Errorf("docs/cli/%s is not generated from any command: remove it (make docs)", e.Name())
		}
	}
	for name, text := range pages {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != text {
			t.Errorf("docs/cli/%s is stale: run make docs", name)
		}
	}
}

// TestPanicBecomesBugReport checks the top-level guard: a panic in a
// command prints a request to report it and exits 2, never a stack trace.
func TestPanicBecomesBugReport(t *testing.T) {
	f, errOut := factory()
	f.Now = func() time.Time { panic("boom") }
	if code := Execute(f, []string{"validate", "../../../examples/minimal.yaml"}); code != cmdutil.ExitError {
		t.Errorf("exit code = %d, want %d", code, cmdutil.ExitError)
	}
	msg := errOut.String()
	if !strings.Contains(msg, "internal error: boom") || !strings.Contains(msg, "report it") || strings.Contains(msg, "goroutine") {
		t.Errorf("stderr = %q, want a bug-report request without a stack trace", msg)
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"validate", "../../../examples/minimal.yaml"}, cmdutil.ExitOK},
		{[]string{"validate", "--format", "nope"}, cmdutil.ExitError},
		{[]string{"validate", "no-such-file.yaml"}, cmdutil.ExitError},
		{[]string{"principles"}, cmdutil.ExitOK},
		{[]string{"--version"}, cmdutil.ExitOK},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _ := factory()
			if got := Execute(f, tt.args); got != tt.want {
				t.Errorf("Execute(%v) = %d, want %d", tt.args, got, tt.want)
			}
		})
	}
}
