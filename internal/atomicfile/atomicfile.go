// Package atomicfile writes files so that a reader, or a crash, sees either
// the old content or the new, never a half-written file.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Write replaces path with data: it writes a temporary file in the same
// folder, flushes it to disk, gives it the old file's permissions (perm for
// a new file) and renames it over path. On any error path is untouched.
func Write(path string, data []byte, perm fs.FileMode) (err error) {
	dir := filepath.Dir(path)
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("cannot write %q: it is not a regular file (engage replaces files whole, so it cannot write to a device or pipe); name a file, or leave out the output to print", path)
		}
		perm = info.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write %q: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	syncDir(dir)
	removeStale(dir, filepath.Base(path))
	return nil
}

// removeStale removes temporary files an interrupted write of the same
// file left behind: ours by name, and old enough that no writer can still
// be using them.
func removeStale(dir, base string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "."+base+".*.tmp"))
	for _, m := range matches {
		if info, err := os.Stat(m); err == nil && time.Since(info.ModTime()) > 10*time.Minute {
			_ = os.Remove(m)
		}
	}
}

// syncDir flushes a folder's entries, so the rename survives a crash. Not
// every system allows it; the write has happened either way.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
