package xlsx

import (
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// chartFont is the size, in points, of a chart's labels and legend.
const chartFont = 11

// lineHeight is the height, in points, of a line of 11 pt text.
const lineHeight = 15

// The number formats of typed cells.
const (
	dayFormat   = "dd mmm yyyy"
	monthFormat = "mmm yyyy"
	countFormat = 3 // #,##0
	shareFormat = 9 // 0%
)

// kind is what a cell holds, for its number format and font.
type kind byte

const (
	kindText kind = iota
	kindCount
	kindNumber
	kindShare
	kindDay
	kindMonth
	kindLink
)

type styleKey struct {
	style int
	kind  kind
	quote bool
}

// writer hands a buffered workbook to excelize.
type writer struct {
	wb     *Workbook
	f      *excelize.File
	styles map[styleKey]int
}

// WriteTo writes the workbook. The same content always gives the same
// bytes.
func (wb *Workbook) WriteTo(w io.Writer) (int64, error) {
	for _, s := range wb.sheets {
		if s.Err != nil {
			return 0, s.Err
		}
	}
	if len(wb.sheets) == 0 {
		return 0, fmt.Errorf("a workbook needs a sheet")
	}
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	wr := &writer{wb: wb, f: f, styles: map[styleKey]int{}}
	if err := wr.write(); err != nil {
		return 0, err
	}
	return f.WriteTo(w)
}

func (wr *writer) write() error {
	f, p := wr.f, wr.wb.props
	for i, s := range wr.wb.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		if err := wr.sheet(s); err != nil {
			return fmt.Errorf("sheet %s: %w", s.Name, err)
		}
	}
	f.SetActiveSheet(0)
	// excelize adds the image types a drawing may hold from a map, in no
	// fixed order: sort them, so the same content gives the same bytes.
	if d := f.ContentTypes.Defaults; len(d) > 0 {
		sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		return t.UTC().Format("2006-01-02T15:04:05Z")
	}
	for _, c := range p.Custom {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: c[0], Value: c[1]}); err != nil {
			return err
		}
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title: p.Title, Subject: p.Subject, Creator: p.Creator, Description: p.Description, Keywords: p.Keywords,
		LastModifiedBy: p.LastModifiedBy, Created: day(p.Created), Modified: day(p.Modified),
	})
}

func (wr *writer) sheet(s *Sheet) error {
	f := wr.f
	for i, w := range s.widths {
		col := ColumnName(i + 1)
		if err := f.SetColWidth(s.Name, col, col, w); err != nil {
			return err
		}
	}
	for _, r := range slices.Sorted(maps.Keys(s.rows)) {
		rw := s.rows[r]
		lines := 1.0
		for _, c := range slices.Sorted(maps.Keys(rw.cells)) {
			cl := rw.cells[c]
			if err := wr.put(s, c, r, cl); err != nil {
				return err
			}
			lines = math.Max(lines, wr.wb.lines(cl, s.width(c)))
		}
		if lines > 1 {
			if err := f.SetRowHeight(s.Name, r, math.Min(math.Ceil(lines*lineHeight), 409)); err != nil {
				return err
			}
		}
	}
	if s.freeze != [2]int{} {
		if err := f.SetPanes(s.Name, &excelize.Panes{Freeze: true, XSplit: s.freeze[0], YSplit: s.freeze[1],
			TopLeftCell: s.Cell(s.freeze[0]+1, s.freeze[1]+1), ActivePane: pane(s.freeze)}); err != nil {
			return err
		}
	}
	if s.filter != "" {
		if err := f.AutoFilter(s.Name, s.filter, nil); err != nil {
			return err
		}
	}
	for _, rs := range s.rules {
		var opts []excelize.ConditionalFormatOptions
		for _, rule := range rs.rules {
			st := &excelize.Style{Font: &excelize.Font{Bold: rule.Format.Bold, Color: rule.Format.Color}}
			if rule.Format.Fill != "" {
				st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rule.Format.Fill}}
			}
			id, err := f.NewConditionalStyle(st)
			if err != nil {
				return err
			}
			opts = append(opts, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Format: &id,
				Value: `"` + strings.ReplaceAll(rule.Equals, `"`, `""`) + `"`})
		}
		if err := f.SetConditionalFormat(s.Name, rs.ref, opts); err != nil {
			return err
		}
	}
	for _, l := range s.lists {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = l.ref
		if err := dv.SetDropList(l.items); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, l.title, l.message)
		if err := f.AddDataValidation(s.Name, dv); err != nil {
			return err
		}
	}
	for _, n := range s.numbers {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = n.ref
		if err := dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, n.title, n.message)
		if err := f.AddDataValidation(s.Name, dv); err != nil {
			return err
		}
	}
	for _, c := range s.hidden {
		if err := f.SetColVisible(s.Name, ColumnName(c), false); err != nil {
			return err
		}
	}
	if s.protect {
		if err := f.ProtectSheet(s.Name, &excelize.SheetProtectionOptions{AutoFilter: true, Sort: true, FormatColumns: true, FormatRows: true,
			SelectLockedCells: true, SelectUnlockedCells: true}); err != nil {
			return err
		}
	}
	for _, c := range s.charts {
		if err := wr.chart(s, c); err != nil {
			return err
		}
	}
	for _, r := range s.breaks {
		if err := f.InsertPageBreak(s.Name, s.Cell(1, r)); err != nil {
			return err
		}
	}
	return wr.print(s)
}

func pane(freeze [2]int) string {
	switch {
	case freeze[0] > 0 && freeze[1] > 0:
		return "bottomRight"
	case freeze[0] > 0:
		return "topRight"
	}
	return "bottomLeft"
}

// width is a column's width in characters (Excel's default when unset).
func (s *Sheet) width(col int) float64 {
	if col <= len(s.widths) && s.widths[col-1] > 0 {
		return s.widths[col-1]
	}
	return 8.43
}

// lines is how many lines of 11 pt text a cell needs: its text's lines,
// each of ceil(length/characters a line holds) when the cell wraps; a
// larger font counts for more.
func (wb *Workbook) lines(c *cell, width float64) float64 {
	st := wb.styles[c.style]
	text := ""
	switch v := c.value.(type) {
	case string:
		text = v
	case Link:
		text = v.Text
	}
	scale := 1.0
	if st.Size > 11 {
		scale = st.Size / 11
	}
	if text == "" {
		return scale
	}
	if !st.Wrap {
		return scale * float64(strings.Count(text, "\n")+1)
	}
	// Calibri's letters average narrower than the digit a column's width
	// is counted in; wrapping at word boundaries loses about one.
	perLine := math.Max(math.Floor(width*1.1/scale)-1, 1)
	oneLine := math.Floor(width * 1.1 / scale) // text that fits loses nothing to wrapping
	n := 0.0
	for line := range strings.SplitSeq(text, "\n") {
		if chars := float64(utf8.RuneCountInString(line)); chars > oneLine {
			n += math.Ceil(chars / perLine)
		} else {
			n++
		}
	}
	return n * scale
}

// put writes one cell's value and style.
func (wr *writer) put(s *Sheet, col, r int, c *cell) error {
	f, ref := wr.f, s.Cell(col, r)
	k, quote := kindText, false
	var err error
	switch v := c.value.(type) {
	case nil:
	case string:
		quote = formulaLike(v)
		err = f.SetCellStr(s.Name, ref, v)
	case int:
		k = kindCount
		err = f.SetCellInt(s.Name, ref, int64(v))
	case float64:
		k = kindNumber
		if v == math.Trunc(v) && math.Abs(v) < 1e15 {
			k = kindCount
		}
		err = f.SetCellFloat(s.Name, ref, v, -1, 64)
	case Percent:
		k = kindShare
		err = f.SetCellFloat(s.Name, ref, float64(v), -1, 64)
	case Date:
		k = kindDay
		if v.Month {
			k = kindMonth
		}
		err = f.SetCellInt(s.Name, ref, serial(v.Time))
	case Link:
		k, quote = kindLink, formulaLike(v.Text)
		if err = f.SetCellStr(s.Name, ref, v.Text); err == nil {
			tip := v.URL
			err = f.SetCellHyperLink(s.Name, ref, v.URL, "External", excelize.HyperlinkOpts{Tooltip: &tip})
		}
	default:
		return fmt.Errorf("cell %s holds a %T", ref, c.value)
	}
	if err != nil {
		return err
	}
	if c.style == 0 && k == kindText && !quote {
		return nil
	}
	id, err := wr.style(styleKey{style: c.style, kind: k, quote: quote})
	if err != nil {
		return err
	}
	return f.SetCellStyle(s.Name, ref, ref, id)
}

// serial is a day as Excel counts it (days from 30 December 1899).
func serial(t time.Time) int64 {
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return int64(day.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// style is the excelize style of an engage style for a kind of value.
// quotePrefix is not in excelize's Style: a quoted style is a copy of the
// unquoted one's cell format with the attribute set. The unquoted one is
// made first, so excelize, which finds a style by its first match, never
// hands the quoted one out for unquoted cells.
func (wr *writer) style(k styleKey) (int, error) {
	if id, ok := wr.styles[k]; ok {
		return id, nil
	}
	if k.quote {
		plain, err := wr.style(styleKey{style: k.style, kind: k.kind})
		if err != nil {
			return 0, err
		}
		xfs := wr.f.Styles.CellXfs
		xf := xfs.Xf[plain]
		yes := true
		xf.QuotePrefix = &yes
		xfs.Xf = append(xfs.Xf, xf)
		xfs.Count = len(xfs.Xf)
		id := len(xfs.Xf) - 1
		wr.styles[k] = id
		return id, nil
	}
	st := wr.wb.styles[k.style]
	es := &excelize.Style{}
	font := &excelize.Font{Bold: st.Bold, Italic: st.Italic, Size: st.Size, Color: st.Color, Family: "Calibri"}
	if font.Size == 0 {
		font.Size = 11
	}
	if k.kind == kindLink {
		font.Color, font.Underline = NHSBlue, "single"
	}
	es.Font = font
	if st.Fill != "" {
		es.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{st.Fill}}
	}
	if st.Rule != "" {
		es.Border = []excelize.Border{{Type: "bottom", Color: st.Rule, Style: 1}}
	}
	if st.Unlocked {
		es.Protection = &excelize.Protection{Locked: false}
	}
	if st.Wrap || st.VAlign != "" {
		es.Alignment = &excelize.Alignment{WrapText: st.Wrap, Vertical: st.VAlign}
	}
	switch k.kind {
	case kindCount:
		es.NumFmt = countFormat
	case kindShare:
		es.NumFmt = shareFormat
	case kindDay, kindMonth:
		code := dayFormat
		if k.kind == kindMonth {
			code = monthFormat
		}
		es.CustomNumFmt = &code
	}
	if k.kind != kindText && k.kind != kindLink && es.Alignment == nil {
		es.Alignment = &excelize.Alignment{}
	}
	switch k.kind {
	case kindDay, kindMonth:
		es.Alignment.Horizontal = "left" // a date reads as the words beside it
	case kindCount, kindNumber, kindShare:
		es.Alignment.Horizontal = "right"
	}
	id, err := wr.f.NewStyle(es)
	if err != nil {
		return 0, err
	}
	wr.styles[k] = id
	return id, nil
}

// print sets a sheet up for A4 landscape with its header rows on every
// page, and a header and footer naming the ICB, the report, its date and
// the page. A sheet within legibleWidth prints one page wide; a wider one
// (a matrix of many ICBs) would shrink below 9 pt, so it prints at full
// size across pages, its frozen columns repeated on each.
func (wr *writer) print(s *Sheet) error {
	f, p := wr.f, wr.wb.props
	size, landscape, wide, tall := 9, "landscape", 1, 0
	fit := s.totalWidth() <= legibleWidth
	layout := &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape}
	if fit {
		layout.FitToWidth, layout.FitToHeight = &wide, &tall
	}
	if err := f.SetPageLayout(s.Name, layout); err != nil {
		return err
	}
	if err := f.SetSheetProps(s.Name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	side, top, edge := 0.4, 0.75, 0.3
	if err := f.SetPageMargins(s.Name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &top, Header: &edge, Footer: &edge}); err != nil {
		return err
	}
	header := "&L" + hf(p.Owner, 80) + "&C&B" + hf(p.Heading, 100) + "&B&R" + hf(p.AsOf, 40)
	if err := f.SetHeaderFooter(s.Name, &excelize.HeaderFooterOptions{OddHeader: header, OddFooter: "&L&A&RPage &P of &N"}); err != nil {
		return err
	}
	if s.printCols > 0 {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: s.Name,
			RefersTo: fmt.Sprintf("%s!$A:$%s", quoteSheet(s.Name), ColumnName(s.printCols))}); err != nil {
			return err
		}
	}
	var titles []string
	if !fit && s.freeze[0] > 0 {
		titles = append(titles, fmt.Sprintf("%s!$A:$%s", quoteSheet(s.Name), ColumnName(s.freeze[0])))
	}
	if s.Titles > 0 {
		titles = append(titles, fmt.Sprintf("%s!$1:$%d", quoteSheet(s.Name), s.Titles))
	}
	if len(titles) == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: s.Name, RefersTo: strings.Join(titles, ",")})
}

// legibleWidth is the widest a sheet may be, in characters, and still
// print one A4 landscape page wide with its 11 pt text at 9 pt or more.
const legibleWidth = PrintWidth * 11 / 9

// totalWidth is the sum of the widths of a sheet's printed columns, in
// characters.
func (s *Sheet) totalWidth() float64 {
	total := 0.0
	for i := range s.widths {
		if s.printCols > 0 && i >= s.printCols {
			break
		}
		total += s.width(i + 1)
	}
	return total
}

// hf makes text safe in a printed header or footer, within n characters:
// & starts a code there, so it is doubled.
func hf(text string, n int) string {
	if r := []rune(text); len(r) > n {
		text = string(r[:n-1]) + "…"
	}
	return strings.ReplaceAll(text, "&", "&&")
}

func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// chart draws a chart through excelize.
func (wr *writer) chart(s *Sheet, at chartAt) error {
	c := at.chart
	typ := map[ChartKind]excelize.ChartType{Column: excelize.Col, Bar: excelize.Bar, StackedBar: excelize.BarStacked}[c.Kind]
	series := func(list []Series, line bool) []excelize.ChartSeries {
		var out []excelize.ChartSeries
		for _, sr := range list {
			cs := excelize.ChartSeries{Name: sr.Name, Categories: sr.Categories, Values: sr.Values}
			if sr.Fill != "" {
				cs.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{sr.Fill}}
			}
			if line {
				// A dashed line, and a dash marker at each category, so
				// that a target over one category still shows.
				cs.Line = excelize.LineOptions{Type: excelize.LineSolid, Width: 2.25, Dash: excelize.LineDashDash}
				cs.Marker = excelize.ChartMarker{Symbol: "dash", Size: 20, Fill: cs.Fill}
			}
			out = append(out, cs)
		}
		return out
	}
	zero := 0.0
	// Labels at 11 pt, as the cells: LibreOffice would draw them smaller
	// than 9 pt on paper, fitted to the chart.
	label := excelize.Font{Size: chartFont, Color: "231F20"}
	axis := excelize.ChartAxis{Minimum: &zero, MajorGridLines: true, MajorUnit: c.Axis.Step, Font: label}
	if c.Axis.Max > 0 {
		top := c.Axis.Max
		axis.Maximum = &top
	}
	if c.Axis.Counts {
		axis.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0"}
	}
	if c.Axis.Title != "" {
		axis.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Axis.Title}}}
	}
	gap := uint(60)
	overlap := 100
	vary := false // one colour per series, never per category
	ch := &excelize.Chart{
		Type:       typ,
		Series:     series(c.Series, false),
		Format:     excelize.GraphicOptions{AltText: c.AltText, Name: c.Title},
		Dimension:  excelize.ChartDimension{Width: uint(c.Width), Height: uint(c.Height)},
		Legend:     excelize.ChartLegend{Position: "bottom", Font: &label},
		XAxis:      excelize.ChartAxis{Font: label},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title, Font: &excelize.Font{Bold: true, Size: 12, Color: "231F20"}}}},
		YAxis:      axis,
		GapWidth:   &gap,
		VaryColors: &vary,
	}
	if c.Kind == StackedBar {
		ch.Overlap = &overlap
		ch.XAxis.ReverseOrder = true // the first row at the top, as in the table
	}
	if c.Kind == Bar {
		ch.XAxis.ReverseOrder = true
	}
	var combo []*excelize.Chart
	if len(c.Lines) > 0 {
		combo = append(combo, &excelize.Chart{Type: excelize.Line, Series: series(c.Lines, true), YAxis: axis, XAxis: excelize.ChartAxis{Font: label}})
	}
	return wr.f.AddChart(s.Name, at.at, ch, combo...)
}
