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
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != "" {
		t.Fatalf("Find with no config = %q, %v; want none", got, err)
	}
	want := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(want, []byte("fail_on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != want {
		t.Errorf("Find = %q, %v; want %q", got, err, want)
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
