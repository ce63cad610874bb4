// Package render writes engage's results in the formats people and machines
// read. Each format is one type behind a small interface, looked up by name;
// the lookup error lists every valid name. Styling comes in through Theme,
// so this package never depends on a terminal library.
package render

import (
	"fmt"

	"github.com/engage-icb/engage/pkg/coverage"

	"github.com/engage-icb/engage/pkg/validate"
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
	// Old styles the value a difference replaces (dimmed).
	Old(string) string
	// Status styles text in a delivery status's colour (NHS BRAG).
	Status(status, text string) string
	// Grade styles text in a coverage grade's colour.
	Grade(g coverage.Grade, text string) string
}

// Plain is the Theme for uncoloured output.
type Plain struct{}

func (Plain) Added(s string) string     { return s }
func (Plain) Removed(s string) string   { return s }
func (Plain) Changed(s string) string   { return s }
func (Plain) Old(s string) string       { return s }
func (Plain) Status(_, s string) string { return s }

// Grade leaves text as it is.
func (Plain) Grade(_ coverage.Grade, s string) string { return s }

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
	Width    int        // the terminal's width in columns; 0 when not known
	Source   SourceFunc // nil: no source excerpts
	Version  string     // engage's version, for formats that name the tool
	// Details asks for the whole of each result where a format would
	// otherwise summarise several (status's text: every dashboard after
	// the overview).
	Details bool
}

// FindingsFormat writes a validation result in one format.
type FindingsFormat = Format[*validate.Result]

// Findings are the formats validate writes its result in.
var Findings = NewRegistry(
	Spec[*validate.Result]{Name: "text", New: func(o Options) FindingsFormat { return &Text{Options: o} }},
	Spec[*validate.Result]{Name: "json", Exts: []string{".json"}, New: func(Options) FindingsFormat { return JSON{} }},
	Spec[*validate.Result]{Name: "github", New: func(Options) FindingsFormat { return GitHub{} }},
	Spec[*validate.Result]{Name: "junit", Exts: []string{".xml"}, New: func(Options) FindingsFormat { return JUnit{} }},
	Spec[*validate.Result]{Name: "sarif", Exts: []string{".sarif"}, New: func(o Options) FindingsFormat { return SARIF{Version: o.Version} }},
	Spec[*validate.Result]{Name: "markdown", Aliases: []string{"md"}, Exts: []string{".md"}, New: func(Options) FindingsFormat { return Markdown{} }},
)

// plural writes "1 error" or "2 errors".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// counts writes "4 files checked: 1 error, 2 warnings", with info and
// suppressed findings when there are any.
func counts(r *validate.Result) string {
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
