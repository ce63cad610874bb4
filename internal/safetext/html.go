package safetext

import (
	"net/url"
	"strings"
	"unicode"
)

// HTML makes text from a file safe to put in a web page as text (the
// page's template escapes it): control characters are removed, line
// breaks become spaces, and so do the Unicode controls that reorder how
// text is shown (bidirectional embeddings, overrides and isolates), so a
// value cannot make what a reader sees differ from what it says.
func HTML(s string) string { return Shown(s) }

// Shown is text from a file made fit to show as it is: Terminal's
// cleaning, and the Unicode controls that reorder how text is shown
// removed (a page, a workbook's cell).
func Shown(s string) string {
	s = Terminal(s)
	if !strings.ContainsFunc(s, isBidi) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidi(r) {
			return -1
		}
		return r
	}, s)
}

// isBidi reports whether r is a bidirectional formatting character:
// marks, embeddings, overrides and isolates.
func isBidi(r rune) bool {
	switch {
	case r == '\u061c', r == '\u200e', r == '\u200f':
		return true
	case r >= '\u202a' && r <= '\u202e':
		return true
	case r >= '\u2066' && r <= '\u2069':
		return true
	}
	return unicode.Is(unicode.Bidi_Control, r)
}

// WebLink returns a web address fit to be a link's target: an absolute
// http or https address with a host, without spaces or control
// characters. Anything else (javascript:, data:, a relative path) gives
// false: show it as text instead.
func WebLink(s string) (string, bool) {
	if s == "" || s != strings.TrimSpace(s) || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || isBidi(r) }) {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", false
	}
	return u.String(), true
}
