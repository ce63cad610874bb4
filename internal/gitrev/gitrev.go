// Package gitrev reads strategy files as they were at git revisions, through
// the system git: one long-lived `git cat-file --batch` process serves every
// file, rather than a process per revision.
package gitrev

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Errors callers can test for.
var (
	ErrNoGit         = errors.New("git is not installed (or not on PATH): install git to compare revisions")
	ErrNotRepository = errors.New("not a git repository: run engage in a clone of the strategy repository, or compare two files")
	ErrNotFound      = errors.New("not found")
)

// Repo is a git repository: its top folder and a cat-file process.
type Repo struct {
	Top string // the repository's top folder, absolute
	// MaxSize, when above 0, is the largest file read at a revision, in
	// bytes: a larger one is not read (git is asked its size first, so
	// neither git nor engage holds it), and reading it gives a
	// *TooLargeError.
	MaxSize int64

	mu     sync.Mutex
	cat    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	check  *batch // cat-file --batch-check, for sizes
}

// batch is a long-lived cat-file process.
type batch struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
}

// TooLargeError is a file at a revision over the repository's MaxSize.
type TooLargeError struct {
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the file is %s there, over the %s limit for a strategy file (raise it with --max-file-size)", mb(e.Size), mb(e.Limit))
}

// mb writes a size in megabytes: whole when it is, else to one place
// (in bytes below a megabyte).
func mb(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// Open finds the repository that holds dir.
func Open(dir string) (*Repo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, ErrNoGit
	}
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		if strings.Contains(err.Error(), "not a git repository") {
			return nil, ErrNotRepository
		}
		return nil, err
	}
	return &Repo{Top: strings.TrimSpace(out)}, nil
}

// ErrNoCommits is a repository with no commits yet.
var ErrNoCommits = errors.New("the repository has no commits yet: commit the strategy first (git add, then git commit)")

// Shallow reports a shallow clone: one holding only the newest commits
// (actions/checkout's default), so that older history is not there to
// read.
func (r *Repo) Shallow() bool {
	out, err := git(r.Top, "rev-parse", "--is-shallow-repository")
	return err == nil && strings.TrimSpace(out) == "true"
}

// Close stops the cat-file processes.
func (r *Repo) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.check != nil {
		_ = r.check.stdin.Close()
		_ = r.check.cmd.Wait()
		r.check = nil
	}
	if r.cat == nil {
		return nil
	}
	_ = r.stdin.Close()
	err := r.cat.Wait()
	r.cat = nil
	return err
}

// sizes asks git the size of each object (cat-file --batch-check, one
// process, every request sent before the first reply is read): -1 for
// one that is missing. The caller holds r.mu.
func (r *Repo) sizes(names []string) ([]int64, error) {
	if r.check == nil {
		cmd := exec.Command("git", "cat-file", "--batch-check")
		cmd.Dir = r.Top
		in, err := cmd.StdinPipe()
		if err != nil {
			return nil, err
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			return nil, err
		}
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("start git cat-file: %w", err)
		}
		r.check = &batch{cmd: cmd, stdin: in, stdout: bufio.NewReader(out)}
	}
	werr := make(chan error, 1)
	go func() {
		_, err := io.WriteString(r.check.stdin, strings.Join(names, "\n")+"\n")
		werr <- err
	}()
	out := make([]int64, len(names))
	for i := range names {
		line, err := r.check.stdout.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("git cat-file: %w", err)
		}
		line = strings.TrimSuffix(line, "\n")
		if strings.HasSuffix(line, " missing") || strings.HasSuffix(line, " ambiguous") {
			out[i] = -1
			continue
		}
		fields := strings.Split(line, " ")
		if len(fields) != 3 {
			return nil, fmt.Errorf("git cat-file: unexpected reply %q", line)
		}
		if out[i], err = strconv.ParseInt(fields[2], 10, 64); err != nil {
			return nil, fmt.Errorf("git cat-file: unexpected reply %q", line)
		}
	}
	return out, <-werr
}

// CheckRev refuses a revision that git could read as an option.
func CheckRev(rev string) error {
	if rev == "" {
		return errors.New("a revision is empty")
	}
	if strings.HasPrefix(rev, "-") {
		return fmt.Errorf("revision %q starts with '-': engage does not pass options to git through revisions", rev)
	}
	if strings.ContainsAny(rev, "\x00\n\r") {
		return fmt.Errorf("revision %q contains a line break or zero byte", rev)
	}
	return nil
}

// Resolve turns a revision (a branch, tag, HEAD~2, a hash...) into a commit
// hash.
func (r *Repo) Resolve(rev string) (string, error) {
	if err := CheckRev(rev); err != nil {
		return "", err
	}
	out, err := git(r.Top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("unknown revision %q: no branch, tag or commit has that name here", rev)
	}
	return strings.TrimSpace(out), nil
}

// Rel turns a path (relative to the working directory, or absolute) into
// the path git uses for it, relative to the repository's top.
func (r *Repo) Rel(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	// Compare through symlinks: a temporary folder may be reached by two names.
	if real, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(real, filepath.Base(abs))
	}
	top := r.Top
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || !filepath.IsLocal(rel) && rel != "." {
		return "", fmt.Errorf("%s is outside the repository %s", path, r.Top)
	}
	return filepath.ToSlash(rel), nil
}

// ReadFile returns a file's content at a commit. path is relative to the
// repository's top. A file absent at that commit gives ErrNotFound.
func (r *Repo) ReadFile(commit, path string) ([]byte, error) {
	data, _, err := r.object(commit + ":" + path)
	return data, err
}

// FileAt returns a file's content at a commit, following renames: path is
// its path now, relative to the top, and then the path it had at the
// commit. ErrNotFound when it did not exist there under any name.
func (r *Repo) FileAt(commit, path string) (data []byte, then string, err error) {
	data, err = r.ReadFile(commit, path)
	if !errors.Is(err, ErrNotFound) {
		return data, path, err
	}
	if then, err = r.PathAt(commit, path); err != nil {
		return nil, "", err
	}
	data, err = r.ReadFile(commit, then)
	return data, then, err
}

// Display turns a path relative to the repository's top into one relative
// to the working directory, for messages.
func (r *Repo) Display(rel string) string {
	p, err := filepath.Rel(".", filepath.Join(r.Top, filepath.FromSlash(rel)))
	if err != nil || !filepath.IsLocal(p) {
		return rel
	}
	return p
}

// EachBlob reads many blobs by hash and calls fn with each in order. It
// sends every request to git before reading the first reply, so git works
// while fn does. data is only valid during the call to fn. A hash of ""
// is skipped. A blob over MaxSize is not read: tooLarge is called with
// its index and size instead.
func (r *Repo) EachBlob(hashes []string, fn func(i int, data []byte), tooLarge func(i int, size int64)) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.start(); err != nil {
		return err
	}
	var want []int
	for i, h := range hashes {
		if h != "" {
			want = append(want, i)
		}
	}
	if r.MaxSize > 0 && len(want) > 0 {
		names := make([]string, len(want))
		for j, i := range want {
			names[j] = hashes[i]
		}
		sizes, err := r.sizes(names)
		if err != nil {
			return err
		}
		kept := want[:0]
		for j, i := range want {
			if sizes[j] > r.MaxSize {
				tooLarge(i, sizes[j])
				continue
			}
			kept = append(kept, i)
		}
		want = kept
	}
	var requests strings.Builder
	for _, i := range want {
		requests.WriteString(hashes[i] + "\n")
	}
	werr := make(chan error, 1)
	go func() {
		_, err := io.WriteString(r.stdin, requests.String())
		werr <- err
	}()
	var buf []byte
	for _, i := range want {
		data, _, err := r.reply(hashes[i], buf)
		if err != nil {
			// Stop git so the writer cannot block, then report.
			_ = r.stdin.Close()
			<-werr //nolint:errcheck // the writer fails only because git was stopped: err says why
			_ = r.cat.Wait()
			r.cat = nil
			return err
		}
		fn(i, data)
		buf = data
	}
	return <-werr
}

// object reads one object through the cat-file process, starting it on
// first use.
func (r *Repo) object(name string) ([]byte, string, error) {
	return r.objectInto(name, nil)
}

func (r *Repo) objectInto(name string, buf []byte) ([]byte, string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.start(); err != nil {
		return nil, "", err
	}
	if r.MaxSize > 0 {
		sizes, err := r.sizes([]string{name})
		if err != nil {
			return nil, "", err
		}
		if sizes[0] < 0 {
			return nil, "", ErrNotFound
		}
		if sizes[0] > r.MaxSize {
			return nil, "", &TooLargeError{Size: sizes[0], Limit: r.MaxSize}
		}
	}
	if _, err := io.WriteString(r.stdin, name+"\n"); err != nil {
		return nil, "", fmt.Errorf("git cat-file: %w", err)
	}
	return r.reply(name, buf)
}

// start starts the cat-file process if it is not running.
func (r *Repo) start() error {
	if r.cat == nil {
		cmd := exec.Command("git", "cat-file", "--batch")
		cmd.Dir = r.Top
		in, err := cmd.StdinPipe()
		if err != nil {
			return err
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			return err
		}
		if err := cmd.Start(); err != nil {
			return fmt.Errorf("start git cat-file: %w", err)
		}
		r.cat, r.stdin, r.stdout = cmd, in, bufio.NewReaderSize(out, 1<<16)
	}
	return nil
}

// reply reads cat-file's answer for one object into buf.
func (r *Repo) reply(name string, buf []byte) ([]byte, string, error) {
	header, err := r.stdout.ReadString('\n')
	if err != nil {
		return nil, "", fmt.Errorf("git cat-file: %w", err)
	}
	// "<name> missing" names the object as asked, which may hold spaces
	// (a path); a found object is "<hash> <type> <size>".
	line := strings.TrimSuffix(header, "\n")
	if strings.HasSuffix(line, " missing") || strings.HasSuffix(line, " ambiguous") {
		return nil, "", ErrNotFound
	}
	fields := strings.Split(line, " ")
	if len(fields) != 3 {
		return nil, "", fmt.Errorf("git cat-file: unexpected reply %q", header)
	}
	size, err := strconv.Atoi(fields[2])
	if err != nil {
		return nil, "", fmt.Errorf("git cat-file: unexpected reply %q", header)
	}
	data := buf[:0]
	if cap(data) < size+1 {
		data = make([]byte, size+1, size+size/4+1) // room to grow with the file
	}
	data = data[:size+1] // the content, then a newline
	if _, err := io.ReadFull(r.stdout, data); err != nil {
		return nil, "", fmt.Errorf("git cat-file: %w", err)
	}
	if fields[1] != "blob" {
		return nil, "", fmt.Errorf("%s is a %s, not a file", name, fields[1])
	}
	return data[:size], fields[0], nil
}

// ListFiles lists the files under paths (relative to the top; all files
// when none) at a commit.
func (r *Repo) ListFiles(commit string, paths []string) ([]string, error) {
	args := append([]string{"ls-tree", "-r", "--name-only", "--full-tree", "-z", "--end-of-options", commit, "--"}, paths...)
	out, err := git(r.Top, args...)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, f := range strings.Split(out, "\x00") {
		if f != "" {
			files = append(files, f)
		}
	}
	return files, nil
}

// Commit is one commit that changed a file.
type Commit struct {
	Hash    string
	Author  string
	Date    string // author date, ISO 8601
	Subject string
	Path    string // the file's path at this commit (it may have been renamed since)
	Blob    string // the file's blob hash at this commit; "" when the commit deleted it
}

// Log lists the commits that changed a file, newest first, following
// renames, on every branch merged into HEAD. path is relative to the top.
func (r *Repo) Log(path string) ([]Commit, error) { return r.log(path, false) }

// Mainline lists the commits that changed a file as HEAD's own line of
// history saw them (its first parents), newest first, following renames:
// a branch merged in counts from its merge, as the commit that brought its
// changes, so what the file held on a day is what HEAD's branch held then,
// not a draft on a branch merged later.
func (r *Repo) Mainline(path string) ([]Commit, error) { return r.log(path, true) }

func (r *Repo) log(path string, firstParent bool) ([]Commit, error) {
	args := []string{"log", "--follow", "--no-color", "-z", "--raw", "--no-abbrev", "--format=%x1e%H%x1f%an%x1f%aI%x1f%s"}
	if firstParent {
		// -m: a merge's change against its first parent, in every git
		// (--diff-merges=first-parent, which says so, is git 2.31 on).
		args = append(args, "--first-parent", "-m")
	}
	out, err := git(r.Top, append(args, "--end-of-options", "HEAD", "--", path)...)
	if err != nil {
		if strings.Contains(err.Error(), "does not have any commits") || strings.Contains(err.Error(), "bad revision 'HEAD'") {
			return nil, ErrNoCommits
		}
		return nil, err
	}
	var commits []Commit
	for _, rec := range strings.Split(out, "\x1e") {
		if strings.TrimSpace(rec) == "" {
			continue
		}
		head, raw, _ := strings.Cut(rec, "\x00") // the format, then "\x00\n:raw entry"
		f := strings.Split(head, "\x1f")
		if len(f) != 4 {
			return nil, fmt.Errorf("git log: unexpected record %q", head)
		}
		c := Commit{Hash: f[0], Author: f[1], Date: f[2], Subject: f[3]}
		c.Path, c.Blob = parseRaw(raw, path)
		commits = append(commits, c)
	}
	return commits, nil
}

// parseRaw reads a --raw -z entry: ":old new oldsha newsha status\0path\0[newpath\0]".
func parseRaw(raw, fallback string) (path, blob string) {
	parts := strings.Split(strings.TrimLeft(raw, "\n"), "\x00")
	if len(parts) < 2 {
		return fallback, ""
	}
	meta := strings.Fields(parts[0])
	if len(meta) < 5 {
		return fallback, ""
	}
	newSha, status := meta[3], meta[4]
	path = parts[1]
	if (strings.HasPrefix(status, "R") || strings.HasPrefix(status, "C")) && len(parts) > 2 {
		path = parts[2]
	}
	if strings.Trim(newSha, "0") == "" {
		return path, "" // deleted in this commit
	}
	return path, newSha
}

// PathAt returns the path a file (named by its path now, relative to the
// top) had at a commit, following renames: its path in the newest commit of
// its history that the commit contains. ErrNotFound when it did not exist
// there. It asks git twice, however long the history: once for the file's
// history, once for which of those commits the commit contains.
func (r *Repo) PathAt(commit, path string) (string, error) {
	log, err := r.Log(path)
	if err != nil || len(log) == 0 {
		return "", cmp.Or(err, ErrNotFound)
	}
	var paths []string
	seen := map[string]bool{}
	for _, c := range log {
		if !seen[c.Path] {
			seen[c.Path] = true
			paths = append(paths, c.Path)
		}
	}
	// Every commit of the history touched the file under one of its
	// paths, so it is listed here exactly when the commit contains it.
	args := append([]string{"log", "--full-history", "--format=%H", "--end-of-options", commit, "--"}, paths...)
	out, err := git(r.Top, args...)
	if err != nil {
		return "", err
	}
	contained := map[string]bool{}
	for _, h := range strings.Fields(out) {
		contained[h] = true
	}
	for _, c := range log {
		if !contained[c.Hash] {
			continue
		}
		if c.Blob == "" {
			return "", ErrNotFound
		}
		return c.Path, nil
	}
	return "", ErrNotFound
}

// git runs a git command in dir and returns its standard output.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...) //nolint:gosec // G204: always git; callers put revisions and paths after --end-of-options or --, so they are never read as options
	cmd.Dir = dir
	// Paths are file names, never patterns: a name with * or [ in it
	// means only itself.
	cmd.Env = append(os.Environ(), "GIT_LITERAL_PATHSPECS=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return "", fmt.Errorf("git %s: %s", args[0], strings.TrimSpace(stderr.String()))
		}
		return "", fmt.Errorf("git %s: %w", args[0], err)
	}
	return stdout.String(), nil
}
