package cmdutil

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// One large file raises the soft memory limit to what its parse needs;
// small files, and a limit already higher or unset, leave it as it is.
func TestRoomFor(t *testing.T) {
	if os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOMEMLIMIT is set")
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	dir := t.TempDir()
	small, big := filepath.Join(dir, "small.yaml"), filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(small, make([]byte, 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, make([]byte, 10<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	debug.SetMemoryLimit(256 << 20)
	RoomFor(small, filepath.Join(dir, "missing.yaml"))
	if got := debug.SetMemoryLimit(-1); got != 256<<20 {
		t.Errorf("small files: limit %d MB, want 256", got>>20)
	}
	RoomFor(small, big)
	if got := debug.SetMemoryLimit(-1); got != perByte*10<<20 {
		t.Errorf("a 10 MB file: limit %d MB, want %d", got>>20, perByte*10)
	}
	debug.SetMemoryLimit(1 << 40)
	RoomFor(big)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("a higher limit was lowered to %d MB", got>>20)
	}
}
