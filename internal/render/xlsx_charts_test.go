package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/engage-icb/engage/internal/xlsx"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/compare"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/report"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/strategies"
)

// chartPart is what a test reads back of a chart part (xl/charts/chartN.xml).
type chartPart struct {
	Part  string
	Title string
	// Kinds are the plot's chart elements: barChart, lineChart.
	Kinds  []string
	Series []chartSeries
	// The value axis.
	Min, Max, MajorUnit *float64
	NumFmt              string
}

type chartSeries struct {
	Kind, Name, Cat, Val, Fill string
}

// readCharts unzips a workbook and reads every chart part in it.
func readCharts(t *testing.T, data []byte) []chartPart {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []chartPart
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/charts/chart") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		_ = rc.Close()
		out = append(out, parseChart(t, f.Name, body))
	}
	slices.SortFunc(out, func(a, b chartPart) int { return partNumber(a.Part) - partNumber(b.Part) })
	return out
}

func partNumber(name string) int {
	n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(name, "xl/charts/chart"), ".xml"))
	return n
}

// parseChart walks a chart part's XML, keeping the elements the tests
// name: the title's text, each series' name, categories, values and
// fill, and the value axis's scaling and unit.
func parseChart(t *testing.T, name string, body []byte) chartPart {
	t.Helper()
	c := chartPart{Part: name}
	d := xml.NewDecoder(bytes.NewReader(body))
	var stack []string
	var cur *chartSeries
	kind := ""
	inTitle, inValAx := false, false
	num := func(e xml.StartElement) *float64 {
		for _, a := range e.Attr {
			if a.Name.Local == "val" {
				v, err := strconv.ParseFloat(a.Value, 64)
				if err == nil {
					return &v
				}
			}
		}
		return nil
	}
	attr := func(e xml.StartElement, n string) string {
		for _, a := range e.Attr {
			if a.Name.Local == n {
				return a.Value
			}
		}
		return ""
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
			parent := ""
			if len(stack) > 1 {
				parent = stack[len(stack)-2]
			}
			switch e.Name.Local {
			case "barChart", "lineChart":
				kind = e.Name.Local
				c.Kinds = append(c.Kinds, kind)
			case "ser":
				cur = &chartSeries{Kind: kind}
			case "title":
				inTitle = parent == "chart"
			case "valAx":
				inValAx = true
			case "min":
				if inValAx {
					c.Min = num(e)
				}
			case "max":
				if inValAx {
					c.Max = num(e)
				}
			case "majorUnit":
				if inValAx {
					c.MajorUnit = num(e)
				}
			case "numFmt":
				if inValAx {
					c.NumFmt = attr(e, "formatCode")
				}
			case "srgbClr":
				if cur != nil && cur.Fill == "" && slices.Contains(stack, "spPr") && !slices.Contains(stack, "marker") && !slices.Contains(stack, "dPt") {
					cur.Fill = attr(e, "val")
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "ser":
				c.Series = append(c.Series, *cur)
				cur = nil
			case "title":
				inTitle = false
			case "valAx":
				inValAx = false
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			text := string(e)
			if len(stack) == 0 {
				continue
			}
			switch {
			case inTitle && stack[len(stack)-1] == "t" && cur == nil:
				c.Title += text
			case cur != nil && stack[len(stack)-1] == "f":
				switch {
				case slices.Contains(stack, "tx"):
					cur.Name = text
				case slices.Contains(stack, "cat"):
					cur.Cat = text
				case slices.Contains(stack, "val"):
					cur.Val = text
				}
			}
		}
	}
	return c
}

func chartTitled(t *testing.T, charts []chartPart, title string) chartPart {
	t.Helper()
	for _, c := range charts {
		if c.Title == title {
			return c
		}
	}
	var titles []string
	for _, c := range charts {
		titles = append(titles, c.Title)
	}
	t.Fatalf("no chart titled %q; the charts are %q", title, titles)
	return chartPart{}
}

func eq(p *float64, want float64) bool { return p != nil && *p == want }

// cellAt reads a cell named by a chart reference such as Summary!$A$7.
func cellAt(t *testing.T, f *excelize.File, ref string) string {
	t.Helper()
	sheet, cell, _ := strings.Cut(ref, "!")
	v, err := f.GetCellValue(strings.Trim(sheet, "'"), strings.ReplaceAll(cell, "$", ""))
	if err != nil {
		t.Fatalf("%s: %v", ref, err)
	}
	return v
}

// openWorkbook opens a written workbook with excelize, closing it when
// the test ends.
func openWorkbook(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// Issue 17: "Delivery by status" used two blues, not status colours, and
// counts got half-step axes. Each status is now a series of its own in its
// BRAG colour, named by the status cell, over the Objectives and
// Milestones columns, on an axis of whole numbers from 0.
func TestDeliveryChart(t *testing.T) {
	r := annualReports(t)["lsc.yaml"]
	data := reportExcel(t, r)
	f := openWorkbook(t, data)
	c := chartTitled(t, readCharts(t, data), "Delivery in 2023/24 by status")
	if !slices.Equal(c.Kinds, []string{"barChart"}) || len(c.Series) != len(strategy.Statuses) {
		t.Fatalf("delivery chart: kinds %v, %d series; want one bar chart of %d", c.Kinds, len(c.Series), len(strategy.Statuses))
	}
	for i, st := range strategy.Statuses {
		s := c.Series[i]
		if got := cellAt(t, f, s.Name); got != st {
			t.Errorf("series %d is named by %s = %q, want %q", i, s.Name, got, st)
		}
		if s.Fill != statusFills[st] {
			t.Errorf("series %s: fill %s, want %s", st, s.Fill, statusFills[st])
		}
		row := strings.TrimPrefix(s.Name, "Summary!$A$")
		if want := "Summary!$B$" + row + ":$C$" + row; s.Val != want {
			t.Errorf("series %s: values %s, want %s", st, s.Val, want)
		}
		cats := strings.Split(strings.TrimPrefix(s.Cat, "Summary!"), ":")
		if len(cats) != 2 || cellAt(t, f, "Summary!"+cats[0]) != "Objectives" || cellAt(t, f, "Summary!"+cats[1]) != "Milestones" {
			t.Errorf("series %s: categories %s, want the Objectives and Milestones headers", st, s.Cat)
		}
	}
	most := max(r.Board.Objectives.Total(), r.Board.Milestones.Total())
	if !eq(c.Min, 0) || c.MajorUnit == nil || *c.MajorUnit != float64(int(*c.MajorUnit)) || *c.MajorUnit < 1 || c.Max == nil || *c.Max < float64(most) || c.NumFmt != "0" {
		t.Errorf("value axis: min %v max %v unit %v format %q; want whole numbers from 0 to at least %d", c.Min, c.Max, c.MajorUnit, c.NumFmt, most)
	}
	// The chart sits beside the figures, and the figures, the delivery
	// table and the chart fit the first screen of a 1366x768 laptop at
	// 100%: about 1,300 by 520 pixels of grid under Excel's ribbon.
	drawing := part(t, data, "xl/drawings/drawing1.xml")
	if !strings.Contains(drawing, "<xdr:col>5</xdr:col>") {
		t.Errorf("the delivery chart is not anchored at column F:\n%.400s", drawing)
	}
	summary, _ := f.GetRows("Summary")
	total := -1
	for i, r := range summary {
		if len(r) > 0 && r[0] == "Total" {
			total = i + 1
		}
	}
	height := 0.0
	for r := 1; r <= total; r++ {
		h, _ := f.GetRowHeight("Summary", r)
		height += h * 4 / 3
	}
	width := 0.0
	for _, col := range []string{"A", "B", "C", "D", "E"} {
		w, _ := f.GetColWidth("Summary", col)
		width += 7*w + 5
	}
	if total < 0 || height > 560 || width+520 > 1300 {
		t.Errorf("the Summary's figures end at row %d, %.0f px down, and the chart's right edge is at %.0f px: want within 560 x 1300", total, height, width+520)
	}
}

func part(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rc.Close() }()
	body, _ := io.ReadAll(rc)
	return string(body)
}

// Issue 17: the Metrics chart put people, %, stories and groups on one
// axis. Each measured metric now has a chart of its own: its baseline and
// actuals as columns, its target as a line, from its rows of Metric
// values; a percentage runs 0-100, a count in whole steps.
func TestMetricCharts(t *testing.T) {
	r := annualReports(t)["lsc.yaml"]
	data := reportExcel(t, r)
	f := openWorkbook(t, data)
	charts := readCharts(t, data)
	measured := 0
	for _, m := range r.Metrics {
		if !m.Measured() {
			continue
		}
		measured++
		c := chartTitled(t, charts, m.Title)
		bars := c.Series[0]
		if bars.Kind != "barChart" || cellAt(t, f, bars.Name) != "Value" || bars.Fill != xlsx.NHSBlue {
			t.Errorf("%s: first series %+v, want the values as blue columns", m.ID, bars)
		}
		from, to, _ := strings.Cut(strings.TrimPrefix(bars.Val, "'Metric values'!"), ":")
		if cellAt(t, f, "'Metric values'!$A$"+strings.TrimPrefix(from, "$E$")) != m.ID || cellAt(t, f, "'Metric values'!$A$"+strings.TrimPrefix(to, "$E$")) != m.ID {
			t.Errorf("%s: values %s are not the metric's rows", m.ID, bars.Val)
		}
		if want := strings.ReplaceAll(bars.Val, "$E$", "$B$"); bars.Cat != want {
			t.Errorf("%s: categories %s, want %s", m.ID, bars.Cat, want)
		}
		points := len(m.Actuals)
		if m.Baseline != nil {
			points++
		}
		if n := rows(bars.Val); n != points {
			t.Errorf("%s: %d values charted, want %d (baseline and actuals)", m.ID, n, points)
		}
		if m.Target != nil {
			if len(c.Series) != 2 || c.Series[1].Kind != "lineChart" || cellAt(t, f, c.Series[1].Name) != "Target" ||
				c.Series[1].Val != strings.ReplaceAll(bars.Val, "$E$", "$F$") {
				t.Errorf("%s: series %+v, want a target line over column F", m.ID, c.Series)
			}
		} else if len(c.Series) != 1 {
			t.Errorf("%s has no target, but its chart has %d series", m.ID, len(c.Series))
		}
		switch m.Unit {
		case "%":
			if !eq(c.Max, 100) || !eq(c.Min, 0) {
				t.Errorf("%s: a percentage's axis runs %v to %v, want 0 to 100", m.ID, c.Min, c.Max)
			}
		default:
			if !eq(c.Min, 0) || c.MajorUnit == nil || *c.MajorUnit != float64(int(*c.MajorUnit)) || c.NumFmt != "0" {
				t.Errorf("%s: a count's axis: min %v unit %v format %q, want whole steps from 0", m.ID, c.Min, c.MajorUnit, c.NumFmt)
			}
		}
	}
	if measured == 0 || len(charts) != measured+1 {
		t.Errorf("%d charts, want the delivery chart and one per measured metric (%d)", len(charts), measured)
	}
}

// rows counts the rows of a range such as 'Metric values'!$E$2:$E$4.
func rows(ref string) int {
	_, cells, _ := strings.Cut(ref, "!")
	from, to, ok := strings.Cut(cells, ":")
	if !ok {
		return 1
	}
	_, r1, _ := excelize.CellNameToCoordinates(strings.ReplaceAll(from, "$", ""))
	_, r2, _ := excelize.CellNameToCoordinates(strings.ReplaceAll(to, "$", ""))
	return r2 - r1 + 1
}

// Issue 17: an empty year drew an empty chart on a 0-1 axis. With
// nothing in the year, the Summary says so instead, and a metric with no
// measured value gets no chart.
func TestNoChartWhenNothingToChart(t *testing.T) {
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	src, _ := fs.ReadFile(strategies.FS, "lsc.yaml")
	d := strategy.Parse("lsc.yaml", src)
	s := *d.Strategy
	// Nothing carried over from L&SC's own years: every objective done.
	s.Objectives = slices.Clone(s.Objectives)
	for i := range s.Objectives {
		s.Objectives[i].Status, s.Objectives[i].Updates = strategy.Done, nil
	}
	s.Metrics = []strategy.Metric{{ID: "target-only", Title: "A target, nothing measured", Unit: "people", Target: &strategy.Measurement{Value: 10}}}
	fw, _ := fws.Get(framework.Choose(s.Framework, ""))
	r := report.Build("lsc.yaml", &s, fw, report.Options{Year: calendar.Year{Start: 2035}, AsOf: time.Date(2036, 4, 1, 0, 0, 0, 0, time.UTC), Version: "test"})
	data := reportExcel(t, r)
	if charts := readCharts(t, data); len(charts) != 0 {
		t.Errorf("%d charts of nothing: %+v", len(charts), charts)
	}
	f := openWorkbook(t, data)
	text := func(sheet string) string {
		rows, _ := f.GetRows(sheet)
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(strings.Join(r, " | ") + "\n")
		}
		return b.String()
	}
	for sheet, want := range map[string]string{
		"Summary":    "Nothing falls in 2035/36, so there is no delivery chart.",
		"Metrics":    "No metric has a measured value yet",
		"Objectives": "The strategy sets no objective for 2035/36.",
		"Overdue":    "Nothing in 2035/36 was due before",
		"Activities": "The strategy records no engagement activity in 2035/36.",
	} {
		if got := text(sheet); !strings.Contains(got, want) {
			t.Errorf("%s does not say %q:\n%s", sheet, want, got)
		}
	}
}

// Issue 17: the comparison's grade chart had pale colours hard to tell
// from white, and an axis to 12 for 10 principles. Each grade is now a
// series in a sequential colour-blind-safe palette, every colour at least
// 3:1 against white, on an axis from 0 to the number of principles in
// steps of 1.
func TestGradesChart(t *testing.T) {
	c := compare.Build(compareInputs(t, "../../strategies/dorset.yaml", "../../strategies/lsc.yaml", "../../strategies/mse.yaml", "../../strategies/snee.yaml"), compareAsOf)
	var b bytes.Buffer
	if err := (CompareXLSX{}).Render(&b, c); err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, b.Bytes())
	charts := readCharts(t, b.Bytes())
	if len(charts) != 1 {
		t.Fatalf("%d charts, want the grades chart", len(charts))
	}
	ch := charts[0]
	if ch.Title != "Coverage grades of each ICB's national principles" || len(ch.Series) != len(coverage.Grades) {
		t.Fatalf("grades chart %q with %d series", ch.Title, len(ch.Series))
	}
	rows, _ := f.GetRows("Grades")
	graded := 0
	for _, r := range rows[1:] {
		if len(r) > 2 {
			graded++
		}
	}
	for i, g := range coverage.Grades {
		s := ch.Series[i]
		if got := cellAt(t, f, s.Name); !strings.EqualFold(got, g.String()) {
			t.Errorf("series %d named %s = %q, want %s", i, s.Name, got, g)
		}
		col := xlsx.ColumnName(i + 3)
		if want := fmt.Sprintf("Grades!$%s$2:$%s$%d", col, col, graded+1); s.Val != want {
			t.Errorf("%s: values %s, want %s", g, s.Val, want)
		}
		if want := fmt.Sprintf("Grades!$A$2:$A$%d", graded+1); s.Cat != want {
			t.Errorf("%s: categories %s, want %s", g, s.Cat, want)
		}
		if s.Fill != gradeChartFills[g] || contrast(s.Fill) < 3 {
			t.Errorf("%s: fill %s (contrast %.1f against white), want %s at 3:1 or more", g, s.Fill, contrast(s.Fill), gradeChartFills[g])
		}
		if i > 0 && contrast(s.Fill) <= contrast(ch.Series[i-1].Fill) {
			t.Errorf("%s is not darker than %s: the palette is not sequential", g, coverage.Grades[i-1])
		}
	}
	if !eq(ch.Max, 10) || !eq(ch.Min, 0) || !eq(ch.MajorUnit, 1) {
		t.Errorf("value axis %v to %v in %v, want 0 to 10 (the principles) in 1s", ch.Min, ch.Max, ch.MajorUnit)
	}
}

// contrast is a colour's contrast ratio against white (WCAG 2).
func contrast(hex string) float64 {
	var rgb [3]float64
	for i := range rgb {
		v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		rgb[i] = c
	}
	l := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	return 1.05 / (l + 0.05)
}
