//go:build unix

package config

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// Owned reports whether engage may use a configuration file: it must
// belong to the current user or to root, so that another user cannot
// change how engage checks your files by leaving one where you work.
func Owned(info fs.FileInfo) (bool, string) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return true, ""
	}
	if uid := int(st.Uid); uid == os.Geteuid() || uid == 0 {
		return true, ""
	}
	return false, fmt.Sprintf("it belongs to another user (user ID %d), and engage reads only configuration files that you or root own", st.Uid)
}
