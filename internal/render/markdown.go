package render

import "strings"

// The Markdown formats' shared writing.

// mdRow writes one table row in markdownlint's compact style (MD060):
// "| a | b |", one space each side of every cell, an empty cell as a
// single space.
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
