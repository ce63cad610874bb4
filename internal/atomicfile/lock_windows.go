//go:build windows

package atomicfile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// Lock takes an exclusive lock on a folder, waiting for any other holder,
// and returns the function that releases it. Writers that replace a file by
// renaming must lock something that outlives the rename: the folder, not
// the file.
//
// Windows locks byte ranges of files, not folders (LockFileEx refuses a
// folder's handle), so the lock is LockFileEx on a lock file named after
// the folder's final path (links, junctions and drive letters resolved, so
// every spelling of one folder gets one lock), kept in the user's cache
// folder rather than beside the strategy. Windows releases the lock when
// its holder exits or crashes; the lock file is opened, never created
// exclusively, and nothing depends on whether it exists, so a crash leaves
// nothing that blocks the next writer.
func Lock(dir string) (unlock func(), err error) {
	name, err := lockFile(dir)
	if err != nil {
		return nil, fmt.Errorf("lock %q: %w", dir, err)
	}
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return nil, fmt.Errorf("lock %q: %w", dir, err)
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_ALWAYS, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, fmt.Errorf("lock %q: open %s: %w", dir, name, err)
	}
	// A synchronous handle: LockFileEx waits until the lock is granted.
	ol := new(windows.Overlapped)
	if err := windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, ol); err != nil {
		_ = windows.CloseHandle(h)
		return nil, fmt.Errorf("lock %q: %w", dir, err)
	}
	return func() {
		_ = windows.UnlockFileEx(h, 0, 1, 0, ol)
		_ = windows.CloseHandle(h)
	}, nil
}

// volumeNameNT asks GetFinalPathNameByHandle for the path on the volume's
// device (\Device\HarddiskVolume3\..., \Device\Mup\server\share\...): one
// name for a folder however it was reached, local or on a network share.
const volumeNameNT = 0x2

// lockFile names the lock file for a folder, and makes its folder.
func lockFile(dir string) (string, error) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return "", err
	}
	// FILE_FLAG_BACKUP_SEMANTICS is what lets CreateFile open a folder;
	// FILE_READ_ATTRIBUTES is enough to ask for its path.
	h, err := windows.CreateFile(p, windows.FILE_READ_ATTRIBUTES,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err != nil {
		return "", err
	}
	defer func() { _ = windows.CloseHandle(h) }()
	buf := make([]uint16, windows.MAX_LONG_PATH)
	n, err := windows.GetFinalPathNameByHandle(h, &buf[0], uint32(len(buf)), volumeNameNT)
	if err != nil {
		return "", err
	}
	if n > uint32(len(buf)) {
		return "", fmt.Errorf("the folder's path is longer than %d characters", len(buf))
	}
	// NTFS folder names are case-insensitive: one folder, one lock.
	final := strings.ToLower(windows.UTF16ToString(buf[:n]))
	sum := sha256.Sum256([]byte(final))
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	locks := filepath.Join(base, "engage", "locks")
	if err := os.MkdirAll(locks, 0o700); err != nil {
		return "", err
	}
	return filepath.Join(locks, hex.EncodeToString(sum[:16])+".lock"), nil
}
