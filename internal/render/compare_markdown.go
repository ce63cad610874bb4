package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/compare"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/strategy"
)

// compareColumns is how many ICBs a table of grades holds, so that no
// table is wider than seven columns (a page of A4, a phone held upright).
const compareColumns = 6

// compareTables groups the per-ICB columns (compare.Detail) into tables
// of at most seven columns, the ICB first in each. A column not named
// here goes in the last table, so none is left out.
var compareTables = []struct {
	title   string
	columns []string
}{
	{"The strategies", []string{"population", "period", "state", "versions", "last updated", "next review"}},
	{"What they hold", []string{"themes", "local principles", "objectives (unlinked)", "metrics (measured)", "activities (what changed recorded)", "self-assessments"}},
	{"Delivery and governance", []string{"done of due", "overdue", "public involvement body"}},
}

// dated are the detail columns that hold dates, kept from breaking at
// their hyphens.
var dated = map[string]bool{"versions": true, "last updated": true, "next review": true}

// CompareMarkdown writes a comparison as GitHub-flavoured Markdown: per
// block, the grades of at most six ICBs a table, then each ICB's detail
// in three tables.
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
		fmt.Fprintf(&b, "\n## %s\n\n### %s\n", cellText(bl.Heading()), matrixTitle(bl))
		for from := 0; from < len(bl.ICBs); from += compareColumns {
			icbs := bl.ICBs[from:min(from+compareColumns, len(bl.ICBs))]
			if len(bl.ICBs) > compareColumns {
				fmt.Fprintf(&b, "\nICBs %d to %d of %d:\n", from+1, from+len(icbs), len(bl.ICBs))
			}
			head := []string{bl.Framework.Noun}
			for _, icb := range icbs {
				head = append(head, cellText(icb.Label()))
			}
			t := newTable(head...)
			for i, p := range bl.Principles {
				row := []string{fmt.Sprintf("%d. %s", p.Number, cellText(p.Label))}
				for _, icb := range icbs {
					row = append(row, gradeCell(icb, i))
				}
				t.row(row...)
			}
			b.WriteString("\n" + t.String())
		}
		if note := bl.Note(); note != "" {
			b.WriteString("\n" + cellText(note) + "\n")
		}
		for _, g := range detailGroups() {
			fmt.Fprintf(&b, "\n### %s\n\n", g.title)
			head := []string{compare.Detail[0]}
			for _, i := range g.columns {
				head = append(head, compare.Detail[i])
			}
			t := newTable(head...)
			for _, icb := range bl.ICBs {
				full := icb.Row()
				row := []string{cellText(full[0])}
				for _, i := range g.columns {
					v := cellText(full[i])
					if dated[compare.Detail[i]] {
						v = nobreak(v)
					}
					row = append(row, v)
				}
				t.row(row...)
			}
			b.WriteString(t.String())
		}
		fmt.Fprintf(&b, "\nDone of due counts every year's objectives due by %s, and overdue every year's objectives and milestones due before it and not done or dropped, as `engage status` does; an annual report counts only its year's.\n", c.AsOf)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// matrixTitle names a block's matrix: coverage grades, or a
// self-assessment's ratings.
func matrixTitle(bl compare.Block) string {
	rated := 0
	for _, icb := range bl.ICBs {
		if icb.Ratings != nil {
			rated++
		}
	}
	switch rated {
	case 0:
		return "Coverage grades"
	case len(bl.ICBs):
		return "Self-assessment ratings"
	}
	return "Coverage grades and self-assessment ratings"
}

// detailGroups are compareTables's tables as column indexes into
// compare.Detail.
func detailGroups() []struct {
	title   string
	columns []int
} {
	out := make([]struct {
		title   string
		columns []int
	}, len(compareTables))
	placed := map[int]bool{0: true}
	for gi, g := range compareTables {
		out[gi].title = g.title
		for _, name := range g.columns {
			if i := slices.Index(compare.Detail, name); i > 0 {
				out[gi].columns = append(out[gi].columns, i)
				placed[i] = true
			}
		}
	}
	for i := range compare.Detail {
		if !placed[i] {
			last := &out[len(out)-1]
			last.columns = append(last.columns, i)
		}
	}
	return out
}

// gradeCell is the matrix's cell for principle i, its symbol and word
// kept together.
func gradeCell(icb compare.ICB, i int) string {
	if icb.Ratings != nil && icb.Ratings[i] == strategy.NotReported {
		return statusCell(strategy.NotReported)
	}
	return strings.Replace(cellText(icb.Cell(i)), " ", "\u00a0", 1)
}

// cellText makes text from a file safe for a Markdown table cell.
func cellText(s string) string { return safetext.MarkdownCell(safetext.Terminal(s)) }
