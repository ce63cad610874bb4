// Package safetext makes text from a strategy file safe to show where it
// is going: a terminal or CI log (no control characters, so no escape
// sequences), Markdown (no formatting, links or raw HTML it did not ask
// for), and anywhere space is short: measured in the columns a terminal
// gives it (a wide character takes two, an escape sequence none), cut by
// characters, never inside one, and wrapped at spaces. It imports nothing of
// engage, so every writer can use it.
package safetext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
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

// Width is how many terminal columns s takes: wide characters (CJK, most
// emoji) count two, combining marks none, and escape sequences (the colour
// a theme adds) nothing.
func Width(s string) int { return ansi.StringWidth(s) }

// Unstyled is s without the escape sequences a theme styled it with.
func Unstyled(s string) string { return ansi.Strip(s) }

// Truncate keeps text to n columns, ending a cut one with "…".
func Truncate(s string, n int) string {
	if Width(s) <= n {
		return s
	}
	if n < 1 {
		return ""
	}
	return ansi.Truncate(s, n, "…")
}

// Pad writes s and spaces after it to fill n columns (none when s is
// already that wide).
func Pad(s string, n int) string {
	if w := Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// Wrap breaks text into lines of at most width columns, at spaces: words
// are never split. A word wider than a whole line (a long web address)
// gets a line of its own, whole: the terminal wraps it where the window
// ends, as it would have to be cut, and copying it or following it as a
// link still gets all of it; only text in a script written without spaces
// (Chinese, Japanese), which may break between any two characters, is cut
// where the line ends. Runs of spaces between words become one. With width
// under 1 the text is one line.
func Wrap(text string, width int) []string {
	if width < 1 {
		return []string{text}
	}
	var lines []string
	line, lineWidth := "", 0
	for _, word := range units(text) {
		w := Width(word)
		switch {
		case line == "":
		case lineWidth+1+w <= width:
			line, lineWidth = line+" "+word, lineWidth+1+w
			continue
		default:
			lines = append(lines, line)
		}
		for w > width && w > utf8.RuneCountInString(word) { // wide characters
			head := ansi.Truncate(word, width, "")
			if head == "" { // a character wider than the line
				_, n := utf8.DecodeRuneInString(word)
				head = word[:n]
			}
			lines = append(lines, head)
			word = word[len(head):]
			w = Width(word)
		}
		line, lineWidth = word, w
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// units are the words of text, a lone symbol kept with the word after it
// ("○ stated", "→ done"), so no line ends with one.
func units(text string) []string {
	words := strings.Fields(text)
	out := words[:0]
	for i := 0; i < len(words); i++ {
		if r, n := utf8.DecodeRuneInString(words[i]); n == len(words[i]) && i+1 < len(words) && (unicode.IsSymbol(r) || unicode.IsPunct(r)) {
			out = append(out, words[i]+" "+words[i+1])
			i++
			continue
		}
		out = append(out, words[i])
	}
	return out
}

// OrNone writes an empty value as "(none)".
func OrNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// ItemID is an item ID as typed or pasted: the invisible characters a
// report puts inside IDs so they never break across lines (the word
// joiner U+2060) or a copy may carry (zero-width spaces, a byte-order
// mark) are dropped, so an ID copied from a report finds its item.
func ItemID(s string) string {
	return strings.Map(func(r rune) rune {
		if Invisible(r) {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// Invisible reports whether a character shows as nothing, or as a space
// where none is meant: a format character (the word joiner, zero-width
// spaces, a byte-order mark, a soft hyphen, a bidirectional control) or
// a no-break space.
func Invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || r == '\u00a0'
}

// And joins words as prose does: "a, b and c".
func And(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
