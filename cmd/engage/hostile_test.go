//go:build unix

package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The hostile-input catalogue (testdata/hostile): each case runs the real
// binary and must exit as listed, print the listed message, never a Go
// panic or stack trace nor a terminal control character, and finish within
// the limits.
const (
	hostileTime   = time.Second
	hostileMemory = 200 << 20
)

type hostileCase struct {
	name, args, message string
	exit, line          int
}

func readCases(t *testing.T, path string) []hostileCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	var cases []hostileCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 4)
		if len(parts) != 4 {
			t.Fatalf("%s:%d: want name | arguments | exit | message", path, n)
		}
		exit, err := strconv.Atoi(strings.TrimSpace(parts[2]))
		if err != nil {
			t.Fatalf("%s:%d: exit code: %v", path, n, err)
		}
		cases = append(cases, hostileCase{name: strings.TrimSpace(parts[0]), args: strings.TrimSpace(parts[1]),
			exit: exit, message: strings.TrimSpace(parts[3]), line: n})
	}
	return cases
}

// generate writes the inputs git cannot keep into dir.
func generate(t *testing.T, dir string) {
	t.Helper()
	minimal, err := os.ReadFile("../../examples/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	body := minimal[bytes.Index(minimal, []byte("engage: 1")):]
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("line-10mb.yaml", bytes.Replace(body, []byte("  state: draft\n"),
		[]byte("  state: draft\n  note: "+strings.Repeat("x", 10_000_000)+"\n"), 1))
	write("file-50mb.yaml", append(append([]byte{}, body...), bytes.Repeat([]byte("# padding\n"), 5_300_000)...))
	write("nest-lists.yaml", []byte("a: "+strings.Repeat("[", 10_000)+strings.Repeat("]", 10_000)+"\n"))
	write("nest-keys.yaml", []byte("engage: 1\nicb: "+strings.Repeat("{a: ", 10_000)+"x"+strings.Repeat("}", 10_000)+"\n"))
	write("nest-20000.yaml", []byte("engage: 1\nprinciples: "+strings.Repeat("[", 20_000)+strings.Repeat("]", 20_000)+"\n"))
	write("unreadable.yaml", body)
	write("victim.yaml", body)
	lsc, err := os.ReadFile("../../strategies/lsc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write("metric.yaml", lsc)
	if err := os.Chmod(filepath.Join(dir, "unreadable.yaml"), 0); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"no-yaml", "folder.yaml"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write("no-yaml/README.txt", []byte("not a strategy\n"))
	for link, target := range map[string]string{"loop.yaml": "loop2.yaml", "loop2.yaml": "loop.yaml",
		"dangling.yaml": "nowhere.yaml", "victim-link.yaml": "victim.yaml"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestHostileInputs(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "engage")
	peakrss := filepath.Join(filepath.Dir(bin), "peakrss")
	for target, pkg := range map[string]string{bin: ".", peakrss: "../../internal/peakrss"} {
		if out, err := exec.Command("go", "build", "-o", target, pkg).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	gen := t.TempDir()
	generate(t, gen)
	asRoot := os.Geteuid() == 0
	if asRoot {
		// root reads any file: the unreadable case runs engage as nobody,
		// who must reach the binaries and the folder, and write the peak.
		for _, d := range []string{filepath.Dir(bin), filepath.Dir(filepath.Dir(bin)), gen, filepath.Dir(gen)} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	cases := readCases(t, "../../testdata/hostile/cases.txt")
	if len(cases) < 30 {
		t.Fatalf("the catalogue has %d cases; issue 9 asks for at least 30", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := strings.Fields(strings.ReplaceAll(c.args, "$GEN", gen))
			want := strings.ReplaceAll(c.message, "$GEN", gen)
			peakFile := filepath.Join(gen, "peak")
			run := func() (string, int, time.Duration, int64) {
				cmd := exec.Command(peakrss, append([]string{peakFile, bin}, args...)...)
				cmd.Dir = "../../testdata/hostile"
				cmd.Env = append(os.Environ(), "NO_COLOR=1")
				if asRoot && strings.Contains(c.args, "unreadable") {
					cmd.Dir = gen
					cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
				}
				start := time.Now()
				out, _ := cmd.CombinedOutput()
				took := time.Since(start)
				kb, err := os.ReadFile(peakFile)
				if err != nil {
					t.Fatalf("peakrss wrote no figure: %v\n%s", err, out)
				}
				peak, _ := strconv.ParseInt(strings.TrimSpace(string(kb)), 10, 64)
				return string(out), cmd.ProcessState.ExitCode(), took, peak << 10
			}
			out, code, took, peak := run()
			if took > hostileTime { // a busy machine: one more try
				out, code, took, peak = run()
			}
			where := "testdata/hostile/cases.txt:" + strconv.Itoa(c.line)
			if code != c.exit {
				t.Errorf("%s: exit %d, want %d\n%s", where, code, c.exit, out)
			}
			if !strings.Contains(out, want) {
				t.Errorf("%s: the output does not contain\n  %s\ngot:\n%s", where, want, limit(out))
			}
			for _, bad := range []string{"panic:", "goroutine ", "runtime error", ".go:"} {
				if strings.Contains(out, bad) {
					t.Errorf("%s: the output has %q, like a Go crash:\n%s", where, bad, limit(out))
				}
			}
			// NO_COLOR is set: no escape sequence or bell is engage's own.
			if i := strings.IndexAny(out, "\x1b\x07\u009b"); i >= 0 {
				t.Errorf("%s: the output has a control character (%q) a terminal would act on:\n%q", where, out[i], limit(out))
			}
			if took > hostileTime {
				t.Errorf("%s: took %s, over %s", where, took.Round(time.Millisecond), hostileTime)
			}
			if peak > hostileMemory {
				t.Errorf("%s: peaked at %d MB, over %d MB", where, peak>>20, hostileMemory>>20)
			}
			t.Logf("exit %d in %s, peak %d MB", code, took.Round(time.Millisecond), peak>>20)
		})
	}
}

func limit(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "..."
	}
	return s
}
