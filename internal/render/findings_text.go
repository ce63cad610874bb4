package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/validate"
)

// Text writes findings for people. Piped, it writes one line per finding in
// the file:line:column form editors and CI logs link from, with the hint on
// the next line. On a terminal it shows each finding with its source line.
type Text struct {
	Options
}

// Render writes the findings and a summary line.
func (t *Text) Render(w io.Writer, r *validate.Result) error {
	var b strings.Builder
	for _, f := range r.Findings {
		if t.Terminal {
			t.finding(&b, f)
		} else {
			t.line(&b, f, "")
		}
	}
	t.summary(&b, r)
	_, err := io.WriteString(w, b.String())
	return err
}

// line writes a finding as one file:line:column line, and its hint on the
// next.
func (t *Text) line(b *strings.Builder, f finding.Finding, indent string) {
	sev := t.severity(f.Severity, f.Severity.String())
	fmt.Fprintf(b, "%s%s:%d:%d: %s: %s %s\n", indent, safetext.Terminal(f.File), f.Line, f.Column, sev, safetext.Terminal(f.Message), t.Theme.Muted("["+f.Rule+"]"))
	if f.Hint != "" {
		fmt.Fprintf(b, "%s    hint: %s\n", indent, safetext.Terminal(f.Hint))
	}
}

// List writes findings as the text format does when piped, each indented
// by indent, without the summary line: how a command says on standard
// error why it refused a file.
func List(w io.Writer, fs []finding.Finding, indent string) error {
	t := &Text{Options: Options{Theme: Plain{}}}
	var b strings.Builder
	for _, f := range fs {
		t.line(&b, f, indent)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (t *Text) finding(b *strings.Builder, f finding.Finding) {
	th := t.Theme
	label := t.severity(f.Severity, symbols[f.Severity]+" "+f.Severity.String())
	fmt.Fprintf(b, "%s: %s %s\n", label, th.Bold(safetext.Terminal(f.Message)), th.Muted("["+f.Rule+"]"))
	num := strconv.Itoa(f.Line)
	pad := strings.Repeat(" ", len(num))
	fmt.Fprintf(b, "%s %s %s:%d:%d\n", pad, th.Muted("-->"), safetext.Terminal(f.File), f.Line, f.Column)
	if t.Source != nil {
		if line, ok := t.Source(f.File, f.Line); ok {
			line = safetext.Terminal(line)
			fmt.Fprintf(b, "%s %s\n", pad, th.Muted("|"))
			fmt.Fprintf(b, "%s %s %s\n", th.Muted(num), th.Muted("|"), line)
			fmt.Fprintf(b, "%s %s %s%s\n", pad, th.Muted("|"), strings.Repeat(" ", max(f.Column-1, 0)), t.severity(f.Severity, underline(f, line)))
		}
	}
	if f.Hint != "" {
		fmt.Fprintf(b, "%s %s hint: %s\n", pad, th.Muted("="), safetext.Terminal(f.Hint))
	}
	b.WriteByte('\n')
}

// underline marks the word the finding is about: from its column to the
// next space (or the end of a quoted value).
func underline(f finding.Finding, line string) string {
	runes := []rune(line)
	start := f.Column - 1
	if start < 0 || start >= len(runes) {
		return "^"
	}
	end := start + 1
	if q := runes[start]; q == '"' || q == '\'' {
		for end < len(runes) && runes[end] != q {
			end++
		}
		end = min(end+1, len(runes))
	} else {
		for end < len(runes) && !strings.ContainsRune(" ,:]}", runes[end]) {
			end++
		}
	}
	return strings.Repeat("^", max(utf8.RuneCountInString(string(runes[start:end])), 1))
}

// symbols pair each severity with a symbol, so it reads without colour.
var symbols = map[finding.Severity]string{finding.Error: "✖", finding.Warning: "⚠", finding.Info: "ℹ"}

func (t *Text) severity(s finding.Severity, text string) string {
	switch s {
	case finding.Error:
		return t.Theme.Error(text)
	case finding.Warning:
		return t.Theme.Warning(text)
	}
	return t.Theme.Muted(text)
}

func (t *Text) summary(b *strings.Builder, r *validate.Result) {
	if !t.Terminal {
		fmt.Fprintf(b, "%s\n", counts(r))
		return
	}
	tally := r.Tally()
	switch {
	case tally.Errors > 0:
		fmt.Fprintf(b, "%s %s\n", t.Theme.Error("✖"), counts(r))
	case tally.Warnings > 0:
		fmt.Fprintf(b, "%s %s\n", t.Theme.Warning("⚠"), counts(r))
	default:
		fmt.Fprintf(b, "%s %s\n", t.Theme.Success("✔"), counts(r))
	}
}
