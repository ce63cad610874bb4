package atomicfile

import (
	"errors"
	"os"
	"syscall"
)

// Linux's fcntl lease commands (not in package syscall).
const (
	fSetLease = 1024 // F_SETLEASE
	fRdLck    = 0    // F_RDLCK
	fUnLck    = 2    // F_UNLCK
)

// beingWritten reports whether another program has the file open for
// writing, such as an editor part-way through saving it in place: Linux
// refuses a read lease on a file that is open for writing anywhere. It
// reports false when it cannot tell (another owner's file, a network
// file system).
func beingWritten(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }()
	_, _, errno := syscall.Syscall(syscall.SYS_FCNTL, f.Fd(), fSetLease, fRdLck)
	if errno == 0 {
		_, _, _ = syscall.Syscall(syscall.SYS_FCNTL, f.Fd(), fSetLease, fUnLck)
		return false
	}
	return errors.Is(errno, syscall.EAGAIN)
}
