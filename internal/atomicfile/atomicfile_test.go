package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.txt")
	if err := Write(p, []byte("one"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	info, _ := os.Stat(p)
	if string(got) != "two" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q with mode %v, want \"two\" with the old mode 0600", got, info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want 1 (no temporary file left)", len(entries))
	}
}

// Issue 16: a cleaner once deleted every .NAME.*.tmp older than ten
// minutes, a user's .t.yaml.backup.tmp among them. engage deletes only
// the temporary file it made itself.
func TestWriteDeletesNothingItDidNotMake(t *testing.T) {
	dir := t.TempDir()
	others := []string{".out.txt.123.tmp", ".out.txt.backup.tmp", ".out.txt.engage-1.tmp", ".[o]ut.txt.1.tmp", ".other.txt.789.tmp"}
	old := time.Now().Add(-time.Hour)
	for _, name := range others {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("keep me"), 0o600); err != nil {
			t.Fatal(err)
		}
		_ = os.Chtimes(p, old, old)
	}
	for _, name := range []string{"out.txt", "[o]ut.txt"} {
		if err := Write(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range others {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s is gone: engage deleted a file it did not make", name)
		}
	}
}

func TestTempPattern(t *testing.T) {
	if got := tempPattern("lsc.yaml"); got != ".lsc.yaml.engage-*.tmp" {
		t.Errorf("tempPattern = %q", got)
	}
	long := strings.Repeat("é", 200) + ".yaml" // 405 bytes
	p := tempPattern(long)
	if n := len(strings.Replace(p, "*", "12345678901234567890", 1)); n > 255 {
		t.Errorf("a temporary name of %d bytes, over 255", n)
	}
	if !strings.HasSuffix(p, ".engage-*.tmp") || !strings.HasPrefix(p, ".éé") {
		t.Errorf("tempPattern(long) = %q", p)
	}
	if err := Write(filepath.Join(t.TempDir(), strings.Repeat("x", 250)), []byte("x"), 0o644); err != nil {
		t.Errorf("a 250-byte name: %v", err)
	}
}

func TestWriteFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	if err := Write(filepath.Join(dir, "missing", "out.txt"), []byte("x"), 0o644); err == nil {
		t.Fatal("Write into a missing folder: nil error")
	}
	if err := Write(dir, []byte("x"), 0o644); err == nil {
		t.Fatal("Write over a folder: nil error")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("folder holds %v after failed writes, want nothing", entries)
	}
}

// Issue 16: writing through a symbolic link replaced the link with a
// regular file and left its target as it was.
func TestWriteThroughSymlinks(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "data", "lsc.yaml")
	if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	links := filepath.Join(root, "links")
	_ = os.Mkdir(links, 0o755)
	link := filepath.Join(links, "lsc.yaml")
	chain := filepath.Join(links, "chain.yaml")
	if err := os.Symlink("../data/lsc.yaml", link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("lsc.yaml", chain); err != nil {
		t.Fatal(err)
	}
	for i, p := range []string{link, chain} {
		want := []string{"through a link", "through two"}[i]
		if err := Write(p, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(real); string(got) != want {
			t.Errorf("the target holds %q, want %q", got, want)
		}
		if info, err := os.Lstat(p); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link", filepath.Base(p))
		}
	}
	if info, _ := os.Stat(real); info.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode is %v, want 0640", info.Mode().Perm())
	}
	// A link to nothing: the file it names is created.
	dangling := filepath.Join(links, "new.yaml")
	if err := os.Symlink("../data/new.yaml", dangling); err != nil {
		t.Fatal(err)
	}
	if err := Write(dangling, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "data", "new.yaml")); string(got) != "new" {
		t.Errorf("through a dangling link: the target holds %q", got)
	}
	loop := filepath.Join(links, "loop.yaml")
	_ = os.Symlink("loop.yaml", loop)
	if err := Write(loop, []byte("x"), 0o644); err == nil || !strings.Contains(err.Error(), "loop of links") {
		t.Errorf("a loop of links: %v", err)
	}
}

// Issue 16: a read-only file was overwritten without a word, and a hard
// link was broken. Both are refused, leaving the file as it was.
func TestWriteRefusals(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro.yaml")
	if err := os.WriteFile(ro, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	linked := filepath.Join(dir, "linked.yaml")
	if err := os.WriteFile(linked, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(linked, filepath.Join(dir, "other-name.yaml")); err != nil {
		t.Skipf("hard links: %v", err)
	}
	for p, want := range map[string]string{ro: "it is read-only", linked: "the file has 2 names (hard links)"} {
		err := Write(p, []byte("new"), 0o644)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Write(%s) = %v, want an error saying %q", filepath.Base(p), err, want)
		}
		err = Edit(p, EditOptions{}, func([]byte) ([]byte, error) { return []byte("new"), nil })
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Edit(%s) = %v, want an error saying %q", filepath.Base(p), err, want)
		}
		if got, _ := os.ReadFile(p); string(got) != "old" {
			t.Errorf("%s holds %q, want it untouched", filepath.Base(p), got)
		}
	}
}

// Issue 16: nothing checked that the file was unchanged between reading
// it and replacing it.
func TestEditRefusesAFileChangedMeanwhile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "lsc.yaml")
	if err := os.WriteFile(p, []byte("status: planned\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, other := range map[string]func(){
		"rewritten in place": func() {
			f, _ := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0)
			_, _ = f.WriteString("status: at-risk\n") // same size: the content tells
			_ = f.Close()
		},
		"replaced": func() {
			_ = os.WriteFile(p+".new", []byte("status: at-risk\n"), 0o644)
			_ = os.Rename(p+".new", p)
		},
	} {
		if err := os.WriteFile(p, []byte("status: planned\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Minute)
		_ = os.Chtimes(p, old, old) // the other save keeps the time: the content tells
		err := Edit(p, EditOptions{}, func(data []byte) ([]byte, error) {
			other()
			_ = os.Chtimes(p, old, old)
			return []byte("status: done\n"), nil
		})
		var changed *ChangedError
		if !errors.As(err, &changed) || !strings.Contains(err.Error(), "changed while engage was updating it") {
			t.Errorf("%s: Edit = %v, want a ChangedError", name, err)
		}
		if got, _ := os.ReadFile(p); string(got) != "status: at-risk\n" {
			t.Errorf("%s: the file holds %q, want the other program's save", name, got)
		}
	}
}

// An editor part-way through saving in place (the file open for writing)
// is seen, where Linux can tell.
func TestEditRefusesAFileBeingSaved(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only Linux says whether a file is open for writing")
	}
	p := filepath.Join(t.TempDir(), "lsc.yaml")
	if err := os.WriteFile(p, []byte("status: planned\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.WriteString("status: pl") // half saved
	err = Edit(p, EditOptions{}, func([]byte) ([]byte, error) { return []byte("status: done\n"), nil })
	_ = f.Close()
	var changed *ChangedError
	if !errors.As(err, &changed) || !changed.Saving {
		t.Errorf("Edit = %v, want a ChangedError for a file being saved", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "status: pl" {
		t.Errorf("the file holds %q", got)
	}
}

// Issue 16: the lock was taken in the link's folder, not the target's;
// and a lock held elsewhere made a writer wait for ever.
func TestEditLocksTheRealFolderForABoundedTime(t *testing.T) {
	root := t.TempDir()
	data, links := filepath.Join(root, "data"), filepath.Join(root, "links")
	_ = os.Mkdir(data, 0o755)
	_ = os.Mkdir(links, 0o755)
	real := filepath.Join(data, "lsc.yaml")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(links, "lsc.yaml")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	unlock, err := Lock(data)
	if err != nil {
		t.Fatal(err)
	}
	waited := 0
	start := time.Now()
	err = Edit(link, EditOptions{Lock: LockOptions{Timeout: 1500 * time.Millisecond, Waiting: func(string) { waited++ }}},
		func([]byte) ([]byte, error) { return []byte("new"), nil })
	took := time.Since(start)
	var timeout *LockTimeoutError
	if !errors.As(err, &timeout) {
		t.Fatalf("Edit with the target's folder locked = %v, want a LockTimeoutError", err)
	}
	if waited != 1 || took < time.Second || took > 10*time.Second {
		t.Errorf("Waiting called %d times, gave up after %v; want once, after about 1.5s", waited, took)
	}
	unlock()
	if err := Edit(link, EditOptions{}, func([]byte) ([]byte, error) { return []byte("new"), nil }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("the target holds %q, want \"new\"", got)
	}
}

func TestEditSizeLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(p, make([]byte, 2000), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Edit(p, EditOptions{Limit: 1000}, func([]byte) ([]byte, error) { t.Fatal("change called"); return nil, nil })
	var large *TooLargeError
	if !errors.As(err, &large) || large.Size != 2000 {
		t.Errorf("Edit over the limit = %v", err)
	}
}
