package strategy

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// IsStrategyFile reports whether a file name has a YAML extension.
func IsStrategyFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// ConfigFile is the name of engage's configuration file, never a strategy.
const ConfigFile = ".engage.yaml"

// InScan reports whether a folder scan reads a file, named by its path
// below the folder ('/' or the system's separator): a YAML file, not
// hidden (no part of its path starts with "."), and so never .engage.yaml
// or files inside .git or .github.
func InScan(rel string) bool {
	if !IsStrategyFile(rel) {
		return false
	}
	for _, part := range strings.FieldsFunc(filepath.ToSlash(rel), func(r rune) bool { return r == '/' }) {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return false
		}
	}
	return true
}

// Discover expands paths into the strategy files to read: a file is taken as
// it is (but the configuration file is refused); a folder is searched
// recursively for *.yaml and *.yml, skipping hidden files and folders
// (such as .engage.yaml and .git: InScan). The result is sorted and without repeats,
// and names each file as the user typed it (see joinTyped).
// A path that does not exist, or a folder without YAML, is an error.
func Discover(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(typed, clean string) {
		if !seen[clean] {
			seen[clean] = true
			out = append(out, typed)
		}
	}
	for _, typed := range paths {
		root := filepath.Clean(typed)
		info, err := os.Stat(root)
		if err != nil {
			return nil, ReadError(typed, err)
		}
		if !info.IsDir() {
			if filepath.Base(root) == ConfigFile {
				return nil, fmt.Errorf("%s is engage's configuration file, not a strategy: name a strategy file or folder", typed)
			}
			add(typed, root)
			continue
		}
		var found []string
		realRoot, err := filepath.EvalSymlinks(root)
		if err != nil {
			return nil, ReadError(typed, err)
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return ReadError(p, err)
			}
			if d.IsDir() {
				if p != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			rel, err := filepath.Rel(root, p)
			if err != nil || !InScan(rel) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if err := within(realRoot, p); err != nil {
					return err
				}
			}
			found = append(found, p)
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("no strategy files (*.yaml, *.yml) in folder %q", typed)
		}
		sort.Strings(found)
		for _, p := range found {
			rel, err := filepath.Rel(root, p)
			if err != nil {
				rel = p
			}
			add(joinTyped(typed, rel, filepath.Separator), p)
		}
	}
	return out, nil
}

// within refuses a link, found in a folder searched, to a file outside
// that folder, or to one the search leaves out (hidden, or not YAML): a
// change that adds a link to a file elsewhere on the machine (a CI
// runner's credentials) would otherwise have its lines quoted in the
// findings. A file named on the command line is read wherever it leads.
func within(realRoot, link string) error {
	target, err := filepath.EvalSymlinks(link)
	if err != nil {
		return nil // a loop, or a link to nothing: reading it says so
	}
	rel, err := filepath.Rel(realRoot, target)
	if err != nil || !filepath.IsLocal(rel) {
		return fmt.Errorf("%q is a link to a file outside the folder searched (%q): engage reads links only to files inside it; name the file itself to read it", link, target)
	}
	if !InScan(rel) {
		// A link to a file the search leaves out (.git/config, .env).
		return fmt.Errorf("%q is a link to a hidden file, or one that is not YAML (%q), which a folder search never reads; name the file itself to read it", link, target)
	}
	return nil
}

// pathError explains, in plain words, why a path cannot be read.
type pathError struct {
	msg string
	err error
}

func (e *pathError) Error() string { return e.msg }
func (e *pathError) Unwrap() error { return e.err }

// ReadError explains why path cannot be read.
func ReadError(path string, err error) error {
	var msg string
	switch {
	case errors.Is(err, syscall.ELOOP):
		msg = fmt.Sprintf("cannot read %q: it is a symbolic link that leads back to itself (a loop of links)", path)
	case errors.Is(err, fs.ErrNotExist):
		msg = fmt.Sprintf("path %q does not exist", path)
		if _, lerr := os.Lstat(path); lerr == nil {
			msg = fmt.Sprintf("cannot read %q: it is a symbolic link to something that does not exist", path)
		}
	case errors.Is(err, fs.ErrPermission):
		msg = fmt.Sprintf("cannot read %q: permission denied (check who may read it: ls -l %s)", path, path)
	default:
		msg = fmt.Sprintf("cannot read %q: %v", path, err)
	}
	return &pathError{msg: msg, err: err}
}
