package iostreams

import (
	"os"
	"strconv"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// pty opens a pseudo-terminal: the side engage writes to, and the side the
// terminal would answer on.
func pty(t *testing.T) (tty, terminal *os.File) {
	t.Helper()
	terminal, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { _ = terminal.Close() })
	fd := int(terminal.Fd()) //nolint:gosec // a file descriptor fits an int
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skipf("ptsname: %v", err)
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { _ = tty.Close() })
	return tty, terminal
}

// TestAsk asks a pseudo-terminal that answers like a light one, then one
// that never answers: the first says light, the second gives up within the
// wait.
func TestAsk(t *testing.T) {
	tty, terminal := pty(t)
	go func() {
		buf := make([]byte, 64)
		if _, err := terminal.Read(buf); err == nil { // the question
			_, _ = terminal.WriteString("\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c")
		}
	}()
	if dark, ok := ask(tty, 2*time.Second); dark || !ok {
		t.Errorf("a light terminal: dark %v, answered %v; want light, answered", dark, ok)
	}

	silent, _ := pty(t)
	start := time.Now()
	if _, ok := ask(silent, 100*time.Millisecond); ok {
		t.Errorf("a terminal that never answers gave an answer")
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("a terminal that never answers held engage %v, want about 100ms", took)
	}
}
