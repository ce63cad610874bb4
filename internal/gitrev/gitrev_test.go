package gitrev

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repo makes a repository with a file edited, renamed and edited again.
func repo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Ann", "GIT_AUTHOR_EMAIL=a@x", "GIT_COMMITTER_NAME=Ann", "GIT_COMMITTER_EMAIL=a@x",
			"GIT_AUTHOR_DATE=2024-01-02T10:00:00Z", "GIT_COMMITTER_DATE=2024-01-02T10:00:00Z")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q", "-b", "main")
	write("s/old.yaml", "status: planned\nline: 1\nline: 2\nline: 3\n")
	run("add", ".")
	run("commit", "-q", "-m", "first")
	write("s/old.yaml", "status: in-progress\nline: 1\nline: 2\nline: 3\n")
	run("commit", "-q", "-am", "second")
	run("mv", "s/old.yaml", "s/new.yaml")
	run("commit", "-q", "-m", "rename")
	write("s/new.yaml", "status: done\nline: 1\nline: 2\nline: 3\n")
	write("other.yaml", "x: 1\n")
	run("add", ".")
	run("commit", "-q", "-m", "third")
	return dir
}

func TestRepo(t *testing.T) {
	dir := repo(t)
	r, err := Open(filepath.Join(dir, "s"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = r.Close() }()
	head, err := r.Resolve("HEAD")
	if err != nil || len(head) != 40 {
		t.Fatalf("Resolve(HEAD) = %q, %v", head, err)
	}
	first, err := r.Resolve("HEAD~3")
	if err != nil {
		t.Fatal(err)
	}
	data, err := r.ReadFile(first, "s/old.yaml")
	if err != nil || !strings.HasPrefix(string(data), "status: planned") {
		t.Errorf("ReadFile(first, s/old.yaml) = %q, %v", data, err)
	}
	if _, err := r.ReadFile(first, "s/new.yaml"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ReadFile of a file absent at that commit: %v, want ErrNotFound", err)
	}
	files, err := r.ListFiles(head, []string{"s"})
	if err != nil || strings.Join(files, ",") != "s/new.yaml" {
		t.Errorf("ListFiles(HEAD, s) = %v, %v", files, err)
	}
	log, err := r.Log("s/new.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range log {
		got = append(got, c.Subject+":"+c.Path)
		if c.Author != "Ann" || !strings.HasPrefix(c.Date, "2024-01-02T10:00:00") || c.Blob == "" {
			t.Errorf("commit %+v: author, date or blob missing", c)
		}
	}
	if strings.Join(got, " ") != "third:s/new.yaml rename:s/new.yaml second:s/old.yaml first:s/old.yaml" {
		t.Errorf("Log = %v", got)
	}
	var blob string
	err = r.EachBlob([]string{log[3].Blob}, func(_ int, data []byte) { blob = string(data) }, nil)
	if err != nil || !strings.HasPrefix(blob, "status: planned") {
		t.Errorf("EachBlob(first) = %q, %v", blob, err)
	}
	if rel, err := r.Rel(filepath.Join(dir, "s", "new.yaml")); err != nil || rel != "s/new.yaml" {
		t.Errorf("Rel = %q, %v", rel, err)
	}
	// FileAt follows the rename: at the second commit the file was s/old.yaml.
	second, _ := r.Resolve("HEAD~2")
	data, then, err := r.FileAt(second, "s/new.yaml")
	if err != nil || then != "s/old.yaml" || !strings.HasPrefix(string(data), "status: in-progress") {
		t.Errorf("FileAt(second, s/new.yaml) = %q, %q, %v; want s/old.yaml in progress", data, then, err)
	}
	data, then, err = r.FileAt(head, "s/new.yaml")
	if err != nil || then != "s/new.yaml" || !strings.HasPrefix(string(data), "status: done") {
		t.Errorf("FileAt(HEAD, s/new.yaml) = %q, %q, %v", data, then, err)
	}
	if _, _, err := r.FileAt(first, "other.yaml"); !errors.Is(err, ErrNotFound) {
		t.Errorf("FileAt of a file added later = %v, want ErrNotFound", err)
	}
}

func TestRefusals(t *testing.T) {
	dir := repo(t)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = r.Close() }()
	for _, rev := range []string{"--output=/tmp/x", "-p", "", "a\nb"} {
		if _, err := r.Resolve(rev); err == nil {
			t.Errorf("Resolve(%q) = nil error, want a refusal", rev)
		}
	}
	if _, err := r.Resolve("no-such-branch"); err == nil || !strings.Contains(err.Error(), "unknown revision") {
		t.Errorf("Resolve(no-such-branch) = %v", err)
	}
	if _, err := Open(t.TempDir()); !errors.Is(err, ErrNotRepository) {
		t.Errorf("Open(plain folder) = %v, want ErrNotRepository", err)
	}
	if _, err := r.Rel("/etc/passwd"); err == nil {
		t.Error("Rel(outside) = nil error")
	}
}

func TestNoGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := Open("."); !errors.Is(err, ErrNoGit) {
		t.Errorf("Open without git on PATH = %v, want ErrNoGit", err)
	}
}

// Issue 16: the size limit was not applied to revisions, so a 100 MB blob
// was read whole (715 MB peak). Over MaxSize, a file is not read at all.
func TestMaxSize(t *testing.T) {
	dir := repo(t)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = r.Close() }()
	r.MaxSize = 30 // the file is 37 bytes
	head, _ := r.Resolve("HEAD")
	_, err = r.ReadFile(head, "s/new.yaml")
	var large *TooLargeError
	if !errors.As(err, &large) || large.Size != 37 || large.Limit != 30 || !strings.Contains(err.Error(), "the file is 37 bytes there, over the 30 bytes limit") {
		t.Errorf("ReadFile over the limit = %v, want a TooLargeError of 37 bytes", err)
	}
	if _, _, err := r.FileAt(head, "s/new.yaml"); !errors.As(err, &large) {
		t.Errorf("FileAt over the limit = %v", err)
	}
	if data, err := r.ReadFile(head, "other.yaml"); err != nil || string(data) != "x: 1\n" {
		t.Errorf("ReadFile within the limit = %q, %v", data, err)
	}
	if _, err := r.ReadFile(head, "missing.yaml"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ReadFile of a missing file = %v", err)
	}
	log, err := r.Log("s/new.yaml")
	if err != nil {
		t.Fatal(err)
	}
	hashes := []string{log[0].Blob, "", log[1].Blob}
	var read, skipped []int
	err = r.EachBlob(hashes, func(i int, _ []byte) { read = append(read, i) }, func(i int, size int64) { skipped = append(skipped, i) })
	if err != nil || len(read) != 0 || len(skipped) != 2 {
		t.Errorf("EachBlob over the limit: read %v, skipped %v, %v; want both skipped", read, skipped, err)
	}
	r.MaxSize = 0
	read, skipped = nil, nil
	if err := r.EachBlob(hashes, func(i int, _ []byte) { read = append(read, i) }, nil); err != nil || len(read) != 2 {
		t.Errorf("EachBlob without a limit: read %v, %v", read, err)
	}
}
