package strategy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestJoinTyped(t *testing.T) {
	tests := []struct {
		typed, rel string
		native     byte
		want       string
	}{
		{"strategies", "snee.yaml", '/', "strategies/snee.yaml"},
		{"strategies/", "snee.yaml", '/', "strategies/snee.yaml"},
		{"./strategies", "sub/snee.yaml", '/', "./strategies/sub/snee.yaml"},
		{".", "sub/snee.yaml", '/', "sub/snee.yaml"},
		{`back\slash`, "snee.yaml", '/', `back\slash/snee.yaml`}, // a backslash is a name character on Unix
		// Windows: the separator the user typed, else the system's.
		{"strategies/", `sub\snee.yaml`, '\\', "strategies/sub/snee.yaml"},
		{"C:/repo/strategies", `snee.yaml`, '\\', "C:/repo/strategies/snee.yaml"},
		{`.\strategies`, `sub\snee.yaml`, '\\', `.\strategies\sub\snee.yaml`},
		{`strategies\`, `snee.yaml`, '\\', `strategies\snee.yaml`},
		{"strategies", `sub\snee.yaml`, '\\', `strategies\sub\snee.yaml`},
		{`C:\repo/strategies`, `sub\snee.yaml`, '\\', `C:\repo/strategies/sub/snee.yaml`},
		{".", `sub\snee.yaml`, '\\', `sub\snee.yaml`},
	}
	for _, tt := range tests {
		if got := joinTyped(tt.typed, tt.rel, tt.native); got != tt.want {
			t.Errorf("joinTyped(%q, %q, %q) = %q, want %q", tt.typed, tt.rel, tt.native, got, tt.want)
		}
	}
}

// TestDiscoverAsTyped checks that files are named as the folder was typed,
// and that two spellings of one file are read once.
func TestDiscoverAsTyped(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "s", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"s/a.yaml", "s/sub/b.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("engage: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	got, err := Discover([]string{"./s//", "s/a.yaml", "./s/sub/b.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"./s//a.yaml", "./s//sub/b.yaml"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Discover = %q, want %q", got, want)
	}
	if _, err := Discover([]string{"./nowhere/"}); err == nil || !strings.Contains(err.Error(), `"./nowhere/"`) {
		t.Errorf("Discover of a missing folder: %v, want it named as typed", err)
	}
}
