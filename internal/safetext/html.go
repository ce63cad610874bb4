package safetext

import (
	"net/url"
	"strings"
	"unicode"
)

// Shown makes text from a file fit to show as text on a web page (whose
// template escapes it) or in a workbook's cell: control characters are
// removed and line breaks become spaces (Terminal), and the Unicode
// controls that reorder how text is shown (bidirectional embeddings,
// overrides and isolates) are removed, so a value cannot make what a
// reader sees differ from what it says.
func Shown(s string) string {
	s = Terminal(s)
	if !strings.ContainsFunc(s, IsBidi) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if IsBidi(r) {
			return -1
		}
		return r
	}, s)
}

// IsBidi reports whether r is a bidirectional formatting character:
// marks, embeddings, overrides and isolates (Unicode's Bidi_Control,
// written out: validate asks it of every character of a file).
func IsBidi(r rune) bool {
	switch {
	case r == '\u061c', r == '\u200e', r == '\u200f':
		return true
	case r >= '\u202a' && r <= '\u202e':
		return true
	}
	return r >= '\u2066' && r <= '\u2069'
}

// WebLink returns a web address fit to be a link's target: an absolute
// http or https address with a host, without spaces or control
// characters. Anything else (javascript:, data:, a relative path) gives
// false: show it as text instead.
func WebLink(s string) (string, bool) {
	if s == "" || s != strings.TrimSpace(s) || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || IsBidi(r) }) {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", false
	}
	return u.String(), true
}
