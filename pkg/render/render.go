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
	"unicode"

	"github.com/engage-icb/engage/pkg/finding"
)

// Theme styles text by what it means. Package style implements it with
// colours; Plain leaves text as it is.
type Theme interface {
	Error(string) string
	Warning(string) string
	Success(string) string
	Muted(string) string
	Bold(string) string
}

// Plain is the Theme for uncoloured output.
type Plain struct{}

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

// Findings is what a validation run found.
type Findings struct {
	Files    int
	Findings []finding.Finding
}

// FindingsFormat writes a validation result in one format.
type FindingsFormat interface {
	Render(w io.Writer, r *Findings) error
}

var findingsFormats = map[string]func(Options) FindingsFormat{
	"text": func(o Options) FindingsFormat { return &Text{Options: o} },
	"json": func(Options) FindingsFormat { return JSON{} },
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

// Sanitize removes control characters (terminal escape sequences among
// them) from text that came from a file, so it cannot restyle or rewrite
// the reader's terminal. Tabs become spaces.
func Sanitize(s string) string {
	clean := true
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
			return -1
		}
		return r
	}, s)
}

// plural writes "1 error" or "2 errors".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
