//go:build !linux

package atomicfile

// holder names the process that holds the lock on a folder: this system
// does not say, so "".
func holder(string) string { return "" }
