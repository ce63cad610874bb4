//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// links is how many names (hard links) a file has.
func links(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink) //nolint:unconvert // uint16 on some systems
	}
	return 1
}

// keepOwner gives f the owner and group of old where the process may:
// root sets both; anyone may set a group they belong to. A refusal leaves
// the new file the process's own, as any editor's save would.
func keepOwner(f *os.File, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	uid, gid := int(st.Uid), int(st.Gid)
	if os.Geteuid() == 0 {
		_ = f.Chown(uid, gid)
		return
	}
	if gid != os.Getegid() {
		_ = f.Chown(-1, gid)
	}
}
