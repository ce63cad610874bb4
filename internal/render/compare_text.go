package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/compare"
)

// detailWidth is the width of the longest detail label.
var detailWidth = func() int {
	n := 0
	for _, d := range compare.Detail {
		n = max(n, safetext.Width(d))
	}
	return n
}()

// minMatrixLabel is the fewest columns a principle's label is cut to
// before the matrix is split into screens of fewer ICBs.
const minMatrixLabel = 24

// CompareText writes a comparison for people: per block, the matrix, then
// the rows per ICB as label: value lines. On a terminal too narrow for
// every ICB's column, principles' labels are cut first, then the matrix is
// written in parts, as many ICBs to a part as fit.
type CompareText struct {
	Options
}

// Render writes the comparison.
func (t CompareText) Render(w io.Writer, c *compare.Comparison) error {
	th, width := t.Theme, t.cols()
	var b strings.Builder
	// Each grade's symbol and word stay together.
	legend := append(strings.Fields("As of "+c.AsOf+". Grades, weakest first:"), "✗ missing,", "○ stated,", "◔ planned,", "◑ delivering,", "◕ evidenced,", "● measured.")
	for i, l := range legend {
		legend[i] = th.Muted(l)
	}
	flow(&b, "", 0, legend, " ", width)
	for _, bl := range c.Blocks {
		b.WriteString("\n")
		hang(&b, "", safetext.Terminal(bl.Heading()), width, th.Bold)
		labelWidth := 0
		for _, p := range bl.Principles {
			labelWidth = max(labelWidth, safetext.Width(safetext.Terminal(p.Label))+6)
		}
		colWidth := 16 // a grade and a gap, as the matrix has always been laid out
		for _, icb := range bl.ICBs {
			colWidth = max(colWidth, safetext.Width(safetext.Terminal(icb.Label()))+2, safetext.Width(safetext.Terminal(icb.Cell(0)))+2)
			for i := range bl.Principles {
				colWidth = max(colWidth, safetext.Width(safetext.Terminal(icb.Cell(i)))+2)
			}
		}
		perPart := len(bl.ICBs)
		if width > 0 {
			// As many ICBs to a part as leave the labels minMatrixLabel
			// columns (the last column needs no gap after it), and the
			// labels what the part leaves.
			perPart = max(min((width-minMatrixLabel+2)/colWidth, len(bl.ICBs)), 1)
			labelWidth = min(labelWidth, max(width-perPart*colWidth+2, minMatrixLabel))
		}
		for from := 0; from < len(bl.ICBs); from += perPart {
			t.matrix(&b, bl, bl.ICBs[from:min(from+perPart, len(bl.ICBs))], labelWidth, colWidth)
		}
		if note := bl.Note(); note != "" {
			b.WriteString("\n")
			hang(&b, "", safetext.Terminal(note), width, th.Muted)
		}
		for _, icb := range bl.ICBs {
			row := icb.Row()
			b.WriteString("\n")
			hang(&b, th.Bold(safetext.Terminal(row[0]))+"  ", safetext.Terminal(icb.File), width, th.Muted)
			for i := 1; i < len(row); i++ {
				style := plain
				if compare.Detail[i] == "next review" && icb.ReviewOverdue {
					style = th.Error
				}
				label := fmt.Sprintf("  %-*s ", detailWidth, compare.Detail[i])
				if width > 0 && width-detailWidth-3 < minText {
					label = fmt.Sprintf("  %s: ", compare.Detail[i]) // too narrow for a column of labels
				}
				hangAt(&b, label, min(safetext.Width(label), detailWidth+3), safetext.Terminal(row[i]), width, style)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// matrix writes the grades of some of a block's ICBs: a row per principle,
// its label cut to labelWidth, a column per ICB.
func (t CompareText) matrix(b *strings.Builder, bl compare.Block, icbs []compare.ICB, labelWidth, colWidth int) {
	th := t.Theme
	b.WriteString("\n" + strings.Repeat(" ", labelWidth))
	for j, icb := range icbs {
		label := safetext.Pad(safetext.Truncate(safetext.Terminal(icb.Label()), colWidth-2), colWidth)
		if j == len(icbs)-1 {
			label = strings.TrimRight(label, " ")
		}
		b.WriteString(th.Bold(label))
	}
	b.WriteString("\n")
	for i, p := range bl.Principles {
		b.WriteString(safetext.Pad(safetext.Truncate(fmt.Sprintf("%2d  %s", p.Number, safetext.Terminal(p.Label)), labelWidth-2), labelWidth))
		for j, icb := range icbs {
			cell := safetext.Pad(safetext.Terminal(icb.Cell(i)), colWidth)
			if j == len(icbs)-1 {
				cell = strings.TrimRight(cell, " ")
			}
			if icb.Ratings == nil {
				cell = th.Grade(icb.Grades[i], cell)
			}
			b.WriteString(cell)
		}
		b.WriteString("\n")
	}
}
