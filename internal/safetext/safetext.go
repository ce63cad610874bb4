// Package safetext makes text from a strategy file safe to show where it
// is going: a terminal or CI log (no control characters, so no escape
// sequences), Markdown (no formatting, links or raw HTML it did not ask
// for), and anywhere space is short (cut by characters, never inside one).
// It imports nothing of engage, so every writer can use it.
package safetext

import (
	"strings"
	"unicode"
)

// Terminal removes control characters (terminal escape sequences among
// them) from text that came from a file, so it cannot restyle or rewrite
// the reader's terminal. Tabs and line breaks become spaces.
func Terminal(s string) string {
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
		case r == '\t', r == '\n', r == '\r', r == '\u2028', r == '\u2029':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// Markdown escapes text for Markdown outside tables: characters that
// would start formatting or raw HTML are backslash-escaped.
func Markdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '#', '|', '<', '>', '!':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// MarkdownCell escapes text for a Markdown table cell: pipes cannot end the
// cell, HTML is shown rather than run, and line breaks become <br>.
func MarkdownCell(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '|':
			b.WriteString(`\|`)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\n':
			b.WriteString("<br>")
		case '\\', '`', '*', '_', '[', ']', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Truncate keeps text to n characters, ending a cut one with "…".
func Truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// OrNone writes an empty value as "(none)".
func OrNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
