//go:build unix

package main

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/engage-icb/engage/internal/corpus"
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
	// Notepad's "Unicode": UTF-16, little-endian, with its byte-order mark.
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range string(body) {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	write("utf16.yaml", utf16)
	write("two-boms.yaml", append([]byte("\xEF\xBB\xBF\xEF\xBB\xBF"), body...))
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
	// A file name a terminal would act on ($EVIL), alone and in a folder.
	for _, d := range []string{"evil-folder", "ci-names", "repo"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(evilName, body)
	write("evil-folder/"+evilName, body)
	// A file name that would be workflow commands in a CI log, with more
	// findings than GitHub shows as annotations.
	wrong, err := os.ReadFile("../../testdata/hostile/wrong-types.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write("ci-names/x\n::add-mask::leak\n::error::forged.yaml", wrong)
	// An old revision that was never validated: a status that writes to
	// the clipboard (OSC 52) and reverses the text after it.
	git := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = filepath.Join(dir, "repo")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	write("repo/plan.yaml", bytes.Replace(body, []byte("status: not-reported"), []byte(`status: "done\e]52;c;aGk=\a\u202E"`), 1))
	git("add", "plan.yaml")
	git("commit", "-q", "-m", "first")
	write("repo/plan.yaml", body)
	git("commit", "-q", "-am", "second")
	// A revision of 100 MB (issue 16: read whole, 715 MB peak), then one
	// of the right size.
	if err := os.Mkdir(filepath.Join(dir, "bigrepo"), 0o755); err != nil {
		t.Fatal(err)
	}
	bigGit := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = filepath.Join(dir, "bigrepo")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	bigGit("init", "-q")
	write("bigrepo/plan.yaml", append(append([]byte{}, body...), bytes.Repeat([]byte("# padding\n"), 10_500_000)...))
	bigGit("add", "plan.yaml")
	bigGit("commit", "-q", "-m", "a 100 MB version")
	write("bigrepo/plan.yaml", body)
	bigGit("commit", "-q", "-am", "back to size")
	// Layouts the in-place editor refused or mis-edited (issue 16).
	write("readonly.yaml", body)
	if err := os.Chmod(filepath.Join(dir, "readonly.yaml"), 0o444); err != nil {
		t.Fatal(err)
	}
	write("linked.yaml", body)
	if err := os.Link(filepath.Join(dir, "linked.yaml"), filepath.Join(dir, "linked-2.yaml")); err != nil {
		t.Fatal(err)
	}
	write("cr.yaml", bytes.ReplaceAll(body, []byte("\n"), []byte("\r")))
	write("ls.yaml", bytes.Replace(body, []byte("  title: Working with people and communities (example)\n"), []byte("  title: \"Working with people\u2028and communities\"\n"), 1))
	write("anchors.yaml", bytes.Replace(body, []byte("  - id: O1\n    year: 2025/26\n    title: Agree"), []byte("  - &first\n    id: O1\n    year: 2025/26\n    title: !!str Agree"), 1))
	write("quoted.yaml", bytes.Replace(body, []byte("status: not-reported"), []byte(`status: "not-reported"`), 1))
	write("keep.yaml", bytes.Replace(body, []byte("    status: not-reported\n"),
		[]byte("    status: in-progress\n    updates:\n      - date: 2025-05-01\n        status: in-progress\n        note: |+\n          Workshops held.\n\n"), 1))
	write("flow-quotes.yaml", []byte("engage: 1\nicb: {code: QSL, name: NHS Somerset ICB}\n"+
		"strategy: {title: Working with people and communities, period: {from: 2025/26, to: 2027/28}, state: draft}\n"+
		"principles:\n  - {id: P1, text: We work with people and communities in everything we do, national: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}\n"+
		"objectives:\n  - {id: O1, year: 2025/26, title: Agree the people's panel plan, principles: [P1], status: planned}\n"+
		"  - {id: O2, year: 2025/26, title: Publish the board's papers, principles: [P1], status: planned}\n"))
	write("bom-flow.yaml", []byte("\uFEFF{engage: 1, icb: {code: QSL, name: NHS Somerset ICB}, "+
		"strategy: {title: Working with people and communities, period: {from: 2025/26, to: 2027/28}, state: draft}, "+
		"principles: [{id: P1, text: We work with people, national: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}], "+
		"objectives: [{id: O1, year: 2025/26, title: Agree the people's plan, principles: [P1], status: planned}]}\n"))
	write("findings-12500.yaml", corpus.Findings(12500))
	// A workbook of 160 KB whose one sheet part unpacks to 50 MB, named
	// by five sheets (issue 16: 27 s and 3.9 GB for report --check).
	if err := corpus.BombWorkbook(filepath.Join(dir, "bomb.xlsx"), 50, 5); err != nil {
		t.Fatal(err)
	}
}

// generateWorkbooks writes, into dir, report workbooks typed into in
// every way engage import must refuse (issue 20): made by bin from a copy
// of examples/minimal.yaml (import.yaml), then edited with excelize.
func generateWorkbooks(t *testing.T, dir, bin string) {
	t.Helper()
	plan, err := os.ReadFile("../../examples/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "import.yaml"), plan, 0o644); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "import.xlsx")
	report := exec.Command(bin, "report", "import.yaml", "--year", "2025/26", "--as-of", "2025-06-01", "-o", base)
	report.Dir = dir
	if out, err := report.CombinedOutput(); err != nil {
		t.Fatalf("engage report: %v\n%s", err, out)
	}
	for name, edit := range map[string]func(f *excelize.File) error{
		"import-status": func(f *excelize.File) error { return f.SetCellStr("Objectives", "K2", "complete") },
		"import-typo":   func(f *excelize.File) error { return f.SetCellStr("Objectives", "K2", "in progres") },
		"import-date": func(f *excelize.File) error {
			return errors.Join(f.SetCellStr("Objectives", "K2", "done"), f.SetCellStr("Objectives", "N2", "next Tuesday"))
		},
		"import-formula": func(f *excelize.File) error { return f.SetCellFormula("Objectives", "K2", `"do"&"ne"`) },
		"import-unknown": func(f *excelize.File) error {
			return errors.Join(f.SetCellStr("Objectives", "A2", "O9"), f.SetCellStr("Objectives", "K2", "done"))
		},
		"import-duplicate": func(f *excelize.File) error {
			return errors.Join(f.SetCellStr("Objectives", "K2", "done"), f.SetCellStr("Objectives", "A3", "O1"), f.SetCellStr("Objectives", "K3", "planned"))
		},
		"import-evidence": func(f *excelize.File) error {
			return errors.Join(f.SetCellStr("Objectives", "K2", "done"), f.SetCellStr("Objectives", "M2", "file://server/share/minutes.docx"))
		},
		"import-other-icb": func(f *excelize.File) error {
			return errors.Join(f.SetCustomProps(excelize.CustomProperty{Name: "engage-icb", Value: "QE1"}), f.SetCellStr("Objectives", "K2", "done"))
		},
		"import-no-props": func(f *excelize.File) error {
			return errors.Join(f.SetCustomProps(excelize.CustomProperty{Name: "engage-sha256"}), f.SetCustomProps(excelize.CustomProperty{Name: "engage-icb"}),
				f.SetCustomProps(excelize.CustomProperty{Name: "engage-strategy"}), f.SetCustomProps(excelize.CustomProperty{Name: "engage-strategy-from-workbook"}),
				f.SetCellStr("Objectives", "K2", "done"))
		},
	} {
		f, err := excelize.OpenFile(base)
		if err != nil {
			t.Fatal(err)
		}
		if err := edit(f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := f.SaveAs(filepath.Join(dir, name+".xlsx")); err != nil {
			t.Fatal(err)
		}
		_ = f.Close()
	}
	compare := exec.Command(bin, "compare", "import.yaml", "--as-of", "2025-06-01", "-o", "import-compare.xlsx")
	compare.Dir = dir
	if out, err := compare.CombinedOutput(); err != nil {
		t.Fatalf("engage compare: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(dir, "import-csv.xlsx"), []byte("ID,New status\nO1,done\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// evilName is a file name with an OSC 52 clipboard write and a
// right-to-left override in it: $EVIL in cases.txt.
const evilName = "evil\x1b]52;c;aGk=\x07\u202e.yaml"

// workflowCommand is what engage's own GitHub annotations look like: the
// only lines of output that may start with ::.
var workflowCommand = regexp.MustCompile(`^::(error|warning|notice) file=[^,]*,line=[0-9]+,col=[0-9]+,title=[a-z-]+::`)

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
	generateWorkbooks(t, gen, bin)
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
			args := strings.Fields(strings.NewReplacer("$GEN", gen, "$EVIL", evilName).Replace(c.args))
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
			if i := strings.IndexAny(out, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"); i >= 0 {
				t.Errorf("%s: the output has a bidi control (%q) that would reorder the text, not shown as <U+...>:\n%q", where, []rune(out[i:])[0], limit(out))
			}
			for _, line := range strings.Split(out, "\n") {
				if trimmed := strings.TrimLeft(line, " \t"); (strings.HasPrefix(trimmed, "::") && !workflowCommand.MatchString(line)) || strings.Contains(line, "##[") {
					t.Errorf("%s: a line a CI log would read as a workflow command of its own: %q", where, line)
				}
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
