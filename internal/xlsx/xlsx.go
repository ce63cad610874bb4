// Package xlsx writes the Excel workbooks engage produces (reports and
// comparisons): NHS-styled tables with frozen headers and filters,
// conditional colours, drop-down lists and charts, text that is never read
// as a formula, and bytes that are the same for the same content.
//
// It writes the SpreadsheetML parts itself rather than through excelize:
// excelize's package initialisation cost every engage command 5.8 ms at
// start-up (docs/performance.md). The tests still read every workbook back
// with excelize and with LibreOffice.
package xlsx

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/engage-icb/engage/internal/safetext"
)

// NHSBlue is the colour of header rows and titles.
const NHSBlue = "005EB8"

// maxCellChars is the most text a cell holds (Excel's limit, in UTF-16
// code units); longer text is cut.
const maxCellChars = 32767

// Workbook is a workbook being written, with its shared styles.
type Workbook struct {
	// Header (white on NHS Blue, bold), Title (large, bold, blue), Label
	// (bold) and Wrap (wrapped, top-aligned, a rule below) are style IDs.
	Header, Title, Label, Wrap int
	sheets                     []*Sheet
	styles                     []Style  // by style ID; 0 is the default
	formats                    []Format // conditional formats, by dxf ID
	props                      Props
}

// Style is how a cell looks. Colours are RGB hex, such as "005EB8".
type Style struct {
	Bold   bool
	Size   float64 // points; 0 is 11
	Color  string  // text colour
	Fill   string  // background colour
	Wrap   bool
	VAlign string // "top", "center" or "" (bottom)
	Rule   string // colour of a thin rule below the cell
	// quote is Excel's quotePrefix ("show as text"), which the writer adds
	// to text that starts like a formula (see formulaLike).
	quote bool
}

// Format is the look a conditional rule gives a cell.
type Format struct {
	Bold        bool
	Color, Fill string
}

// Props are the document's properties.
type Props struct {
	Title, Subject, Creator, Description, Keywords, LastModifiedBy string
	// Created and Modified are W3C dates, such as 2026-01-01T00:00:00Z.
	Created, Modified string
}

// New starts a workbook.
func New() *Workbook {
	wb := &Workbook{styles: []Style{{}}}
	wb.Header = wb.NewStyle(Style{Bold: true, Color: "FFFFFF", Fill: NHSBlue, VAlign: "center", Wrap: true})
	wb.Title = wb.NewStyle(Style{Bold: true, Size: 14, Color: NHSBlue})
	wb.Label = wb.NewStyle(Style{Bold: true, VAlign: "top"})
	wb.Wrap = wb.NewStyle(Style{Wrap: true, VAlign: "top", Rule: "AEB7BD"})
	return wb
}

// NewStyle returns the ID of a cell style, the same ID for the same style.
func (wb *Workbook) NewStyle(st Style) int {
	if i := slices.Index(wb.styles, st); i >= 0 {
		return i
	}
	wb.styles = append(wb.styles, st)
	return len(wb.styles) - 1
}

func (wb *Workbook) format(f Format) int {
	if i := slices.Index(wb.formats, f); i >= 0 {
		return i
	}
	wb.formats = append(wb.formats, f)
	return len(wb.formats) - 1
}

// Sheet writes one worksheet, a row at a time. The first error stops
// further writes and is kept in Err.
type Sheet struct {
	Name   string
	Row    int // the last row written
	Body   int // the style of ordinary cells (Line), by default Wrap
	Err    error
	wb     *Workbook
	widths []float64
	rows   map[int]*row
	freeze [2]int // frozen columns and rows
	filter string // the autofilter's range
	rules  []rules
	lists  []list
	charts []chartAt
}

type row struct {
	height float64
	cells  map[int]*cell
}

type cell struct {
	kind  byte // 's' text, 'n' number, 0 styled but empty
	text  string
	style int
}

type rules struct {
	ref   string
	rules []Rule
}

type list struct {
	ref, title, message string
	items               []string
}

type chartAt struct {
	col, row int
	chart    Chart
}

// NewSheet starts a worksheet with its column widths.
func (wb *Workbook) NewSheet(name string, widths []float64) (*Sheet, error) {
	if err := checkSheetName(name); err != nil {
		return nil, err
	}
	for _, s := range wb.sheets {
		if strings.EqualFold(s.Name, name) {
			return nil, fmt.Errorf("the workbook already has a sheet named %q", name)
		}
	}
	s := &Sheet{wb: wb, Name: name, widths: widths, Body: wb.Wrap, rows: map[int]*row{}}
	wb.sheets = append(wb.sheets, s)
	return s, nil
}

// checkSheetName applies Excel's rules for sheet names.
func checkSheetName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("a sheet needs a name")
	case utf8.RuneCountInString(name) > 31:
		return fmt.Errorf("sheet name %q is longer than Excel's 31 characters", name)
	case strings.ContainsAny(name, `:\/?*[]`), name[0] == '\'', name[len(name)-1] == '\'':
		return fmt.Errorf(`sheet name %q has a character Excel does not allow (: \ / ? * [ ] or a quote at either end)`, name)
	}
	return nil
}

func (s *Sheet) row(r int) *row {
	rw := s.rows[r]
	if rw == nil {
		rw = &row{cells: map[int]*cell{}}
		s.rows[r] = rw
	}
	return rw
}

func (s *Sheet) cell(col, r int) *cell {
	rw := s.row(r)
	c := rw.cells[col]
	if c == nil {
		c = &cell{}
		rw.cells[col] = c
	}
	return c
}

// Fit sets the height of the current row to show its longest wrapped
// text: spreadsheet programs do not all grow rows for wrapped text.
func (s *Sheet) Fit(values []any) {
	lines := 1
	for i, v := range values {
		text, ok := v.(string)
		if !ok || i >= len(s.widths) || text == "" {
			continue
		}
		perLine := max(int(s.widths[i]*1.1)-1, 1)
		lines = max(lines, (utf8.RuneCountInString(text)+perLine-1)/perLine)
	}
	if lines > 1 && s.Err == nil {
		s.row(s.Row).height = float64(min(lines, 12)) * 14.5
	}
}

// Line writes a row of ordinary cells.
func (s *Sheet) Line(values ...any) {
	s.Put(values...)
	if len(values) > 0 {
		s.Style(s.Cell(1, s.Row), s.Cell(len(values), s.Row), s.Body)
	}
	s.Fit(values)
}

// Cell names the cell at a column and row, both from 1: Cell(2, 3) is B3.
func (s *Sheet) Cell(col, row int) string { return ColumnName(col) + strconv.Itoa(row) }

// ColumnName names a column, from 1: A, B, ... Z, AA, ...
func ColumnName(col int) string {
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append(b, byte('A'+(col-1)%26))
	}
	slices.Reverse(b)
	return string(b)
}

// parseCell reads a cell name such as B3 (or $B$3) into column and row.
func parseCell(ref string) (col, row int, err error) {
	ref = strings.ReplaceAll(ref, "$", "")
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err = strconv.Atoi(ref[i:])
	if i == 0 || i > 3 || err != nil || row < 1 || row > 1048576 || col > 16384 {
		return 0, 0, fmt.Errorf("%q is not a cell", ref)
	}
	return col, row, nil
}

// Put writes a row of values from column 1. Strings are stored as text,
// always: a title such as =HYPERLINK(...) stays text, never a formula.
func (s *Sheet) Put(values ...any) {
	s.Row++
	for i, v := range values {
		if s.Err != nil {
			return
		}
		switch x := v.(type) {
		case nil:
		case string:
			s.text(i+1, x)
		case int:
			s.number(i+1, strconv.Itoa(x))
		case float64:
			s.float(i+1, x)
		case *float64:
			if x != nil {
				s.float(i+1, *x)
			}
		default:
			s.text(i+1, fmt.Sprint(x))
		}
	}
}

func (s *Sheet) text(col int, v string) {
	c := s.cell(col, s.Row)
	c.kind, c.text = 's', cut(safetext.Terminal(strings.ToValidUTF8(v, "\uFFFD")))
}

func (s *Sheet) number(col int, v string) {
	c := s.cell(col, s.Row)
	c.kind, c.text = 'n', v
}

// float writes a number; infinities and NaN, which a cell cannot hold as
// a number, are written as text.
func (s *Sheet) float(col int, x float64) {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		s.text(col, strconv.FormatFloat(x, 'g', -1, 64))
		return
	}
	s.number(col, strconv.FormatFloat(x, 'g', -1, 64))
}

// formulaLike reports text that a spreadsheet would read as a formula if
// a person edited the cell or saved the sheet as CSV: it starts with =, +,
// - or @. Such cells get quotePrefix, so Excel and LibreOffice keep them
// text (and show no apostrophe).
func formulaLike(s string) bool {
	return s != "" && strings.ContainsRune("=+-@", rune(s[0]))
}

// quoted returns the style like id with quotePrefix.
func (wb *Workbook) quoted(id int) int {
	st := wb.styles[id]
	st.quote = true
	return wb.NewStyle(st)
}

// cut keeps text within a cell's limit.
func cut(s string) string {
	n := 0
	for i, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
		if n > maxCellChars {
			return s[:i]
		}
	}
	return s
}

// Style styles a range of cells, such as "A1" to "C1".
func (s *Sheet) Style(from, to string, id int) {
	if s.Err != nil {
		return
	}
	c1, r1, err := parseCell(from)
	if err != nil {
		s.Err = err
		return
	}
	c2, r2, err := parseCell(to)
	if err != nil {
		s.Err = err
		return
	}
	if id < 0 || id >= len(s.wb.styles) {
		s.Err = fmt.Errorf("no style %d", id)
		return
	}
	for r := min(r1, r2); r <= max(r1, r2); r++ {
		for c := min(c1, c2); c <= max(c1, c2); c++ {
			s.cell(c, r).style = id
		}
	}
}

// Freeze keeps the first cols columns and rows rows in view.
func (s *Sheet) Freeze(cols, rows int) { s.freeze = [2]int{cols, rows} }

// Rule colours a cell whose value equals a text.
type Rule struct {
	Equals string
	Format Format
}

// Highlight adds conditional formatting to a range such as "B2:D9".
func (s *Sheet) Highlight(ref string, rs ...Rule) {
	s.rules = append(s.rules, rules{ref: ref, rules: rs})
}

// DropList offers a list of values in a range, and refuses others with a
// message.
func (s *Sheet) DropList(ref string, items []string, title, message string) error {
	if n := len(strings.Join(items, ",")); n > 255 {
		return fmt.Errorf("a drop-down list holds 255 characters, and these items take %d", n)
	}
	s.lists = append(s.lists, list{ref: ref, items: items, title: title, message: message})
	return nil
}

// ChartKind is the shape of a chart.
type ChartKind int

// The charts engage draws.
const (
	Column     ChartKind = iota // vertical bars side by side
	Bar                         // horizontal bars side by side
	StackedBar                  // horizontal bars stacked
)

// Chart is a bar chart of ranges of the workbook.
type Chart struct {
	Kind          ChartKind
	Title         string
	AltText       string
	Width, Height int // pixels
	Series        []Series
}

// Series is one set of bars: the cell with its name and the ranges of its
// categories and values, such as "Summary!$B$3" and "Summary!$B$4:$B$9".
type Series struct {
	Name, Categories, Values string
	Fill                     string // colour; "" lets the reader choose
}

// AddChart places a chart with its top left corner at a cell.
func (s *Sheet) AddChart(at string, c Chart) error {
	col, r, err := parseCell(at)
	if err != nil {
		return err
	}
	s.charts = append(s.charts, chartAt{col: col, row: r, chart: c})
	return nil
}

// Table writes a sheet of a header row and rows, styled, with a frozen
// header, an autofilter and column widths.
func (wb *Workbook) Table(name string, widths []float64, header []string, rows [][]any) (*Sheet, error) {
	s, err := wb.NewSheet(name, widths)
	if err != nil {
		return nil, err
	}
	h := make([]any, len(header))
	for i, v := range header {
		h[i] = v
	}
	s.Put(h...)
	s.Style("A1", s.Cell(len(header), 1), wb.Header)
	s.Fit(h)
	for _, r := range rows {
		s.Line(r...)
	}
	s.Freeze(0, 1)
	s.filter = "A1:" + s.Cell(len(header), max(s.Row, 2))
	return s, s.Err
}

// Finish sets the document's properties. Every sheet prints landscape on
// A4, one page wide, and the first sheet is the active one.
func (wb *Workbook) Finish(p Props) { wb.props = p }

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
	cw := &counter{w: w}
	err := wb.write(cw)
	return cw.n, err
}

type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
