package atomicfile

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// The same tests hold for every system's Lock: lock_unix.go (flock) runs
// them here; lock_windows.go (LockFileEx) is compiled and vetted by make
// test, and runs them wherever go test runs on Windows.

func TestLockExcludes(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	var holding atomic.Bool
	holding.Store(true)
	done := make(chan bool)
	go func() {
		unlock2, err := Lock(dir)
		if err != nil {
			t.Error(err)
			done <- false
			return
		}
		done <- !holding.Load()
		unlock2()
	}()
	time.Sleep(50 * time.Millisecond)
	holding.Store(false)
	unlock()
	if ok := <-done; !ok {
		t.Error("a second Lock of the folder was granted while the first was held")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("the folder holds %d entries after locking, want none (no lock file beside the user's files)", len(entries))
	}
}

// TestLockReleasedWhenHolderDies kills a process that holds the lock: the
// next Lock must be granted at once, not wait for something the dead
// process left behind.
func TestLockReleasedWhenHolderDies(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHolderProcess$")
	cmd.Env = append(os.Environ(), "ATOMICFILE_LOCK_HOLDER="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "locked" {
		_ = cmd.Process.Kill()
		t.Fatalf("the holder process said %q, %v; want locked", line, err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	got := make(chan error, 1)
	go func() {
		unlock, err := Lock(dir)
		if err == nil {
			unlock()
		}
		got <- err
	}()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Lock still waits 30 s after the holder was killed: a crash must release the lock")
	}
}

// TestLockHolderProcess is the holder TestLockReleasedWhenHolderDies
// starts: it takes the lock, says so, and waits to be killed.
func TestLockHolderProcess(t *testing.T) {
	dir := os.Getenv("ATOMICFILE_LOCK_HOLDER")
	if dir == "" {
		t.Skip("started only by TestLockReleasedWhenHolderDies")
	}
	if _, err := Lock(dir); err != nil {
		t.Fatal(err)
	}
	_, _ = os.Stdout.WriteString("locked\n")
	time.Sleep(time.Minute)
}

func TestLockMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	if _, err := Lock(dir); err == nil || !strings.Contains(err.Error(), `lock "`+dir+`"`) {
		t.Errorf("Lock of a missing folder: %v, want an error naming it", err)
	}
}
