// Package xlsx writes the Excel workbooks engage produces (reports and
// comparisons) through github.com/xuri/excelize/v2, and reads them back
// within limits (read.go) for report --check.
//
// It is the thin engage-specific layer over excelize: NHS styles named by
// meaning, tables with frozen headers and filters, cells typed by what they
// hold (dates at their precision, numbers, percentages, web links), text
// that is never read as a formula (quotePrefix), Excel's 32,767-character
// cell limit, row heights that fit wrapped text, every sheet set up to
// print on A4 landscape, and bytes that are the same for the same content.
// A sheet is buffered as it is built and handed to excelize in WriteTo.
package xlsx

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/engage-icb/engage/internal/safetext"
)

// NHSBlue is the colour of header rows and titles.
const NHSBlue = "005EB8"

// maxCellChars is the most text a cell holds (Excel's limit, in UTF-16
// code units); longer text is cut.
const maxCellChars = 32767

// PrintWidth is the most column width, in characters of the default
// 11 pt font, a sheet should total: A4 landscape, one page wide, then
// prints body text at 9 pt or more (docs/report.md).
const PrintWidth = 140

// Workbook is a workbook being written, with its shared styles.
type Workbook struct {
	// Header (white on NHS Blue, bold, wrapped), Title (large, bold,
	// blue), Heading (bold, blue), Label (bold), Wrap (wrapped,
	// top-aligned, a rule below) and Note (italic, grey) are style IDs.
	Header, Title, Heading, Label, Wrap, Note int
	sheets                                    []*Sheet
	styles                                    []Style // by style ID; 0 is the default
	props                                     Props
}

// Style is how a cell looks. Colours are RGB hex, such as "005EB8".
type Style struct {
	Bold, Italic bool
	Size         float64 // points; 0 is 11
	Color        string  // text colour
	Fill         string  // background colour
	Wrap         bool
	VAlign       string // "top", "center" or "" (bottom)
	Rule         string // colour of a thin rule below the cell
	// Unlocked cells may be typed into on a protected sheet (Protect).
	Unlocked bool
}

// Format is the look a conditional rule gives a cell.
type Format struct {
	Bold        bool
	Color, Fill string
}

// Props are the document's properties, and what its printed pages say.
type Props struct {
	Title, Subject, Creator, Description, Keywords, LastModifiedBy string
	// Created and Modified are the days the content is as of: excelize
	// would write the time of writing, and the same content must give
	// the same bytes.
	Created, Modified time.Time
	// Owner (the ICB), Heading (the report's title) and AsOf head every
	// printed page; the footer numbers them "Page N of M".
	Owner, Heading, AsOf string
	// Custom are custom properties, names and text values, in order.
	Custom [][2]string
}

// New starts a workbook.
func New() *Workbook {
	wb := &Workbook{styles: []Style{{}}}
	wb.Header = wb.NewStyle(Style{Bold: true, Color: "FFFFFF", Fill: NHSBlue, VAlign: "center", Wrap: true})
	wb.Title = wb.NewStyle(Style{Bold: true, Size: 14, Color: NHSBlue})
	wb.Heading = wb.NewStyle(Style{Bold: true, Size: 12, Color: NHSBlue})
	wb.Label = wb.NewStyle(Style{Bold: true, VAlign: "top", Wrap: true})
	wb.Wrap = wb.NewStyle(Style{Wrap: true, VAlign: "top", Rule: "AEB7BD"})
	wb.Note = wb.NewStyle(Style{Italic: true, Color: "425563"})
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

// Sheet is one worksheet being written, a row at a time. The first error
// stops further writes and is kept in Err.
type Sheet struct {
	Name string
	Row  int // the last row written
	Body int // the style of ordinary cells (Line), by default Wrap
	Err  error
	// Titles is how many rows at the top print again on every page (the
	// header row of a table).
	Titles int
	wb     *Workbook
	widths []float64
	rows   map[int]*row
	freeze [2]int // frozen columns and rows
	filter string // the autofilter's range
	rules  []rules
	lists  []list
	charts []chartAt
	// protect locks the sheet's cells but its Unlocked ones; printCols
	// limits printing to the first columns; hidden are hidden columns;
	// numbers are ranges that take only numbers.
	protect   bool
	printCols int
	hidden    []int
	numbers   []list
	breaks    []int // rows a printed page starts at
}

// PageBreak starts a new printed page at a row (a chart must not be cut
// in two by a page's edge).
func (s *Sheet) PageBreak(row int) { s.breaks = append(s.breaks, row) }

type row struct {
	cells map[int]*cell
}

type cell struct {
	value any // string, int, float64, Date, Link, Percent or nil (styled only)
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
	at    string
	chart Chart
}

// Date is a date cell, shown at the precision its source gives: a day
// (31 Mar 2024) or, with Month, a month (Mar 2024).
type Date struct {
	Time  time.Time
	Month bool
}

// Link is a web link: its text, and the http or https address it opens.
type Link struct {
	Text, URL string
}

// Percent is a share, 0 to 1, shown as a whole percentage (35%).
type Percent float64

// NewSheet starts a worksheet with its column widths, in characters.
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

func (s *Sheet) cell(col, r int) *cell {
	rw := s.rows[r]
	if rw == nil {
		rw = &row{cells: map[int]*cell{}}
		s.rows[r] = rw
	}
	c := rw.cells[col]
	if c == nil {
		c = &cell{}
		rw.cells[col] = c
	}
	return c
}

// Line writes a row of ordinary cells.
func (s *Sheet) Line(values ...any) {
	s.Put(values...)
	if len(values) > 0 {
		s.Style(s.Cell(1, s.Row), s.Cell(len(values), s.Row), s.Body)
	}
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
// A Link whose address is not http or https is written as its text.
func (s *Sheet) Put(values ...any) {
	s.Row++
	for i, v := range values {
		if s.Err != nil {
			return
		}
		s.set(i+1, s.Row, v)
	}
}

func (s *Sheet) set(col, r int, v any) {
	switch x := v.(type) {
	case nil:
	case string:
		s.cell(col, r).value = clean(x)
	case int:
		s.cell(col, r).value = x
	case float64:
		s.float(col, r, x)
	case *float64:
		if x != nil {
			s.float(col, r, *x)
		}
	case Percent:
		if math.IsInf(float64(x), 0) || math.IsNaN(float64(x)) {
			s.float(col, r, float64(x))
			return
		}
		s.cell(col, r).value = x
	case Date:
		s.cell(col, r).value = x
	case Link:
		x.Text = clean(x.Text)
		if !WebAddress(x.URL) {
			s.cell(col, r).value = x.Text
			return
		}
		s.cell(col, r).value = x
	default:
		s.cell(col, r).value = clean(fmt.Sprint(x))
	}
}

// WebAddress reports whether a link is one a workbook may open: http or
// https, with a host. Anything else (file:, javascript:, a path) stays text.
func WebAddress(url string) bool {
	for _, scheme := range []string{"https://", "http://"} {
		if len(url) > len(scheme) && strings.EqualFold(url[:len(scheme)], scheme) {
			return !strings.ContainsAny(url, " \t\r\n\"<>") && len(url) <= 2079 // Excel's longest link
		}
	}
	return false
}

// clean makes text safe for a cell: valid UTF-8 with no control or
// bidirectional formatting characters but its line breaks (a wrapped
// cell shows them), within Excel's limit.
func clean(v string) string {
	lines := strings.Split(strings.ReplaceAll(strings.ToValidUTF8(v, "\uFFFD"), "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = safetext.Shown(l)
	}
	return cut(strings.Join(lines, "\n"))
}

// float writes a number; infinities and NaN, which a cell cannot hold as
// a number, are written as text.
func (s *Sheet) float(col, r int, x float64) {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		s.cell(col, r).value = strconv.FormatFloat(x, 'g', -1, 64)
		return
	}
	s.cell(col, r).value = x
}

// formulaLike reports text that a spreadsheet would read as a formula if
// a person edited the cell or saved the sheet as CSV: it starts with =, +,
// - or @. Such cells get quotePrefix, so Excel and LibreOffice keep them
// text (and show no apostrophe).
func formulaLike(s string) bool {
	return s != "" && strings.ContainsRune("=+-@", rune(s[0]))
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

// Protect locks the sheet, without a password, so that only its Unlocked
// cells can be typed into; filtering, sorting and resizing stay allowed.
// It guards against changing an ID by accident, not against anyone who
// means to (Review > Unprotect Sheet undoes it).
func (s *Sheet) Protect() { s.protect = true }

// PrintColumns prints only the sheet's first n columns.
func (s *Sheet) PrintColumns(n int) { s.printCols = n }

// Hide hides a column, from 1.
func (s *Sheet) Hide(col int) { s.hidden = append(s.hidden, col) }

// Numbers lets a range take only numbers, and refuses others with a
// message.
func (s *Sheet) Numbers(ref, title, message string) {
	s.numbers = append(s.numbers, list{ref: ref, title: title, message: message})
}

// ChartKind is the shape of a chart.
type ChartKind int

// The charts engage draws.
const (
	Column     ChartKind = iota + 1 // vertical bars side by side
	Bar                             // horizontal bars side by side
	StackedBar                      // horizontal bars stacked
)

// Chart is a bar chart of ranges of the workbook, with lines (such as a
// target) drawn over it on the same axis.
type Chart struct {
	Kind          ChartKind
	Title         string
	AltText       string
	Width, Height int // pixels
	Series        []Series
	Lines         []Series
	// Axis is the value axis.
	Axis Axis
}

// Axis is how a chart's value axis is scaled: from 0, to Max when it is
// set, in steps of Step when that is set; Counts shows whole numbers.
type Axis struct {
	Max, Step float64
	Counts    bool
	Title     string
}

// Series is one set of bars: the cell with its name and the ranges of its
// categories and values, such as "Summary!$B$3" and "Summary!$B$4:$B$9".
type Series struct {
	Name, Categories, Values string
	Fill                     string // colour; "" lets the reader choose
}

// AddChart places a chart with its top left corner at a cell.
func (s *Sheet) AddChart(at string, c Chart) error {
	if _, _, err := parseCell(at); err != nil {
		return err
	}
	if c.Kind == 0 {
		return fmt.Errorf("chart %q has no kind", c.Title)
	}
	s.charts = append(s.charts, chartAt{at: at, chart: c})
	return nil
}

// CountAxis scales an axis of counts up to most: from 0 in whole steps
// (1, 2, 5, 10, 20, 50 ...) of which there are at most about 10, to a
// multiple of the step.
func CountAxis(most int) Axis {
	step := 1.0
	for i := 0; float64(most)/step > 10; i++ {
		step *= []float64{2, 2.5, 2}[i%3]
	}
	top := math.Max(step, math.Ceil(float64(most)/step)*step)
	return Axis{Max: top, Step: step, Counts: true}
}

// Table writes a sheet of a header row and rows, styled, with a frozen
// header that prints on every page, an autofilter and column widths. A
// sheet with no rows says why, in empty, below its header.
func (wb *Workbook) Table(name string, widths []float64, header []string, rows [][]any, empty string) (*Sheet, error) {
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
	s.Titles = 1
	for _, r := range rows {
		s.Line(r...)
	}
	s.Freeze(0, 1)
	if len(rows) == 0 {
		s.Put(empty)
		s.Style(s.Cell(1, s.Row), s.Cell(1, s.Row), wb.Note)
		return s, s.Err
	}
	s.filter = "A1:" + s.Cell(len(header), s.Row)
	return s, s.Err
}

// Finish sets the document's properties, and what each printed page
// says at its top and bottom.
func (wb *Workbook) Finish(p Props) { wb.props = p }
