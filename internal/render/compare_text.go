package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/compare"
)

// detailWidth is the width of the longest detail label.
var detailWidth = func() int {
	n := 0
	for _, d := range compare.Detail {
		n = max(n, utf8.RuneCountInString(d))
	}
	return n
}()

// CompareText writes a comparison for people: per block, the matrix, then
// the rows per ICB as label: value lines.
type CompareText struct {
	Options
}

// Render writes the comparison.
func (t CompareText) Render(w io.Writer, c *compare.Comparison) error {
	th := t.Theme
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", th.Muted("As of "+c.AsOf+". Grades, weakest first: ✗ missing, ○ stated, ◔ planned, ◑ delivering, ◕ evidenced, ● measured."))
	for _, bl := range c.Blocks {
		fmt.Fprintf(&b, "\n%s\n\n", th.Bold(safetext.Terminal(bl.Heading())))
		labelWidth := 0
		for _, p := range bl.Principles {
			labelWidth = max(labelWidth, utf8.RuneCountInString(p.Label)+6)
		}
		colWidth := len("◑ delivering") + 2
		for _, icb := range bl.ICBs {
			colWidth = max(colWidth, utf8.RuneCountInString(safetext.Terminal(icb.Label()))+2)
		}
		b.WriteString(padRunes("", labelWidth))
		for j, icb := range bl.ICBs {
			label := padRunes(safetext.Terminal(icb.Label()), colWidth)
			if j == len(bl.ICBs)-1 {
				label = strings.TrimRight(label, " ")
			}
			b.WriteString(th.Bold(label))
		}
		b.WriteString("\n")
		for i, p := range bl.Principles {
			b.WriteString(padRunes(fmt.Sprintf("%2d  %s", p.Number, safetext.Terminal(p.Label)), labelWidth))
			for j, icb := range bl.ICBs {
				cell := padRunes(safetext.Terminal(icb.Cell(i)), colWidth)
				if j == len(bl.ICBs)-1 {
					cell = strings.TrimRight(cell, " ")
				}
				if icb.Ratings == nil {
					cell = th.Grade(icb.Grades[i], cell)
				}
				b.WriteString(cell)
			}
			b.WriteString("\n")
		}
		if note := bl.Note(); note != "" {
			fmt.Fprintf(&b, "\n%s\n", th.Muted(safetext.Terminal(note)))
		}
		for _, icb := range bl.ICBs {
			row := icb.Row()
			fmt.Fprintf(&b, "\n%s  %s\n", th.Bold(safetext.Terminal(row[0])), th.Muted(safetext.Terminal(icb.File)))
			for i := 1; i < len(row); i++ {
				value := safetext.Terminal(row[i])
				if compare.Detail[i] == "next review" && icb.ReviewOverdue {
					value = th.Error(value)
				}
				fmt.Fprintf(&b, "  %-*s %s\n", detailWidth, compare.Detail[i], value)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// padRunes pads s with spaces to n characters (not bytes).
func padRunes(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s + " "
}
