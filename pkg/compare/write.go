package compare

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/render"
	"github.com/engage-icb/engage/pkg/xlsx"
)

// Detail is the per-ICB rows' columns, shared by every format.
var Detail = []string{"ICB", "period", "state", "last updated", "next review", "local principles",
	"objectives", "done of due", "overdue", "metrics (measured)", "public involvement body", "self-assessments"}

// Row is an ICB's detail as text, in Detail's order.
func (c ICB) Row() []string {
	done := "none due"
	if pct, ok := c.DonePercent(); ok {
		done = fmt.Sprintf("%d of %d (%d%%)", c.DueDone, c.Due, pct)
	}
	review := or(c.NextReview, "not set")
	if c.ReviewOverdue {
		review += " (overdue)"
	}
	return []string{c.Label() + " (" + c.Code + ")", or(c.Period, "not set"), or(c.State, "not set"), or(c.Updated, "not set"), review,
		strconv.Itoa(c.LocalPrinciples), strconv.Itoa(c.Objectives), done, strconv.Itoa(c.Overdue),
		fmt.Sprintf("%d (%d)", c.Metrics, c.MetricsMeasured), or(c.InvolvementBody, "none named"), strconv.Itoa(c.SelfAssessments)}
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// Cell is a grade as a matrix cell shows it: symbol and word.
func Cell(g coverage.Grade) string { return g.Symbol() + " " + g.String() }

// Note explains a block whose columns are self-assessments.
func (b Block) Note() string {
	var names []string
	for _, icb := range b.ICBs {
		if icb.Ratings != nil {
			names = append(names, icb.Label())
		}
	}
	if len(names) == 0 {
		return ""
	}
	return strings.Join(names, ", ") + ": a self-assessment, shown by the rating it recorded for each " + b.Framework.Noun + " (not-reported when its source gives none), not by coverage."
}

// Heading names a block: the national principles, or another framework.
func (b Block) Heading() string {
	return fmt.Sprintf("%s (%s)", b.Framework.Title, b.Framework.ID)
}

// WriteMarkdown writes the comparison as GitHub-flavoured Markdown: per
// block, the matrix of grades and the per-ICB rows.
func (c *Comparison) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Strategies compared\n\nAs of %s. Coverage grades, weakest first: ", c.AsOf)
	var legend []string
	for _, g := range coverage.Grades {
		legend = append(legend, Cell(g))
	}
	b.WriteString(strings.Join(legend, ", ") + " (see `engage coverage --help`).\n")
	for _, bl := range c.Blocks {
		fmt.Fprintf(&b, "\n## %s\n\n", md(bl.Heading()))
		b.WriteString("| " + bl.Framework.Noun)
		for _, icb := range bl.ICBs {
			b.WriteString(" | " + md(icb.Label()))
		}
		b.WriteString(" |\n|---" + strings.Repeat("|---", len(bl.ICBs)) + "|\n")
		for i, p := range bl.Principles {
			fmt.Fprintf(&b, "| %d. %s", p.Number, md(p.Label))
			for _, icb := range bl.ICBs {
				b.WriteString(" | " + md(icb.Cell(i)))
			}
			b.WriteString(" |\n")
		}
		if note := bl.Note(); note != "" {
			b.WriteString("\n" + md(note) + "\n")
		}
		b.WriteString("\n| " + strings.Join(Detail, " | ") + " |\n|" + strings.Repeat("---|", len(Detail)) + "\n")
		for _, icb := range bl.ICBs {
			row := icb.Row()
			for i := range row {
				row[i] = md(row[i])
			}
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// md escapes text for a table cell.
func md(s string) string { return render.MarkdownCell(render.Sanitize(s)) }

// Heat-map fills for the grades, light to dark NHS blues, so the matrix
// reads at a glance; the cell's word and symbol carry the grade without it.
var heat = map[coverage.Grade]struct{ fill, font string }{
	coverage.Missing:    {"F4CCCC", "000000"},
	coverage.Stated:     {"F0F4F5", "000000"},
	coverage.Planned:    {"D6E8F7", "000000"},
	coverage.Delivering: {"9CC3E8", "000000"},
	coverage.Evidenced:  {"41B6E6", "000000"},
	coverage.Measured:   {"005EB8", "FFFFFF"},
}

// WriteExcel writes the comparison as a workbook: a matrix sheet per block
// (heat-mapped grades, frozen headers), the per-ICB rows, a sheet of
// grade counts with a chart, and one sheet per ICB with its detail.
func (c *Comparison) WriteExcel(w io.Writer) error {
	wb, err := xlsx.New()
	if err != nil {
		return err
	}
	defer func() { _ = wb.Close() }()
	names := map[string]bool{}
	for i, bl := range c.Blocks {
		name := "Matrix"
		if i > 0 {
			name = sheetName("Matrix "+bl.Framework.ID, names)
		}
		names[name] = true
		if err := matrix(wb, name, bl); err != nil {
			return err
		}
	}
	if err := detail(wb, c); err != nil {
		return err
	}
	if err := grades(wb, c); err != nil {
		return err
	}
	for _, bl := range c.Blocks {
		for _, icb := range bl.ICBs {
			name := sheetName(icb.Label(), names)
			names[name] = true
			if err := icbSheet(wb, name, bl, icb); err != nil {
				return err
			}
		}
	}
	stamp := c.AsOf + "T00:00:00Z"
	if err := wb.Finish(&excelize.DocProperties{
		Title: "Strategies compared as of " + c.AsOf, Subject: "Working with people and communities: strategies compared",
		Creator: "engage", Description: "Generated by engage compare as of " + c.AsOf, Created: stamp, Modified: stamp, LastModifiedBy: "engage",
	}); err != nil {
		return err
	}
	_, err = wb.WriteTo(w)
	return err
}

func matrix(wb *xlsx.Workbook, name string, bl Block) error {
	widths := []float64{40}
	header := []string{bl.Framework.Noun}
	for _, icb := range bl.ICBs {
		widths = append(widths, 14)
		header = append(header, icb.Label())
	}
	var rows [][]any
	for i, p := range bl.Principles {
		row := []any{fmt.Sprintf("%d. %s", p.Number, p.Label)}
		for _, icb := range bl.ICBs {
			row = append(row, icb.Cell(i))
		}
		rows = append(rows, row)
	}
	s, err := wb.Table(name, widths, header, rows)
	if err != nil {
		return err
	}
	// Freeze the principle column too.
	if err := wb.F.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	var rules []excelize.ConditionalFormatOptions
	for _, g := range coverage.Grades {
		h := heat[g]
		id, err := wb.F.NewConditionalStyle(&excelize.Style{
			Font: &excelize.Font{Color: h.font}, Fill: excelize.Fill{Type: "pattern", Color: []string{h.fill}, Pattern: 1}})
		if err != nil {
			return err
		}
		rules = append(rules, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"` + Cell(g) + `"`, Format: &id})
	}
	if len(bl.ICBs) == 0 {
		return nil
	}
	return wb.F.SetConditionalFormat(name, "B2:"+s.Cell(len(bl.ICBs)+1, s.Row), rules)
}

func detail(wb *xlsx.Workbook, c *Comparison) error {
	header := append([]string{"framework"}, Detail...)
	var rows [][]any
	for _, bl := range c.Blocks {
		for _, icb := range bl.ICBs {
			row := []any{bl.Framework.ID}
			for _, v := range icb.Row() {
				row = append(row, v)
			}
			rows = append(rows, row)
		}
	}
	_, err := wb.Table("ICBs", []float64{12, 26, 20, 12, 14, 22, 10, 10, 16, 10, 12, 36, 10}, header, rows)
	return err
}

// grades counts each ICB's principles at each grade, with a stacked bar
// chart of them.
func grades(wb *xlsx.Workbook, c *Comparison) error {
	header := []string{"ICB", "framework"}
	for _, g := range coverage.Grades {
		header = append(header, g.String())
	}
	var rows [][]any
	for _, bl := range c.Blocks {
		for _, icb := range bl.ICBs {
			counts := map[coverage.Grade]int{}
			for _, g := range icb.Grades {
				counts[g]++
			}
			row := []any{icb.Label(), bl.Framework.ID}
			for _, g := range coverage.Grades {
				row = append(row, counts[g])
			}
			rows = append(rows, row)
		}
	}
	s, err := wb.Table("Grades", []float64{20, 12, 10, 10, 10, 11, 11, 10}, header, rows)
	if err != nil || len(rows) == 0 {
		return err
	}
	var series []excelize.ChartSeries
	for i, g := range coverage.Grades {
		col := s.Cell(i+3, 1)[:1]
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("Grades!$%s$1", col),
			Categories: fmt.Sprintf("Grades!$A$2:$A$%d", s.Row),
			Values:     fmt.Sprintf("Grades!$%s$2:$%s$%d", col, col, s.Row),
			Fill:       excelize.Fill{Type: "pattern", Color: []string{heat[g].fill}, Pattern: 1},
		})
	}
	return wb.F.AddChart("Grades", s.Cell(1, s.Row+3), &excelize.Chart{
		Type:      excelize.BarStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Coverage grades of each ICB's principles"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Format:    excelize.GraphicOptions{AltText: "Stacked bar chart: for each ICB, how many principles have each coverage grade"},
		Dimension: excelize.ChartDimension{Width: 720, Height: uint(200 + 24*len(rows))},
	})
}

func icbSheet(wb *xlsx.Workbook, name string, bl Block, icb ICB) error {
	s, err := wb.NewSheet(name, []float64{28, 60})
	if err != nil {
		return err
	}
	s.Put(icb.Name + " (" + icb.Code + ")")
	s.Style("A1", "A1", wb.Title)
	s.Line("Strategy", icb.Title)
	s.Line("File", icb.File)
	s.Line("Framework", bl.Heading())
	for i, v := range icb.Row()[1:] {
		s.Line(Detail[i+1], v)
	}
	s.Row++
	what := "coverage grade"
	if icb.Ratings != nil {
		what = "self-assessment rating"
	}
	s.Put(bl.Framework.Noun, what)
	s.Style(s.Cell(1, s.Row), s.Cell(2, s.Row), wb.Header)
	for i, p := range bl.Principles {
		s.Line(fmt.Sprintf("%d. %s", p.Number, p.Label), icb.Cell(i))
	}
	return s.Err
}

// sheetName makes a sheet name Excel accepts (at most 31 characters, none
// of : \ / ? * [ ]) and that no other sheet has.
func sheetName(want string, taken map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]'`, r) {
			return '-'
		}
		return r
	}, render.Sanitize(want))
	clean = truncate(clean, 31)
	name := clean
	for i := 2; taken[name] || name == "" || name == "ICBs" || name == "Grades" || name == "Matrix"; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		name = truncate(clean, 31-len(suffix)) + suffix
	}
	return name
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}
