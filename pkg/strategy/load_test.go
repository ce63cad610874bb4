package strategy

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/engage-icb/engage/strategies"
)

func TestParseShippedStrategies(t *testing.T) {
	files, err := fs.Glob(strategies.FS, "*.yaml")
	if err != nil || len(files) != 4 {
		t.Fatalf("shipped strategies = %v, %v; want 4 files", files, err)
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			src, _ := fs.ReadFile(strategies.FS, name)
			d := Parse(name, src)
			if len(d.Problems) > 0 || d.Strategy == nil {
				t.Fatalf("Parse(%s): problems %v, decode error %v", name, d.Problems, d.DecodeErr)
			}
			if d.Strategy.ICB.Code == "" || d.Strategy.Meta.Title == "" {
				t.Errorf("Parse(%s) lost the ICB code or title: %+v", name, d.Strategy.ICB)
			}
		})
	}
}

func TestDatesKeepTheirText(t *testing.T) {
	d := Parse("t.yaml", []byte("engage: 1\nstrategy:\n  updated: 2023-09-14\n  next_review: 2024-03\nobjectives:\n  - {id: A, due: 2024-03-31, year: 2023/24}\n"))
	if d.Strategy == nil {
		t.Fatalf("Parse: %v %v", d.Problems, d.DecodeErr)
	}
	if got := d.Strategy.Meta.Updated; got != "2023-09-14" {
		t.Errorf("updated = %q, want 2023-09-14", got)
	}
	if got := d.Strategy.Objectives[0].Due; got != "2024-03-31" {
		t.Errorf("due = %q, want 2024-03-31", got)
	}
	if got := d.Strategy.Objectives[0].Year; got.From != "2023/24" || got.To != "2023/24" {
		t.Errorf("year = %+v, want 2023/24 to 2023/24", got)
	}
}

func TestYearSpan(t *testing.T) {
	d := Parse("t.yaml", []byte("objectives:\n  - year: {from: 2023/24, to: 2024/25}\n"))
	if d.Strategy == nil {
		t.Fatalf("Parse: %v %v", d.Problems, d.DecodeErr)
	}
	if got := d.Strategy.Objectives[0].Year.String(); got != "2023/24 to 2024/25" {
		t.Errorf("year = %q, want 2023/24 to 2024/25", got)
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name, src, rule string
		line, col       int
	}{
		{"empty", "", RuleEmpty, 1, 1},
		{"only comments", "# nothing here\n# at all\n", RuleEmpty, 1, 1},
		{"list", "- a\n- b\n", RuleNotMapping, 1, 1},
		{"scalar", "hello\n", RuleNotMapping, 1, 1},
		{"tab indent", "icb:\n\tcode: QJG\n", RuleSyntax, 2, 1},
		// yaml.v3 reports where the block starts; engage, the line that breaks it.
		{"bad indent", "icb:\n  code: QJG\n name: x\n", RuleSyntax, 3, 2},
		{"text after a closing quote", "icb:\n  code: QJG\n  name: 'People\\'s ICB'\n", RuleSyntax, 3, 9},
		{"text after a bracket", "strategy:\n  title: x\n  vision: [Draft] our vision\n", RuleSyntax, 3, 11},
		{"an at sign first", "strategy:\n  title: @home visits\n", RuleSyntax, 2, 10},
		// A list over two lines before the fault: cut inside it, the file
		// fails otherwise, which is not the fault.
		{"bad indent after a list over two lines", "engage: 1\nicb:\n  code: QJG\n  tags: [a,\n    b]\n  - bad\n", RuleSyntax, 6, 3},
		{"bad indent, lone CRs", "icb:\r  code: QJG\r name: x\r", RuleSyntax, 2, 1}, // as yaml.v3 says: where the block starts
		{"unclosed quote", "title: \"abc\n", RuleSyntax, 2, 1},
		{"duplicate key", "engage: 1\nicb: {}\nengage: 1\n", RuleDuplicateKey, 3, 1},
		{"duplicate nested", "icb:\n  code: A\n  code: B\n", RuleDuplicateKey, 3, 3},
		{"merge key", "base: &b {x: 1}\nicb:\n  <<: *b\n", RuleUnsupportedYAML, 3, 3},
		{"list key", "? [a, b]\n: c\n", RuleUnsupportedYAML, 1, 3},
		{"alias inside itself", "x: &a [*a]\n", RuleUnsupportedYAML, 1, 8},
		{"two documents", "engage: 1\n---\nengage: 1\n", RuleMultipleDocuments, 2, 1},
		{"invalid utf8", "title: caf\xe9\n", RuleNotText, 1, 11},
		{"binary", "\x00\x01\x02", RuleNotText, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("t.yaml", []byte(tt.src))
			if len(d.Problems) == 0 {
				t.Fatalf("Parse(%q) found no problem, want %s", tt.src, tt.rule)
			}
			p := d.Problems[0]
			if p.Rule != tt.rule || p.Line != tt.line || p.Column != tt.col {
				t.Errorf("Parse(%q) = %s at %d:%d (%s), want %s at %d:%d", tt.src, p.Rule, p.Line, p.Column, p.Message, tt.rule, tt.line, tt.col)
			}
			if p.Message == "" || p.Hint == "" {
				t.Errorf("problem %s has no message or hint: %+v", p.Rule, p)
			}
			if d.Strategy != nil {
				t.Error("a file with problems has a Strategy, want nil")
			}
		})
	}
}

func TestParseAccepts(t *testing.T) {
	for name, src := range map[string]string{
		"byte-order mark": "\ufeffengage: 1\n",
		"CRLF":            "engage: 1\r\nicb:\r\n  code: QJG\r\n",
		"anchors":         "icb: &i {code: QJG}\nx: *i\n",
	} {
		t.Run(name, func(t *testing.T) {
			if d := Parse("t.yaml", []byte(src)); len(d.Problems) > 0 {
				t.Errorf("Parse(%q): %v, want no problem", src, d.Problems)
			}
		})
	}
}

func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	d := Parse("bomb.yaml", []byte(b.String()))
	if len(d.Problems) == 0 || d.Problems[0].Rule != RuleUnsupportedYAML {
		t.Fatalf("Parse(alias bomb) = %v, want %s", d.Problems, RuleUnsupportedYAML)
	}
}

func TestLocate(t *testing.T) {
	src := "engage: 1\nobjectives:\n  - id: A\n    status: done\n  - id: B\n    status: planned\n"
	d := Parse("t.yaml", []byte(src))
	tests := []struct {
		ptr       string
		key       bool
		line, col int
	}{
		{"/objectives/1/status", false, 6, 13},
		{"/objectives/1/status", true, 6, 5},
		{"/objectives/1/missing", false, 5, 5}, // nearest that exists: the objective
		{"/objectives/9", false, 3, 3},         // the list
		{"", false, 1, 1},
	}
	for _, tt := range tests {
		line, col := d.Locate(tt.ptr, tt.key)
		if line != tt.line || col != tt.col {
			t.Errorf("Locate(%q, %v) = %d:%d, want %d:%d", tt.ptr, tt.key, line, col, tt.line, tt.col)
		}
	}
}

func TestLoadSizeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, []byte("x: \""+strings.Repeat("a", DefaultMaxFileSize)+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := Load(path, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 1 || d.Problems[0].Rule != RuleTooLarge {
		t.Errorf("Load(11 MB) problems = %v, want %s", d.Problems, RuleTooLarge)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "missing.yaml"), LoadOptions{}); err == nil {
		t.Error("Load(missing) = nil error, want one")
	}
	if _, err := Load(dir, LoadOptions{}); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("Load(folder) = %v, want a folder error", err)
	}
}

func TestDiscover(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.yaml", "a.yml", "notes.txt", "sub/c.yaml", ".git/d.yaml"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Discover([]string{dir, filepath.Join(dir, "b.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, r)
	}
	if want := "a.yml,b.yaml,sub/c.yaml"; strings.Join(rel, ",") != want {
		t.Errorf("Discover = %v, want %s", rel, want)
	}
	if _, err := Discover([]string{filepath.Join(dir, "nope")}); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("Discover(missing) = %v, want a does-not-exist error", err)
	}
	if _, err := Discover([]string{filepath.Join(dir, "sub2")}); err == nil {
		t.Error("Discover(missing folder) = nil error")
	}
	empty := filepath.Join(dir, "empty")
	_ = os.Mkdir(empty, 0o755)
	if _, err := Discover([]string{empty}); err == nil || !strings.Contains(err.Error(), "no strategy files") {
		t.Errorf("Discover(empty folder) = %v, want a no-files error", err)
	}
}
