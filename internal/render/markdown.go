package render

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/strategy"
)

// The Markdown formats' shared writing: tables in the style markdownlint
// checks, statuses with their symbols, and text that must not break.

// mdTable is a GitHub table written in markdownlint's compact style (MD060):
// one space each side of every cell, "| --- |" delimiters, an empty cell
// as a single space. Cells are written as given: escape them first.
type mdTable struct {
	head  []string
	right []bool // right-aligned columns (numbers)
	rows  [][]string
}

func newTable(head ...string) *mdTable {
	return &mdTable{head: head, right: make([]bool, len(head))}
}

// alignRight right-aligns columns from i on.
func (t *mdTable) alignRight(from int) *mdTable {
	for i := from; i < len(t.right); i++ {
		t.right[i] = true
	}
	return t
}

func (t *mdTable) row(cells ...string) { t.rows = append(t.rows, cells) }

// mdRow writes one table row in the compact style: "| a | b |", an
// empty cell as a single space.
func mdRow(cells ...string) string {
	var b strings.Builder
	b.WriteString("|")
	for _, c := range cells {
		if c == "" {
			b.WriteString(" |")
			continue
		}
		b.WriteString(" " + c + " |")
	}
	b.WriteString("\n")
	return b.String()
}

func (t *mdTable) String() string {
	var b strings.Builder
	line := func(cells []string) { b.WriteString(mdRow(cells...)) }
	line(t.head)
	delim := make([]string, len(t.head))
	for i := range delim {
		delim[i] = "---"
		if t.right[i] {
			delim[i] = "---:"
		}
	}
	line(delim)
	for _, r := range t.rows {
		line(r)
	}
	return b.String()
}

// markdownSymbols are the status symbols the Markdown formats write:
// StatusSymbols', except not-reported, whose "?" reads in a rendered page
// as a character the font lacks.
func markdownSymbol(s string) string {
	if s == strategy.NotReported {
		return "◌"
	}
	return StatusSymbols[s]
}

// mdStatus writes a status as its symbol and word ("▶ in-progress").
func mdStatus(s string) string {
	if sym := markdownSymbol(s); sym != "" {
		return sym + " " + s
	}
	return safetext.MarkdownCell(safetext.Terminal(s))
}

// wordJoiner (U+2060) after a hyphen stops a browser breaking an ID or a
// date there ("2025-/03-31") in a narrow table column; it is invisible,
// screen readers skip it and find-in-page still matches the plain text.
const wordJoiner = "\u2060"

// nobreak keeps an ID or a date on one line.
func nobreak(s string) string { return strings.ReplaceAll(s, "-", "-"+wordJoiner) }

// idCell writes an ID for a table cell or a list of IDs: code, on one line.
func idCell(id string) string { return code(nobreak(id)) }

// dateCell writes a date for a table cell on one line, each end of a
// range unbroken ("2023-09 to 2023-10" may break only at its spaces).
func dateCell(s string) string { return nobreak(safetext.MarkdownCell(safetext.Terminal(s))) }

// shortLink writes a web address as a link with a short text ("[evidence](https://...)"),
// so that a table keeps its width; anything that is not a plain http(s)
// address is written as text.
func shortLink(addr, text string) string {
	u, err := url.Parse(addr)
	if addr == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		strings.ContainsAny(addr, " <>()[]|`\"\\") {
		return cell(addr)
	}
	return "[" + text + "](" + addr + ")"
}

// statusCell writes a status for a table cell, on one line.
func statusCell(s string) string {
	if sym := markdownSymbol(s); sym != "" {
		return sym + "\u00a0" + nobreak(s)
	}
	return nobreak(mdStatus(s))
}

// anchor is the fragment GitHub gives a heading: lower case, spaces as
// hyphens, punctuation other than hyphens and underscores dropped.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return "#" + b.String()
}
