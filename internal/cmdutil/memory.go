package cmdutil

import (
	"os"
	"runtime/debug"
)

// perByte is about how much memory a strategy file needs while it is
// parsed and checked, for each byte of it: yaml.v3's nodes take some 25
// times the file's size, the model and findings the rest.
const perByte = 40

// RoomFor makes room for reading the largest of files: it raises the
// collector's soft memory limit (256 MiB, set by main) to perByte times
// that file's size when that is more, so that one large file's parse does
// not make the collector run flat out to stay under a limit its live heap
// is already over. It never lowers the limit, and does nothing when
// GOMEMLIMIT is set or no limit is (as in tests).
func RoomFor(files ...string) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	current := debug.SetMemoryLimit(-1)
	var largest int64
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && info.Mode().IsRegular() {
			largest = max(largest, info.Size())
		}
	}
	if want := perByte * largest; want > current && current < 1<<62 {
		debug.SetMemoryLimit(want)
	}
}
