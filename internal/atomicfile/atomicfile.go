// Package atomicfile writes files so that a reader, or a crash, sees either
// the old content or the new, never a half-written file, and so that
// nothing the user had is lost:
//
//   - the real file is written: a symbolic link is followed to its target,
//     which is replaced, and the link stays a link;
//   - a read-only file, a file with several names (hard links) and anything
//     that is not a regular file are refused, not replaced;
//   - the new file keeps the old one's permissions (setgid and setuid
//     included), and its owner and group where the process may set them;
//   - the temporary file is named .NAME.engage-RANDOM.tmp, beside the
//     target, and only the writer that made it removes it (a killed engage
//     may leave one; nothing else of the folder is ever deleted);
//   - Edit, the read-change-write of an in-place edit, holds the folder's
//     lock and refuses to replace a file that changed since it was read
//     (its size, time, identity or content) or that another program has
//     open for writing (Linux).
package atomicfile

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// Write replaces path with data (a new file gets perm). On any error the
// file is untouched.
func Write(path string, data []byte, perm fs.FileMode) error {
	real, err := Resolve(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return replace(path, real, data, nil, perm, nil)
	case err != nil:
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err := Replaceable(path, info); err != nil {
		return err
	}
	return replace(path, real, data, info, perm, nil)
}

// ErrChanged is Edit's refusal when the file changed while it was being
// updated (another program saved it).
var ErrChanged = errors.New("changed while engage was updating it")

// ChangedError says which file changed under an edit.
type ChangedError struct {
	Path string
	// Saving: another program had it open for writing (it was being
	// saved), rather than changed between two looks.
	Saving bool
}

func (e *ChangedError) Error() string {
	if e.Saving {
		return fmt.Sprintf("%s is being saved by another program; engage has not changed it: run the command again once it is saved", e.Path)
	}
	return fmt.Sprintf("%s changed while engage was updating it; engage has not changed it (it is as the other program left it): run the command again", e.Path)
}

func (e *ChangedError) Unwrap() error { return ErrChanged }

// TooLargeError is Edit's refusal of a file over its size limit.
type TooLargeError struct {
	Path        string
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is %d bytes, over the limit of %d", e.Path, e.Size, e.Limit)
}

// EditOptions shape an in-place edit.
type EditOptions struct {
	// Limit is the largest file Edit reads, in bytes; 0 for no limit.
	Limit int64
	// Lock is how long to wait for the folder's lock, and what to say
	// while waiting.
	Lock LockOptions
}

// Edit changes the file at path in place. It follows symbolic links to
// the real file, takes the lock on its folder (so concurrent edits
// queue), reads it, and calls change with its content. When change
// returns new content (nil means no change), Edit writes it as Write
// does, but only if the file is still as it was read: same size,
// modification time, identity and content. Otherwise it returns a
// *ChangedError and leaves the file as the other program made it.
func Edit(path string, o EditOptions, change func(data []byte) ([]byte, error)) error {
	real, err := Resolve(path)
	if err != nil {
		return err
	}
	unlock, err := LockWait(filepath.Dir(real), o.Lock)
	if err != nil {
		return err
	}
	defer unlock()
	info, err := os.Stat(real)
	if err != nil {
		return fmt.Errorf("read %q: %w", path, err)
	}
	if err := Replaceable(path, info); err != nil {
		return err
	}
	if o.Limit > 0 && info.Size() > o.Limit {
		return &TooLargeError{Path: path, Size: info.Size(), Limit: o.Limit}
	}
	if beingWritten(real) {
		return &ChangedError{Path: path, Saving: true}
	}
	data, err := readAt(real, o.Limit)
	if err != nil {
		return fmt.Errorf("read %q: %w", path, err)
	}
	if o.Limit > 0 && int64(len(data)) > o.Limit {
		return &TooLargeError{Path: path, Size: int64(len(data)), Limit: o.Limit}
	}
	sum := sha256.Sum256(data)
	out, err := change(data)
	if err != nil || out == nil {
		return err
	}
	unchanged := func() error {
		now, err := os.Stat(real)
		if err != nil || !os.SameFile(info, now) || now.Size() != info.Size() || !now.ModTime().Equal(info.ModTime()) {
			return &ChangedError{Path: path}
		}
		again, err := readAt(real, o.Limit)
		if err != nil || sha256.Sum256(again) != sum {
			return &ChangedError{Path: path}
		}
		// Last, as it is the quickest: a save that has begun but not yet
		// written anything.
		if beingWritten(real) {
			return &ChangedError{Path: path, Saving: true}
		}
		return nil
	}
	if err := unchanged(); err != nil {
		return err
	}
	// And once more just before the rename, once the new file is on disk,
	// so the window for another program to save unseen is as short as it
	// can be.
	return replace(path, real, out, info, 0, unchanged)
}

// readAt reads a file, at most limit+1 bytes when limit > 0.
func readAt(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	var r io.Reader = f
	if limit > 0 {
		r = io.LimitReader(f, limit+1)
	}
	var b bytes.Buffer
	_, err = b.ReadFrom(r)
	return b.Bytes(), err
}

// Resolve returns the file a path names: the target of a symbolic link
// (of each link in turn, up to 40), or the path itself. A link to
// nothing resolves to where it points, so writing creates the target.
func Resolve(path string) (string, error) {
	p := path
	for range 40 {
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) || err == nil && info.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		if err != nil {
			return "", fmt.Errorf("write %q: %w", path, err)
		}
		target, err := os.Readlink(p)
		if err != nil {
			return "", fmt.Errorf("write %q: %w", path, err)
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		p = target
	}
	return "", fmt.Errorf("cannot write %q: it is a symbolic link that leads back to itself (a loop of links)", path)
}

// Replaceable refuses a file engage must not replace: not a regular file,
// read-only, or with more than one name. path names it in the message.
func Replaceable(path string, info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return fmt.Errorf("cannot write %q: it is a folder; name a file in it", path)
	case !info.Mode().IsRegular():
		return fmt.Errorf("cannot write %q: it is not a regular file (engage replaces files whole, so it cannot write to a device or pipe); name a file, or leave out the output to print", path)
	case readOnly(info):
		return fmt.Errorf("cannot write %q: it is read-only, and engage does not overwrite a read-only file; make it writable (chmod u+w, or untick Read-only in its properties) and run the command again, or write to another file", path)
	}
	if n := links(info); n > 1 {
		return fmt.Errorf("cannot write %q: the file has %d names (hard links), and replacing it would leave the other names with the old content; give it a name of its own (cp %s copy && mv copy %s) and run the command again, or write to another file", path, n, path, path)
	}
	return nil
}

// readOnly reports a file whose owner may not write it (chmod a-w, or
// Read-only on Windows): engage treats that as the user's wish, even
// where the process could replace it (root, or a writable folder).
func readOnly(info fs.FileInfo) bool {
	return info.Mode().Perm()&0o200 == 0
}

// replace writes data to a new temporary file beside real and renames it
// over real. old is the file being replaced (nil for a new file, which
// gets perm): its permissions, owner and group are kept where the process
// may set them. before, when not nil, runs just before the rename and can
// stop it. path names the file in messages.
func replace(path, real string, data []byte, old fs.FileInfo, perm fs.FileMode, before func() error) (err error) {
	dir := filepath.Dir(real)
	tmp, err := os.CreateTemp(dir, tempPattern(filepath.Base(real)))
	if err != nil {
		return folderError(path, dir, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name()) // ours: made by CreateTemp above
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	mode := perm
	if old != nil {
		keepOwner(tmp, old) // before the mode: changing the owner clears setuid and setgid
		mode = old.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if before != nil {
		if err = before(); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp.Name(), real); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// folderError explains why no file can be made in the folder a file is
// to be written in, naming the folder rather than engage's temporary
// file.
func folderError(path, dir string, err error) error {
	switch info, serr := os.Stat(dir); {
	case errors.Is(serr, fs.ErrNotExist):
		return fmt.Errorf("cannot write %q: the folder %q does not exist; make it first, or write somewhere else", path, dir)
	case serr == nil && !info.IsDir():
		return fmt.Errorf("cannot write %q: %q is a file, not a folder", path, dir)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot write %q: engage may not make files in the folder %q; write somewhere else, or ask for write access to it", path, dir)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("cannot write %q: %w", path, err)
}

// TempPrefix and TempSuffix frame the names of engage's temporary files:
// .NAME.engage-RANDOM.tmp.
const (
	TempPrefix = "."
	TempSuffix = ".tmp"
	tempMark   = ".engage-"
)

// tempPattern is the os.CreateTemp pattern for a file's temporary file,
// with the name cut (on a character) so the whole stays within the 255
// bytes most file systems allow.
func tempPattern(base string) string {
	const room = 255 - len(TempPrefix) - len(tempMark) - 20 - len(TempSuffix)
	if len(base) > room {
		cut := room
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return TempPrefix + base + tempMark + "*" + TempSuffix
}

// syncDir flushes a folder's entries, so the rename survives a crash. Not
// every system allows it; the write has happened either way.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
