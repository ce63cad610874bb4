package validate

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/strategies"
)

func validator(t testing.TB, asOf string) *Validator {
	t.Helper()
	day, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		t.Fatal(err)
	}
	v, err := New(Options{AsOf: day})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Every shipped strategy and example validates without an error.
func TestShippedFilesHaveNoErrors(t *testing.T) {
	v := validator(t, "2023-10-01")
	files, _ := fs.Glob(strategies.FS, "*.yaml")
	var paths []string
	for _, f := range files {
		paths = append(paths, filepath.Join("..", "..", "strategies", f))
	}
	paths = append(paths, "../../examples/minimal.yaml")
	res := v.Files(paths)
	if len(res.ReadErrors) > 0 {
		t.Fatal(res.ReadErrors)
	}
	if len(res.Files) != 5 {
		t.Errorf("checked %d files, want 5", len(res.Files))
	}
	for _, f := range res.Findings {
		if f.Severity == finding.Error {
			t.Errorf("%s:%d:%d: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule)
		}
	}
}

// Findings come back in the same order whatever order the workers finish.
func TestFilesOrderIsStable(t *testing.T) {
	v := validator(t, "2026-01-01")
	paths := []string{"../../strategies/snee.yaml", "../../strategies/mse.yaml", "../../strategies/lsc.yaml"}
	first := v.Files(paths).Findings
	for i := 0; i < 5; i++ {
		again := v.Files(paths).Findings
		if len(again) != len(first) {
			t.Fatalf("run %d: %d findings, first run %d", i, len(again), len(first))
		}
		for j := range first {
			if again[j] != first[j] {
				t.Fatalf("run %d: finding %d differs: %+v vs %+v", i, j, again[j], first[j])
			}
		}
	}
	if !sort.SliceIsSorted(first, func(i, j int) bool { return first[i].File < first[j].File }) {
		t.Error("findings are not sorted by file")
	}
}

// Every rule is documented in docs/rules.md, and every documented rule exists.
func TestRulesAreDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	headings := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^### `([a-z-]+)`").FindAllStringSubmatch(string(doc), -1) {
		headings[m[1]] = true
	}
	for _, r := range Rules {
		if !headings[r.ID] {
			t.Errorf("rule %s has no \"### `%s`\" section in docs/rules.md", r.ID, r.ID)
		}
		if r.Severity != finding.Error && r.Severity != finding.Warning {
			t.Errorf("rule %s has no severity", r.ID)
		}
		delete(headings, r.ID)
	}
	for h := range headings {
		t.Errorf("docs/rules.md documents %s, which is not a rule", h)
	}
}

// Every finding names a registered rule and a real place.
func TestFindingsAreWellFormed(t *testing.T) {
	v := validator(t, "2026-01-01")
	src := "engage: 1\nicb: {code: x}\nstrategy: {title: T, state: draft, period: {from: 2023/24, to: 2022/23}}\n" +
		"principles: [{id: P, text: t, national: [0, 99]}]\nobjectives: [{id: P, year: 1, title: t, status: x}]\n"
	fs := v.Document(strategy.Parse("x.yaml", []byte(src)))
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range fs {
		if _, ok := LookupRule(f.Rule); !ok {
			t.Errorf("finding names rule %q, which is not registered", f.Rule)
		}
		if f.Line < 1 || f.Column < 1 || f.Message == "" || f.File != "x.yaml" {
			t.Errorf("badly placed or empty finding: %+v", f)
		}
		if strings.Contains(f.Message, "%!") || strings.Contains(f.Hint, "%!") {
			t.Errorf("formatting slip in %+v", f)
		}
	}
}

// Every shipped strategy starts with the modeline editors use to find the
// schema, pointing at the file in schemas/.
func TestShippedFilesCarryTheModeline(t *testing.T) {
	paths, _ := filepath.Glob("../../strategies/*.yaml")
	paths = append(paths, "../../examples/minimal.yaml")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		if first != "# yaml-language-server: $schema=../schemas/strategy.schema.json" {
			t.Errorf("%s starts %q, want the schema modeline", p, first)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(p), "../schemas/strategy.schema.json")); err != nil {
			t.Errorf("%s: the modeline's schema path does not resolve: %v", p, err)
		}
	}
}

// A panic while checking one file (a bug) becomes that file's error; the
// other files are still checked and nothing crashes.
func TestFilesRecoverPanic(t *testing.T) {
	ready := make(chan struct{})
	close(ready)
	broken := &Validator{ready: ready} // no schema: checking a file panics
	res := broken.Files([]string{"../../examples/minimal.yaml", "../../strategies/mse.yaml"})
	if len(res.ReadErrors) != 2 {
		t.Fatalf("read errors = %v", res.ReadErrors)
	}
	for _, err := range res.ReadErrors {
		if msg := err.Error(); !strings.Contains(msg, "internal error while checking") || !strings.Contains(msg, "Please report it") {
			t.Errorf("message = %q", msg)
		}
	}
}
