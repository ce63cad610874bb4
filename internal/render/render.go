// Package render writes engage's results in the formats people and machines
// read. Each format is one type behind a small interface, looked up by name;
// the lookup error lists every valid name. Styling comes in through Theme,
// so this package never depends on a terminal library.
package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/engage-icb/engage/pkg/finding"
)

// RulesURL is where each rule is documented; a rule's ID is its anchor.
const RulesURL = "https://github.com/engage-icb/engage/blob/main/docs/rules.md"

// Theme styles text by what it means. Package style implements it with
// colours; Plain leaves text as it is.
type Theme interface {
	Error(string) string
	Warning(string) string
	Success(string) string
	Muted(string) string
	Bold(string) string
	// Added, Removed and Changed style the parts of a difference.
	Added(string) string
	Removed(string) string
	Changed(string) string
	// Status styles text in a delivery status's colour (NHS BRAG).
	Status(status, text string) string
}

// Plain is the Theme for uncoloured output.
type Plain struct{}

func (Plain) Added(s string) string     { return s }
func (Plain) Removed(s string) string   { return s }
func (Plain) Changed(s string) string   { return s }
func (Plain) Status(_, s string) string { return s }

func (Plain) Error(s string) string   { return s }
func (Plain) Warning(s string) string { return s }
func (Plain) Success(s string) string { return s }
func (Plain) Muted(s string) string   { return s }
func (Plain) Bold(s string) string    { return s }

// SourceFunc returns line n of a file, for showing findings in context.
type SourceFunc func(file string, n int) (string, bool)

// Options shape a format's output.
type Options struct {
	Theme    Theme
	Terminal bool       // output goes to a terminal: lay it out for people
	Source   SourceFunc // nil: no source excerpts
}

// Findings is what a validation run found, with what the formats need to
// present it.
type Findings struct {
	// Files are the files checked, in order.
	Files    []string
	Findings []finding.Finding
	// Suppressed are findings the configuration hid.
	Suppressed []Suppressed
	// FailOn is the lowest severity that fails the run (error when 0).
	FailOn finding.Severity
	// Rules describes every rule, for formats that list them.
	Rules   []Rule
	Version string
}

// Rule describes a rule for formats that list the rules.
type Rule struct {
	ID       string
	Severity finding.Severity
	Summary  string
}

// Suppressed is a finding the configuration hid, and why.
type Suppressed struct {
	Finding finding.Finding
	Reason  string
	Expires string
	// Source is where the suppression is written (file:line).
	Source string
}

// Tally counts the reported findings by severity.
func (r *Findings) Tally() finding.Tally { return finding.Count(r.Findings) }

// Fails reports whether a finding makes the run fail.
func (r *Findings) Fails(f finding.Finding) bool { return f.Severity >= r.failOn() }

// Failed reports whether the run fails.
func (r *Findings) Failed() bool { return r.Tally().AtLeast(r.failOn()) > 0 }

func (r *Findings) failOn() finding.Severity {
	if r.FailOn == 0 {
		return finding.Error
	}
	return r.FailOn
}

// FindingsFormat writes a validation result in one format.
type FindingsFormat interface {
	Render(w io.Writer, r *Findings) error
}

var findingsFormats = map[string]func(Options) FindingsFormat{
	"text":     func(o Options) FindingsFormat { return &Text{Options: o} },
	"json":     func(Options) FindingsFormat { return JSON{} },
	"github":   func(Options) FindingsFormat { return GitHub{} },
	"junit":    func(Options) FindingsFormat { return JUnit{} },
	"sarif":    func(Options) FindingsFormat { return SARIF{} },
	"markdown": func(Options) FindingsFormat { return Markdown{} },
}

// FindingsFormatNames lists the formats validate can write.
func FindingsFormatNames() []string {
	names := make([]string, 0, len(findingsFormats))
	for n := range findingsFormats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// LookupFindings returns the format with a name.
func LookupFindings(name string, o Options) (FindingsFormat, error) {
	if o.Theme == nil {
		o.Theme = Plain{}
	}
	f, ok := findingsFormats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q: use one of %s", name, strings.Join(FindingsFormatNames(), ", "))
	}
	return f(o), nil
}

// plural writes "1 error" or "2 errors".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// counts writes "4 files checked: 1 error, 2 warnings", with info and
// suppressed findings when there are any.
func counts(r *Findings) string {
	t := r.Tally()
	s := plural(len(r.Files), "file", "files") + " checked: " + plural(t.Errors, "error", "errors") + ", " + plural(t.Warnings, "warning", "warnings")
	if t.Infos > 0 {
		s += ", " + plural(t.Infos, "info", "info")
	}
	if n := len(r.Suppressed); n > 0 {
		s += fmt.Sprintf(" (%d suppressed)", n)
	}
	return s
}
