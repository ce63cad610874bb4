//go:build unix

package iostreams

import (
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// askBackground asks the terminal on f what its background colour is
// (OSC 11), then for its attributes (DA1, which every terminal answers, so
// the wait ends as soon as an answer is complete), waiting no longer than
// timeout. It asks only when engage is in the terminal's foreground, with
// the terminal not echoing, and puts the terminal back as it was. ok is
// false when the terminal gave no usable answer.
func askBackground(f *os.File, timeout time.Duration) (dark, ok bool) {
	fd := int(f.Fd()) //nolint:gosec // a file descriptor fits an int
	if pgrp, err := unix.IoctlGetInt(fd, unix.TIOCGPGRP); err != nil || pgrp != unix.Getpgrp() {
		return false, false
	}
	return ask(f, timeout)
}

// ask is askBackground's question and wait, on any terminal.
func ask(f *os.File, timeout time.Duration) (dark, ok bool) {
	fd := int(f.Fd()) //nolint:gosec // as above
	state, err := term.MakeRaw(f.Fd())
	if err != nil {
		return false, false
	}
	defer func() { _ = term.Restore(f.Fd(), state) }()
	if _, err := f.WriteString("\x1b]11;?\x1b\\\x1b[c"); err != nil {
		return false, false
	}
	var answer strings.Builder
	buf := make([]byte, 256)
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			break
		}
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}} //nolint:gosec // as above
		n, err := unix.Poll(fds, int(left/time.Millisecond)+1)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 {
			break
		}
		m, err := unix.Read(fd, buf)
		if err != nil || m <= 0 {
			break
		}
		answer.Write(buf[:m])
		if da1Done(answer.String()) {
			break
		}
	}
	return background(answer.String())
}

// da1Done reports whether the answers end with the terminal's attributes
// ("\x1b[?...c"), the last thing asked.
func da1Done(s string) bool {
	i := strings.LastIndex(s, "\x1b[?")
	return i >= 0 && strings.Contains(s[i:], "c")
}
