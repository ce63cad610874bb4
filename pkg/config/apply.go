package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/engage-icb/engage/internal/pointer"
	"github.com/engage-icb/engage/pkg/finding"
)

// Suppressed is a finding a suppression hid.
type Suppressed struct {
	Finding finding.Finding
	By      Suppression
}

// Applied is a run's findings after the configuration.
type Applied struct {
	// Findings are those to report, with configured severities, including
	// findings about the suppressions themselves.
	Findings   []finding.Finding
	Suppressed []Suppressed
}

// Apply applies the suppressions and then the severities to a run's
// findings. checked are the files the run read: a suppression for a file
// not among them is out of scope, neither used nor unused. An expired
// suppression hides nothing and is reported; one in scope that hides
// nothing is reported too. defaults gives each rule's own severity, for
// the findings Apply raises.
func (c *Config) Apply(fs []finding.Finding, checked []string, asOf time.Time, defaults func(rule string) finding.Severity) Applied {
	var res Applied
	if c == nil {
		res.Findings = fs
		return res
	}
	inScope := map[string]bool{}
	for _, p := range checked {
		inScope[abs(p)] = true
	}
	used := make([]bool, len(c.Suppressions))
	for _, f := range fs {
		if i, ok := c.match(f, asOf); ok {
			used[i] = true
			res.Suppressed = append(res.Suppressed, Suppressed{Finding: f, By: c.Suppressions[i]})
			continue
		}
		res.Findings = append(res.Findings, f)
	}
	for i, s := range c.Suppressions {
		switch {
		case !inScope[s.abs] && !exists(s.abs):
			// A file that is nowhere (a typo, or a pattern: suppressions
			// name one file each) would hide nothing, ever.
			res.Findings = append(res.Findings, c.about(s, RuleSuppressionUnused, defaults,
				fmt.Sprintf("the suppression of %s names %s, which does not exist, so it hides nothing", s.Rule, s.File),
				"name the strategy file as it is, relative to .engage.yaml (one file each: no patterns)"))
		case !inScope[s.abs]:
		case expired(s, asOf):
			res.Findings = append(res.Findings, c.about(s, RuleSuppressionExpired, defaults,
				fmt.Sprintf("the suppression of %s in %s expired on %s, so its findings are reported again", s.Rule, s.File, s.Expires),
				"fix what it hid, or agree a new reason and expiry date and update the suppression"))
		case !used[i]:
			res.Findings = append(res.Findings, c.about(s, RuleSuppressionUnused, defaults,
				fmt.Sprintf("the suppression of %s in %s%s hides nothing", s.Rule, s.File, pointerWords(s.Pointer)),
				"the finding it was for has gone: remove the suppression"))
		}
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		if c.Off[f.Rule] {
			continue
		}
		if s, ok := c.Severities[f.Rule]; ok {
			f.Severity = s
		}
		kept = append(kept, f)
	}
	res.Findings = kept
	finding.Sort(res.Findings)
	return res
}

func (c *Config) match(f finding.Finding, asOf time.Time) (int, bool) {
	file := abs(f.File)
	for i, s := range c.Suppressions {
		if s.Rule != f.Rule || s.abs != file || expired(s, asOf) {
			continue
		}
		if s.Pointer == "" || f.Pointer == s.Pointer || strings.HasPrefix(f.Pointer, s.Pointer+"/") {
			return i, true
		}
	}
	return 0, false
}

func expired(s Suppression, asOf time.Time) bool {
	return !s.expires.IsZero() && asOf.After(s.expires)
}

func (c *Config) about(s Suppression, rule string, defaults func(string) finding.Severity, msg, hint string) finding.Finding {
	return finding.Finding{Rule: rule, Severity: defaults(rule), File: relative(abs(c.Path)), Line: s.Line, Column: s.Column,
		Pointer: pointer.New("suppressions", s.index), Message: msg, Hint: hint}
}

func pointerWords(p string) string {
	if p == "" {
		return ""
	}
	return " at " + p
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return a
}

// exists reports whether a path names something on disk.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
