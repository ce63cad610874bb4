package config

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/engage-icb/engage/pkg/finding"
)

var rules = []string{"review-overdue", "principle-stated-only", "not-allowed", RuleSuppressionExpired, RuleSuppressionUnused}

func defaults(string) finding.Severity { return finding.Warning }

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got.Path != "" || got.Top != repo || !got.InRepository {
		t.Fatalf("Find with no config = %+v, %v; want none, searched up to %s", got, err, repo)
	}
	want := filepath.Join(repo, "a", FileName)
	if err := os.WriteFile(want, []byte("fail_on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got.Path != want {
		t.Errorf("Find = %+v, %v; want %q", got, err, want)
	}
}

// Issue 16: .engage.yaml was looked for up to /, past the top of the git
// repository, so a parent folder's configuration (turning every rule off)
// applied, and a parent's link loop broke every command below it.
func TestFindStopsAtTheProject(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, FileName), []byte("rules: {not-allowed: off}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "strategies")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, ".git"), []byte("gitdir: ../elsewhere\n"), 0o644); err != nil { // a worktree's .git is a file
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got.Path != "" || got.Top != repo {
		t.Errorf("inside a repository: Find = %+v, %v; want nothing from above its top %s", got, err, repo)
	}
	// Outside any repository, only the working folder.
	plain := filepath.Join(root, "plain", "below")
	if err := os.MkdirAll(plain, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(plain); err != nil || got.Path != "" || got.Top != plain || got.InRepository {
		t.Errorf("outside a repository: Find = %+v, %v; want only %s searched", got, err, plain)
	}
	if got, err := Find(root); err != nil || got.Path != filepath.Join(root, FileName) {
		t.Errorf("in the folder itself: Find = %+v, %v", got, err)
	}
	// A link loop above the project is never looked at.
	if err := os.Remove(filepath.Join(root, FileName)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(FileName, filepath.Join(root, FileName)); err != nil {
		t.Fatal(err)
	}
	if _, err := Find(deep); err != nil {
		t.Errorf("a link loop above the repository: %v", err)
	}
	// One inside the project is said plainly.
	if err := os.Symlink(FileName, filepath.Join(repo, FileName)); err != nil {
		t.Fatal(err)
	}
	if _, err := Find(deep); err == nil || !strings.Contains(err.Error(), "loop") {
		t.Errorf("a link loop in the repository: %v, want it said", err)
	}
}

// Issue 16: absolute paths were made relative to the config's folder.
func TestAbsolutePathsStayAbsolute(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "shared", "strategies")
	c, problems, err := Parse(filepath.Join("proj", FileName), []byte("paths: ["+abs+", local]\n"), rules)
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	if c.Paths[0] != abs || filepath.IsAbs(c.Paths[1]) || !strings.HasSuffix(c.Paths[1], filepath.Join("proj", "local")) {
		t.Errorf("paths = %q, want %q kept and local relative to proj", c.Paths, abs)
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"no reason", "suppressions:\n  - {file: a.yaml, rule: review-overdue, expires: 2027-01-01}\n", "2:5 missing-key: suppression (suppressions item 1) is missing \"reason\""},
		{"no expiry", "suppressions:\n  - {file: a.yaml, rule: review-overdue, reason: agreed}\n", "missing-key"},
		{"unknown rule", "rules:\n  review-overdu: off\n", "2:3 unknown-rule: there is no rule \"review-overdu\""},
		{"suppressed unknown rule", "suppressions:\n  - {file: a.yaml, rule: nope, reason: r, expires: 2027-01-01}\n", "unknown-rule"},
		{"bad level", "rules:\n  review-overdue: loud\n", "not-allowed"},
		{"impossible expiry", "suppressions:\n  - {file: a.yaml, rule: review-overdue, reason: r, expires: 2027-02-30}\n", "invalid-date"},
		{"unknown key", "fail_om: warning\n", "unknown-key: unknown key \"fail_om\" in the file"},
		{"tabs", "rules:\n\treview-overdue: off\n", "yaml-syntax"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, problems, err := Parse(".engage.yaml", []byte(tt.src), rules)
			if err != nil {
				t.Fatal(err)
			}
			if c != nil || len(problems) == 0 {
				t.Fatalf("Parse(%q) = config %v, no problems; want a problem", tt.src, c)
			}
			p := problems[0]
			got := fmt.Sprintf("%d:%d %s: %s", p.Line, p.Column, p.Rule, p.Message)
			if !strings.Contains(got, tt.want) {
				t.Errorf("problem = %q, want it to contain %q", got, tt.want)
			}
			if p.Severity != finding.Error || p.File != ".engage.yaml" {
				t.Errorf("problem %+v is not an error on .engage.yaml", p)
			}
		})
	}
}

func TestApply(t *testing.T) {
	dir := t.TempDir()
	src := `rules:
  review-overdue: error
  not-allowed: "off"
suppressions:
  - {file: s/a.yaml, rule: principle-stated-only, pointer: /principles/0, reason: agreed, expires: 2027-01-01}
  - {file: s/a.yaml, rule: principle-stated-only, pointer: /principles/9, reason: agreed, expires: 2027-01-01}
  - {file: s/a.yaml, rule: review-overdue, reason: old, expires: 2025-01-01}
  - {file: s/other.yaml, rule: review-overdue, reason: not checked here, expires: 2027-01-01}
`
	path := filepath.Join(dir, FileName)
	c, problems, err := Parse(path, []byte(src), rules)
	if err != nil || len(problems) > 0 {
		t.Fatalf("Parse: %v %v", problems, err)
	}
	// s/other.yaml is there, but not checked in this run.
	if err := os.MkdirAll(filepath.Join(dir, "s"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "s", "other.yaml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	a := filepath.Join(dir, "s", "a.yaml")
	fs := []finding.Finding{
		{Rule: "principle-stated-only", Severity: finding.Warning, File: a, Line: 5, Pointer: "/principles/0/national"},
		{Rule: "principle-stated-only", Severity: finding.Warning, File: a, Line: 6, Pointer: "/principles/1/national"},
		{Rule: "review-overdue", Severity: finding.Warning, File: a, Line: 3, Pointer: "/strategy/next_review"},
		{Rule: "not-allowed", Severity: finding.Error, File: a, Line: 9},
	}
	res := c.Apply(fs, []string{a}, day("2026-01-01"), defaults)
	if len(res.Suppressed) != 1 || res.Suppressed[0].Finding.Line != 5 {
		t.Errorf("suppressed = %+v, want the finding inside /principles/0", res.Suppressed)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule+"/"+f.Severity.String())
	}
	sort.Strings(got)
	want := "principle-stated-only/warning review-overdue/error suppression-expired/warning suppression-unused/warning"
	if strings.Join(got, " ") != want {
		t.Errorf("findings = %v\nwant %s", got, want)
	}
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Rule, "suppression-") && (f.Line != 6 && f.Line != 7) {
			t.Errorf("%s is at line %d of the config, want the suppression's line", f.Rule, f.Line)
		}
	}
}

func TestApplyWithoutConfig(t *testing.T) {
	var c *Config
	fs := []finding.Finding{{Rule: "x"}}
	if res := c.Apply(fs, nil, time.Now(), defaults); len(res.Findings) != 1 {
		t.Errorf("a nil config changed the findings: %+v", res)
	}
}
