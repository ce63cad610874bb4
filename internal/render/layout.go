package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/engage-icb/engage/internal/safetext"
)

// Laying text out for a terminal: every format that writes for people
// goes through these, so no line is wider than the window and no word is
// broken across lines. Output that is not for a terminal is not laid out
// to any width (one record a line).

// cols is the width to lay output out in: the terminal's, or 0 (no limit)
// when the output is not going to a terminal.
func (o Options) cols() int {
	if !o.Terminal {
		return 0
	}
	return o.Width
}

// hang writes text after first, wrapped at words to width columns, each
// further line indented to where the text began (a hanging indent), and
// styled by style. With width 0 it is one line.
func hang(b *strings.Builder, first, text string, width int, style func(string) string) {
	hangAt(b, first, safetext.Width(first), text, width, style)
}

// hangAt is hang with the further lines indented by indent columns.
func hangAt(b *strings.Builder, first string, indent int, text string, width int, style func(string) string) {
	lines, indent, below := wrapAfter(first, indent, text, width)
	if below {
		first = strings.TrimRight(first, " ")
	}
	b.WriteString(first)
	for i, line := range lines {
		if below {
			b.WriteString("\n")
		}
		if i > 0 || below {
			b.WriteString(strings.Repeat(" ", indent))
		}
		b.WriteString(style(line))
		below = false
		if i < len(lines)-1 {
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
}

// wrapAfter wraps text that follows first on its line, the lines after
// the first indented by indent columns: the lines, and their indent. When
// first or indent leaves under minText columns, the text starts below
// first (below), every line indented by four. With width 0 the text is one
// line.
func wrapAfter(first string, indent int, text string, width int) (lines []string, _ int, below bool) {
	if width == 0 {
		return []string{text}, indent, false
	}
	used := safetext.Width(first)
	if width-max(used, indent) < minText {
		return safetext.Wrap(text, width-4), 4, true
	}
	if used == indent {
		return safetext.Wrap(text, width-indent), indent, false
	}
	// The first line is shorter or longer than the rest.
	head := safetext.Wrap(text, width-used)[0]
	rest := strings.TrimSpace(strings.Join(strings.Fields(text), " ")[len(head):])
	lines = []string{head}
	if rest != "" {
		lines = append(lines, safetext.Wrap(rest, width-indent)...)
	}
	return lines, indent, false
}

// flow writes items after first, separated by sep, as many to a line as
// fit in width, never breaking one; further lines are indented by indent
// columns. Items may be styled: they are measured without their escapes.
func flow(b *strings.Builder, first string, indent int, items []string, sep string, width int) {
	if sep == " " { // a lone symbol ("→") stays with the item after it
		glued := make([]string, 0, len(items))
		for i := 0; i < len(items); i++ {
			if i+1 < len(items) && isSymbol(safetext.Unstyled(items[i])) {
				glued = append(glued, items[i]+" "+items[i+1])
				i++
				continue
			}
			glued = append(glued, items[i])
		}
		items = glued
	}
	if width > 0 && width-max(indent, safetext.Width(first)) < minText {
		b.WriteString(strings.TrimRight(first, " ") + "\n")
		first, indent = "    ", 4
	}
	b.WriteString(first)
	used := safetext.Width(first)
	for i, it := range items {
		w := safetext.Width(it)
		if i > 0 {
			if width > 0 && used+safetext.Width(sep)+w > width {
				b.WriteString("\n" + strings.Repeat(" ", indent))
				used = indent
			} else {
				b.WriteString(sep)
				used += safetext.Width(sep)
			}
		}
		b.WriteString(it)
		used += w
	}
	b.WriteString("\n")
}

// minText is the narrowest a wrapped or truncated text column is made,
// however much the columns before it take: below it, text is unreadable.
const minText = 12

// fit truncates text (with "…") to the columns left on a line of width
// after used columns (at least one: a layout that leaves text less than
// minText columns should be laid out another way); with width 0 it keeps
// text whole, or cuts it at pipedMax columns when pipedMax is more than 0
// (the lengths piped output has always been cut to).
func fit(text string, width, used, pipedMax int) string {
	if width == 0 {
		if pipedMax > 0 {
			return safetext.Truncate(text, pipedMax)
		}
		return text
	}
	return safetext.Truncate(text, max(width-used, 1))
}

func plain(s string) string { return s }

// isSymbol reports whether s is one symbol or punctuation character.
func isSymbol(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n > 0 && n == len(s) && (unicode.IsSymbol(r) || unicode.IsPunct(r))
}
