// Package xlsx writes the Excel workbooks engage produces (reports and
// comparisons) on excelize: NHS-styled tables with frozen headers and
// filters, text that is never read as a formula, and bytes that are the
// same for the same content.
package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/engage-icb/engage/pkg/render"
)

// NHSBlue is the colour of header rows and titles.
const NHSBlue = "005EB8"

// Workbook is a workbook being written, with its shared styles.
type Workbook struct {
	F *excelize.File
	// Header (white on NHS Blue, bold), Title (large, bold, blue), Label
	// (bold) and Wrap (wrapped, top-aligned, a rule below) are style IDs.
	Header, Title, Label, Wrap int
	sheets                     int
}

// New starts a workbook.
func New() (*Workbook, error) {
	f := excelize.NewFile()
	wb := &Workbook{F: f}
	var err error
	style := func(st *excelize.Style) int {
		id, e := f.NewStyle(st)
		if e != nil && err == nil {
			err = e
		}
		return id
	}
	border := []excelize.Border{{Type: "bottom", Color: "AEB7BD", Style: 1}}
	wb.Header = style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Color: []string{NHSBlue}, Pattern: 1},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	wb.Title = style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: NHSBlue}})
	wb.Label = style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.Wrap = style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: border})
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return wb, nil
}

// Sheet writes one worksheet, a row at a time. The first error stops
// further writes and is kept in Err.
type Sheet struct {
	F      *excelize.File
	Name   string
	Row    int       // the last row written
	widths []float64 // column widths, set before any row is written
	Body   int       // the style of ordinary cells (Line), by default Wrap
	Err    error
}

// NewSheet starts a worksheet with its column widths. The first sheet
// takes the place of excelize's empty Sheet1.
func (wb *Workbook) NewSheet(name string, widths []float64) (*Sheet, error) {
	var err error
	if wb.sheets == 0 {
		err = wb.F.SetSheetName("Sheet1", name)
	} else {
		_, err = wb.F.NewSheet(name)
	}
	if err != nil {
		return nil, err
	}
	wb.sheets++
	s := &Sheet{F: wb.F, Name: name, widths: widths, Body: wb.Wrap}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := wb.F.SetColWidth(name, col, col, w); err != nil {
			return nil, err
		}
	}
	return s, nil
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
		s.Err = s.F.SetRowHeight(s.Name, s.Row, float64(min(lines, 12))*14.5)
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

// Cell names the cell at a column and row, both from 1.
func (s *Sheet) Cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// Put writes a row of values from column 1. Strings are stored as text,
// always: a title such as =HYPERLINK(...) stays text, never a formula.
func (s *Sheet) Put(values ...any) {
	s.Row++
	for i, v := range values {
		if s.Err != nil {
			return
		}
		ref := s.Cell(i+1, s.Row)
		switch x := v.(type) {
		case nil:
		case string:
			s.Err = s.F.SetCellStr(s.Name, ref, render.Sanitize(x))
		case int:
			s.Err = s.F.SetCellInt(s.Name, ref, int64(x))
		case float64:
			s.Err = s.F.SetCellFloat(s.Name, ref, x, -1, 64)
		case *float64:
			if x != nil {
				s.Err = s.F.SetCellFloat(s.Name, ref, *x, -1, 64)
			}
		default:
			s.Err = s.F.SetCellStr(s.Name, ref, fmt.Sprint(x))
		}
	}
}

// Style styles a range of cells.
func (s *Sheet) Style(from, to string, id int) {
	if s.Err == nil {
		s.Err = s.F.SetCellStyle(s.Name, from, to, id)
	}
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
	if s.Err == nil {
		s.Err = wb.F.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	if s.Err == nil {
		s.Err = wb.F.AutoFilter(name, "A1:"+s.Cell(len(header), max(s.Row, 2)), nil)
	}
	return s, s.Err
}

// Finish sets every sheet to print landscape on A4, one page wide, sets
// the document properties, and makes the first sheet active.
func (wb *Workbook) Finish(props *excelize.DocProperties) error {
	landscape, a4, wide, tall, fit := "landscape", 9, 1, 0, true
	for _, name := range wb.F.GetSheetList() {
		if err := wb.F.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return err
		}
		if err := wb.F.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
			return err
		}
	}
	wb.F.SetActiveSheet(0)
	return wb.F.SetDocProps(props)
}

// WriteTo writes the workbook so that the same cells always give the same
// bytes: excelize lists [Content_Types].xml's defaults, and may order the
// zip's parts, in Go's random map order. The parts are written
// [Content_Types].xml first, then by name, with the defaults sorted.
func (wb *Workbook) WriteTo(w io.Writer) (int64, error) {
	var raw bytes.Buffer
	if _, err := wb.F.WriteTo(&raw); err != nil {
		return 0, err
	}
	cw := &counter{w: w}
	err := canonicalZip(cw, raw.Bytes())
	return cw.n, err
}

// Close releases the workbook.
func (wb *Workbook) Close() error { return wb.F.Close() }

type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

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
