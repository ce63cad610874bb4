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
	width := t.cols()
	// The message wraps under itself, its rule as its last word; styled
	// after wrapping, so escape codes never count as width.
	label := symbols[f.Severity] + " " + f.Severity.String() + ":"
	rule := "[" + f.Rule + "]"
	lines, indent, below := wrapAfter(label+" ", safetext.Width(label)+1, safetext.Terminal(f.Message)+" "+rule, width)
	b.WriteString(t.severity(f.Severity, label))
	for i, line := range lines {
		switch {
		case i == 0 && !below:
			b.WriteString(" ")
		default:
			b.WriteString("\n" + strings.Repeat(" ", indent))
		}
		if i == len(lines)-1 {
			text := strings.TrimSuffix(strings.TrimSuffix(line, rule), " ")
			if text != "" {
				b.WriteString(th.Bold(text) + " ")
			}
			b.WriteString(th.Muted(rule))
			continue
		}
		b.WriteString(th.Bold(line))
	}
	b.WriteString("\n")
	num := strconv.Itoa(f.Line)
	pad := strings.Repeat(" ", len(num))
	hang(b, pad+" "+th.Muted("-->")+" ", fmt.Sprintf("%s:%d:%d", safetext.Terminal(f.File), f.Line, f.Column), width, plain)
	if t.Source != nil {
		if line, ok := t.Source(f.File, f.Line); ok {
			if shown, caret, ok := excerpt(f, safetext.Terminal(line), width, len(num)+3); ok {
				fmt.Fprintf(b, "%s %s\n", pad, th.Muted("|"))
				fmt.Fprintf(b, "%s %s %s\n", th.Muted(num), th.Muted("|"), shown)
				fmt.Fprintf(b, "%s %s %s\n", pad, th.Muted("|"), t.severity(f.Severity, caret))
			}
		}
	}
	if f.Hint != "" {
		hang(b, pad+" "+th.Muted("=")+" hint: ", safetext.Terminal(f.Hint), width, plain)
	}
	b.WriteByte('\n')
}

// minExcerpt is the fewest columns a source line is shown in: narrower,
// the excerpt is dropped (the place and the message still say where).
const minExcerpt = 16

// excerpt is the part of a source line to show and the caret line under
// it: the whole line when it fits in width after gutter columns (width 0:
// always), else a window around the finding's column, each cut end marked
// "…". The caret stays under the character the finding is about, counted
// in display columns.
func excerpt(f finding.Finding, line string, width, gutter int) (shown, caret string, ok bool) {
	runes := []rune(line)
	start := min(max(f.Column-1, 0), len(runes))
	span := utf8.RuneCountInString(underline(f, line))
	if start+span > len(runes) { // a column past the end: one caret there
		span = 0
	}
	colsOf := func(rs []rune) int { return safetext.Width(string(rs)) }
	avail := width - gutter
	if width == 0 || colsOf(runes) <= avail {
		return line, strings.Repeat(" ", colsOf(runes[:start])) + strings.Repeat("^", max(colsOf(runes[start:start+span]), 1)), true
	}
	if avail < minExcerpt {
		return "", "", false
	}
	// The window: the finding's text whole if it can be (less two columns
	// for the marks), with up to a third of the rest as context before it.
	spanCols := min(max(colsOf(runes[start:start+span]), 1), avail-2)
	from := start
	for from > 0 && colsOf(runes[from-1:start]) <= (avail-2-spanCols)/3 {
		from--
	}
	if colsOf(runes[:start])+spanCols <= avail-1 {
		from = 0 // it fits from the start of the line
	}
	lead := ""
	if from > 0 {
		lead = "…"
	}
	to := from
	for to < len(runes) && safetext.Width(lead)+colsOf(runes[from:to+1]) <= avail-1 {
		to++
	}
	if to == len(runes)-1 && safetext.Width(lead)+colsOf(runes[from:]) <= avail {
		to = len(runes)
	}
	// When the line's end is in the window, the room left shows more of
	// what comes before.
	for to == len(runes) && from > 0 && colsOf(runes[from-1:])+min(from-1, 1) <= avail {
		from--
	}
	if from == 0 {
		lead = ""
	}
	tail := ""
	if to < len(runes) {
		tail = "…"
	}
	shown = lead + string(runes[from:to]) + tail
	offset := safetext.Width(lead) + colsOf(runes[from:start])
	carets := min(spanCols, max(colsOf(runes[start:to]), 1))
	return shown, strings.Repeat(" ", offset) + strings.Repeat("^", carets), true
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
