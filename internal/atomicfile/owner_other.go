//go:build !unix

package atomicfile

import (
	"io/fs"
	"os"
)

// links is how many names a file has: not known here, so one.
func links(fs.FileInfo) uint64 { return 1 }

// keepOwner does nothing where files have no Unix owner and group.
func keepOwner(*os.File, fs.FileInfo) {}
