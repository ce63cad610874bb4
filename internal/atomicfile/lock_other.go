//go:build !unix && !windows

package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Lock takes an exclusive lock on a folder by creating a lock file in it,
// waiting (up to a minute) while another holder has it.
func Lock(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, ".engage.lock")
	deadline := time.Now().Add(time.Minute)
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			_ = f.Close()
			return func() { _ = os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) || time.Now().After(deadline) {
			return nil, fmt.Errorf("lock %q: %w", dir, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
