package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/compare"
	"github.com/engage-icb/engage/pkg/coverage"
)

// CompareMarkdown writes a comparison as GitHub-flavoured Markdown: per
// block, the matrix of grades and the per-ICB rows.
type CompareMarkdown struct{}

// Render writes the comparison.
func (CompareMarkdown) Render(w io.Writer, c *compare.Comparison) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Strategies compared\n\nAs of %s. Coverage grades, weakest first: ", c.AsOf)
	var legend []string
	for _, g := range coverage.Grades {
		legend = append(legend, compare.Cell(g))
	}
	b.WriteString(strings.Join(legend, ", ") + " (see `engage coverage --help`).\n")
	for _, bl := range c.Blocks {
		fmt.Fprintf(&b, "\n## %s\n\n", cellText(bl.Heading()))
		b.WriteString("| " + bl.Framework.Noun)
		for _, icb := range bl.ICBs {
			b.WriteString(" | " + cellText(icb.Label()))
		}
		b.WriteString(" |\n|---" + strings.Repeat("|---", len(bl.ICBs)) + "|\n")
		for i, p := range bl.Principles {
			fmt.Fprintf(&b, "| %d. %s", p.Number, cellText(p.Label))
			for _, icb := range bl.ICBs {
				b.WriteString(" | " + cellText(icb.Cell(i)))
			}
			b.WriteString(" |\n")
		}
		if note := bl.Note(); note != "" {
			b.WriteString("\n" + cellText(note) + "\n")
		}
		b.WriteString("\n| " + strings.Join(compare.Detail, " | ") + " |\n|" + strings.Repeat("---|", len(compare.Detail)) + "\n")
		for _, icb := range bl.ICBs {
			row := icb.Row()
			for i := range row {
				row[i] = cellText(row[i])
			}
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cellText makes text from a file safe for a Markdown table cell.
func cellText(s string) string { return safetext.MarkdownCell(safetext.Terminal(s)) }
