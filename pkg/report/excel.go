package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// NHS colours for the workbook: NHS Blue for headers, and the BRAG
// colours for statuses (blue done, green in progress, amber at risk, red
// off track). Colour always comes with the status's word.
const (
	nhsBlue  = "005EB8"
	bragBlue = "41B6E6"
	bragGrn  = "009639"
	bragAmb  = "FFB81C"
	bragRed  = "DA291C"
)

// sheet writes one worksheet, a row at a time.
type sheet struct {
	f      *excelize.File
	name   string
	row    int
	widths []float64 // column widths, set before any row is written
	body   int       // the style of ordinary cells: wrapped, top-aligned
	err    error
}

// newSheet starts a worksheet with its column widths.
func (wb *workbook) newSheet(name string, widths []float64) (*sheet, error) {
	if name != "Summary" {
		if _, err := wb.f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	s := &sheet{f: wb.f, name: name, widths: widths, body: wb.wrap}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := wb.f.SetColWidth(name, col, col, w); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// fit sets the height of the current row to show its longest wrapped
// text: spreadsheet programs do not all grow rows for wrapped text.
func (s *sheet) fit(values []any) {
	lines := 1
	for i, v := range values {
		text, ok := v.(string)
		if !ok || i >= len(s.widths) || text == "" {
			continue
		}
		perLine := max(int(s.widths[i]*1.1)-1, 1)
		lines = max(lines, (utf8.RuneCountInString(text)+perLine-1)/perLine)
	}
	if lines > 1 && s.err == nil {
		s.err = s.f.SetRowHeight(s.name, s.row, float64(min(lines, 12))*14.5)
	}
}

// line writes a row of ordinary cells.
func (s *sheet) line(values ...any) {
	s.put(values...)
	if len(values) > 0 {
		s.style(s.cell(1, s.row), s.cell(len(values), s.row), s.body)
	}
	s.fit(values)
}

func (s *sheet) cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// put writes a row of values from column 1. Strings are stored as text,
// always: a title such as =HYPERLINK(...) stays text, never a formula.
func (s *sheet) put(values ...any) {
	s.row++
	for i, v := range values {
		if s.err != nil {
			return
		}
		ref := s.cell(i+1, s.row)
		switch x := v.(type) {
		case nil:
		case string:
			s.err = s.f.SetCellStr(s.name, ref, flatten(x))
		case int:
			s.err = s.f.SetCellInt(s.name, ref, int64(x))
		case float64:
			s.err = s.f.SetCellFloat(s.name, ref, x, -1, 64)
		case *float64:
			if x != nil {
				s.err = s.f.SetCellFloat(s.name, ref, *x, -1, 64)
			}
		default:
			s.err = s.f.SetCellStr(s.name, ref, fmt.Sprint(x))
		}
	}
}

func (s *sheet) style(from, to string, id int) {
	if s.err == nil {
		s.err = s.f.SetCellStyle(s.name, from, to, id)
	}
}

// workbook builds the report's workbook.
type workbook struct {
	f                          *excelize.File
	header, title, wrap, label int
}

// WriteExcel writes the report as an Excel workbook: sheets Summary,
// Principles, Objectives, Roadmap, Metrics (and Changes with --since).
func (r *Report) WriteExcel(w io.Writer) error {
	f, err := r.Workbook()
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	var raw bytes.Buffer
	if _, err := f.WriteTo(&raw); err != nil {
		return err
	}
	return canonicalZip(w, raw.Bytes())
}

// canonicalZip rewrites a workbook so that the same cells always give the
// same bytes: excelize lists [Content_Types].xml's defaults, and may order
// the zip's parts, in Go's random map order. The parts are written
// [Content_Types].xml first, then by name, with the defaults sorted.
func canonicalZip(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	rank := func(f *zip.File) string {
		if f.Name == "[Content_Types].xml" {
			return ""
		}
		return f.Name
	}
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(rank(a), rank(b)) })
	zw := zip.NewWriter(w)
	for _, f := range files {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		body, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			return err
		}
		if f.Name == "[Content_Types].xml" {
			body = sortDefaults(body)
		}
		out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := out.Write(body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// sortDefaults sorts the <Default .../> elements of [Content_Types].xml,
// which excelize writes one after another.
func sortDefaults(body []byte) []byte {
	const open, end = "<Default ", "</Default>"
	first := bytes.Index(body, []byte(open))
	last := bytes.LastIndex(body, []byte(end))
	if first < 0 || last < first {
		return body
	}
	last += len(end)
	var parts []string
	for rest := string(body[first:last]); rest != ""; {
		i := strings.Index(rest, end)
		if i < 0 || !strings.HasPrefix(rest, open) {
			return body // not the shape excelize writes: leave it alone
		}
		parts = append(parts, rest[:i+len(end)])
		rest = rest[i+len(end):]
	}
	slices.Sort(parts)
	return slices.Concat(body[:first], []byte(strings.Join(parts, "")), body[last:])
}

// Workbook builds the report's workbook.
func (r *Report) Workbook() (*excelize.File, error) {
	f := excelize.NewFile()
	wb := &workbook{f: f}
	var err error
	style := func(st *excelize.Style) int {
		id, e := f.NewStyle(st)
		if e != nil && err == nil {
			err = e
		}
		return id
	}
	border := []excelize.Border{{Type: "bottom", Color: "AEB7BD", Style: 1}}
	wb.header = style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Color: []string{nhsBlue}, Pattern: 1},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	wb.title = style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: nhsBlue}})
	wb.label = style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.wrap = style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: border})
	if err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", "Summary"); err != nil {
		return nil, err
	}
	steps := []func() error{
		func() error { return wb.summary(r) },
		func() error { return wb.principles(r) },
		func() error { return wb.objectives(r) },
		func() error { return wb.roadmap(r) },
		func() error { return wb.metrics(r) },
	}
	if r.Changes != nil {
		steps = append(steps, func() error { return wb.changes(r) })
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	// Printed (or saved as PDF): landscape A4, each sheet one page wide.
	landscape, a4, wide, tall, fit := "landscape", 9, 1, 0, true
	for _, name := range f.GetSheetList() {
		if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return nil, err
		}
		if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
			return nil, err
		}
	}
	stamp := r.AsOf + "T00:00:00Z" // the same inputs give the same file
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: r.Title(), Subject: r.ICB.Name + ": " + r.Meta.Title, Creator: "engage " + r.Version,
		Description: "Generated by engage from " + r.File + " as of " + r.AsOf, Keywords: r.ICB.Code + ", " + r.Year,
		Created: stamp, Modified: stamp, LastModifiedBy: "engage",
	}); err != nil {
		return nil, err
	}
	f.SetActiveSheet(0)
	return f, nil
}

// table writes a header row and rows, styled, with a frozen header, an
// autofilter and column widths; it returns the last row written.
func (wb *workbook) table(name string, widths []float64, header []string, rows [][]any) (*sheet, error) {
	s, err := wb.newSheet(name, widths)
	if err != nil {
		return nil, err
	}
	h := make([]any, len(header))
	for i, v := range header {
		h[i] = v
	}
	s.put(h...)
	s.style("A1", s.cell(len(header), 1), wb.header)
	s.fit(h)
	for _, r := range rows {
		s.line(r...)
	}
	if s.err == nil {
		s.err = wb.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	if s.err == nil {
		s.err = wb.f.AutoFilter(name, "A1:"+s.cell(len(header), max(s.row, 2)), nil)
	}
	return s, s.err
}

// statusColumn adds a dropdown of the statuses and BRAG colours to a column
// of status cells, down to row 500 so rows teams add get them too.
func (wb *workbook) statusColumn(name, col string) error {
	ref := col + "2:" + col + "500"
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(ref)
	if err := dv.SetDropList(strategy.Statuses); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Not a status", "Choose one of: "+strings.Join(strategy.Statuses, ", "))
	if err := wb.f.AddDataValidation(name, dv); err != nil {
		return err
	}
	return wb.brag(name, ref)
}

// brag colours status words with the NHS BRAG colours.
func (wb *workbook) brag(name, ref string) error {
	var rules []excelize.ConditionalFormatOptions
	for _, c := range []struct{ status, fill, font string }{
		{strategy.Done, bragBlue, "000000"},
		{strategy.InProgress, bragGrn, "FFFFFF"},
		{strategy.AtRisk, bragAmb, "000000"},
		{strategy.OffTrack, bragRed, "FFFFFF"},
	} {
		id, err := wb.f.NewConditionalStyle(&excelize.Style{
			Font: &excelize.Font{Color: c.font, Bold: true},
			Fill: excelize.Fill{Type: "pattern", Color: []string{c.fill}, Pattern: 1},
		})
		if err != nil {
			return err
		}
		rules = append(rules, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"` + c.status + `"`, Format: &id})
	}
	return wb.f.SetConditionalFormat(name, ref, rules)
}

func (wb *workbook) summary(r *Report) error {
	s, err := wb.newSheet("Summary", []float64{30, 60, 16, 14, 40, 24})
	if err != nil {
		return err
	}
	s.body = wb.wrapOnly()
	s.put(r.Title())
	s.style("A1", "A1", wb.title)
	s.put("Generated by engage " + r.Version + " from " + r.File + " as of " + r.AsOf + ". Every figure comes from the strategy file.")
	s.row++
	s.put("What this report covers")
	s.style(s.cell(1, s.row), s.cell(1, s.row), wb.title)
	covers := [][2]string{
		{"ICB", r.ICB.Name + " (" + r.ICB.Code + ")"},
		{"Strategy", r.Meta.Title + " (" + r.Meta.State + ")"},
	}
	if r.Meta.Period != nil {
		covers = append(covers, [2]string{"Strategy period", r.Meta.Period.String()})
	}
	covers = append(covers, [2]string{"Financial year reported", r.Year}, [2]string{"Report as of", r.AsOf},
		[2]string{"Strategy last updated", r.Meta.Updated}, [2]string{"Next review", r.Meta.NextReview})
	if r.Framework != nil {
		covers = append(covers, [2]string{"National framework", r.Framework.Title + " (" + r.Framework.ID + ")"})
	}
	for _, src := range r.Meta.Sources {
		covers = append(covers, [2]string{"Source", strings.TrimSpace(src.Title + " " + src.URL)})
	}
	for _, c := range covers {
		if c[1] != "" {
			s.line(c[0], c[1])
			s.style(s.cell(1, s.row), s.cell(1, s.row), wb.label)
		}
	}
	heading := func(title string, cols ...string) {
		s.row++
		s.put(title)
		s.style(s.cell(1, s.row), s.cell(1, s.row), wb.title)
		h := make([]any, len(cols))
		for i, c := range cols {
			h[i] = c
		}
		s.put(h...)
		s.style(s.cell(1, s.row), s.cell(len(cols), s.row), wb.header)
		s.fit(h)
	}
	if r.Framework != nil {
		heading("Coverage of the national "+r.Framework.Noun()+"s", "No.", r.Framework.Noun(), "Grade")
		for _, p := range r.Principles {
			s.line(p.Number, p.Label, p.Grade.String())
		}
	}
	heading("Delivery in "+r.Year, "Status", "Objectives", "Milestones")
	first := s.row + 1
	for _, st := range strategy.Statuses {
		s.put(st, r.Board.Objectives[st], r.Board.Milestones[st])
	}
	last := s.row
	s.put("total", r.Board.Objectives.Total(), r.Board.Milestones.Total())
	if s.err != nil {
		return s.err
	}
	if err := wb.brag("Summary", fmt.Sprintf("A%d:A%d", first, last)); err != nil {
		return err
	}
	series := func(col, name string) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name:       fmt.Sprintf("Summary!$%s$%d", col, first-1),
			Categories: fmt.Sprintf("Summary!$A$%d:$A$%d", first, last),
			Values:     fmt.Sprintf("Summary!$%s$%d:$%s$%d", col, first, col, last),
		}
	}
	if err := wb.f.AddChart("Summary", fmt.Sprintf("G%d", first-1), &excelize.Chart{
		Type:      excelize.Col,
		Series:    []excelize.ChartSeries{series("B", "Objectives"), series("C", "Milestones")},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Delivery by status, " + r.Year}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Format:    excelize.GraphicOptions{AltText: "Column chart of objectives and milestones by delivery status"},
		Dimension: excelize.ChartDimension{Width: 560, Height: 300},
	}); err != nil {
		return err
	}
	if r.Board.Due > 0 {
		s.put(dueLine(r.Board, r.AsOf))
	}
	list := func(title string, items []status.Item) error {
		heading(fmt.Sprintf("%s (%d)", title, len(items)), "Item", "ID", "Status", "Due", "Title")
		if len(items) == 0 {
			s.put("None")
			return s.err
		}
		from := s.row + 1
		for _, it := range items {
			s.line(it.Kind, it.ID, it.Status, it.Due, it.Title)
		}
		if s.err != nil {
			return s.err
		}
		return wb.brag("Summary", fmt.Sprintf("C%d:C%d", from, s.row))
	}
	if err := list("Overdue, due before "+r.AsOf+" and not done or dropped", r.Board.Overdue); err != nil {
		return err
	}
	if err := list("At risk or off track", r.Board.Troubled); err != nil {
		return err
	}
	heading("Governance", "Body", "Role", "Level", "Reports to", "Since", "Meets")
	if len(r.Governance) == 0 {
		s.put("The strategy names no governance body.")
	}
	for _, g := range r.Governance {
		s.line(g.Name, g.Role, g.Level, g.ReportsTo, g.Since, g.Meets)
	}
	heading("Self-assessments", "ID", "Date", "Method", "Participants", "Analysed by", "Report")
	if len(r.Assessments) == 0 {
		s.put("The strategy records no self-assessment.")
	}
	for _, a := range r.Assessments {
		var n any
		if a.Participants > 0 {
			n = a.Participants
		}
		s.line(a.ID, a.Date, a.Method, n, a.AnalysedBy, a.Report)
		for _, fd := range a.Findings {
			s.line("", "", fmt.Sprintf("%s %d: %s", r.noun(), fd.Principle, strings.TrimSpace(fd.Rating+" "+fd.Summary)))
		}
	}
	if s.err != nil {
		return s.err
	}
	return wb.f.SetPanes("Summary", &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// wrapOnly is a style that wraps text and aligns it to the top.
func (wb *workbook) wrapOnly() int {
	id, _ := wb.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return id
}

func (wb *workbook) principles(r *Report) error {
	var rows [][]any
	for _, p := range r.Principles {
		var local, commitments, objectives, milestones []string
		for _, l := range p.Local {
			local = append(local, l.ID+": "+l.Text)
			commitments = append(commitments, l.Commitments...)
		}
		for _, o := range p.Objectives {
			objectives = append(objectives, o.ID+" ("+o.Status+")")
		}
		for _, m := range p.Milestones {
			milestones = append(milestones, m.ID+" ("+m.Status+")")
		}
		rows = append(rows, []any{p.Number, p.Label, p.Text, p.Grade.String(), strings.Join(local, "; "),
			strings.Join(commitments, "; "), strings.Join(objectives, ", "), strings.Join(milestones, ", ")})
	}
	_, err := wb.table("Principles", []float64{6, 28, 50, 12, 50, 60, 30, 24},
		[]string{"No.", r.noun(), "National wording", "Grade", "How " + r.Name + " puts it", "Commitments", "Objectives in " + r.Year, "Milestones in " + r.Year}, rows)
	return err
}

func (wb *workbook) objectives(r *Report) error {
	var rows [][]any
	seen := map[string]bool{}
	for _, p := range r.Principles {
		for _, o := range p.Objectives {
			if seen[o.ID] {
				continue
			}
			seen[o.ID] = true
			rows = append(rows, []any{o.ID, o.Year, o.Title, principlesOf(r, o.ID), o.Owner, o.Due, o.Status, o.LatestDate, o.LatestNote, o.Evidence})
		}
	}
	if _, err := wb.table("Objectives", []float64{10, 20, 60, 16, 20, 12, 14, 14, 50, 40},
		[]string{"ID", "Financial year", "Objective", "National " + r.noun() + "s", "Owner", "Due", "Status", "Latest update", "Latest note", "Evidence"}, rows); err != nil {
		return err
	}
	return wb.statusColumn("Objectives", "G")
}

// principlesOf lists the national principles an objective delivers.
func principlesOf(r *Report, id string) string {
	var nums []string
	for _, p := range r.Principles {
		for _, o := range p.Objectives {
			if o.ID == id {
				nums = append(nums, strconv.Itoa(p.Number))
			}
		}
	}
	return strings.Join(nums, ", ")
}

func (wb *workbook) roadmap(r *Report) error {
	var rows [][]any
	for _, m := range r.Roadmap {
		rows = append(rows, []any{m.ID, m.From, m.To, m.Title, m.Status, m.LatestDate, m.LatestNote})
	}
	if _, err := wb.table("Roadmap", []float64{10, 12, 12, 70, 14, 14, 50},
		[]string{"ID", "From", "To", "Milestone", "Status", "Latest update", "Latest note"}, rows); err != nil {
		return err
	}
	return wb.statusColumn("Roadmap", "E")
}

func (wb *workbook) metrics(r *Report) error {
	var rows [][]any
	for _, m := range r.Board.Metrics {
		row := []any{m.ID, m.Title, m.Unit}
		for _, v := range []*status.Value{m.Baseline, m.Target, m.Latest} {
			if v == nil {
				row = append(row, nil, nil)
			} else {
				row = append(row, v.Value, v.Date)
			}
		}
		row = append(row, m.Progress)
		rows = append(rows, row)
	}
	s, err := wb.table("Metrics", []float64{24, 50, 10, 12, 14, 12, 14, 12, 14, 12},
		[]string{"ID", "Metric", "Unit", "Baseline", "Baseline date", "Target", "Target date", "Latest", "Latest date", "Progress %"}, rows)
	if err != nil || len(rows) == 0 {
		return err
	}
	last := s.row
	series := func(col, name string) excelize.ChartSeries {
		return excelize.ChartSeries{Name: "Metrics!$" + col + "$1", Categories: fmt.Sprintf("Metrics!$A$2:$A$%d", last),
			Values: fmt.Sprintf("Metrics!$%s$2:$%s$%d", col, col, last)}
	}
	return wb.f.AddChart("Metrics", fmt.Sprintf("B%d", last+3), &excelize.Chart{
		Type:      excelize.Bar,
		Series:    []excelize.ChartSeries{series("D", "Baseline"), series("H", "Latest"), series("F", "Target")},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Metrics: baseline, latest and target"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Format:    excelize.GraphicOptions{AltText: "Bar chart of each metric's baseline, latest value and target"},
		Dimension: excelize.ChartDimension{Width: 640, Height: uint(160 + 40*len(rows))},
	})
}

func (wb *workbook) changes(r *Report) error {
	var rows [][]any
	for _, c := range r.Changes.Changes {
		if len(c.Fields) == 0 {
			rows = append(rows, []any{string(c.Op), c.Kind, c.ID, "", "", "", "", c.Regression})
		}
		for _, f := range c.Fields {
			rows = append(rows, []any{string(c.Op), c.Kind, c.ID, f.Name, f.Old, f.New, f.Note, c.Regression})
		}
	}
	for _, g := range r.Changes.Coverage {
		reg := ""
		if g.Regression {
			reg = "coverage fell"
		}
		rows = append(rows, []any{"changed", "coverage", r.noun() + " " + strconv.Itoa(g.Number), "grade", g.Old.String(), g.New.String(), g.Label, reg})
	}
	_, err := wb.table("Changes", []float64{10, 14, 14, 20, 40, 40, 30, 30},
		[]string{"Change", "Kind", "ID", "Field", "Was", "Now", "Note", "Regression"}, rows)
	return err
}
