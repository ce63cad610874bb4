package printcheck

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheet is what a workbook says one sheet's printed pages should carry.
type sheet struct {
	name string
	// header holds the texts of the header row's cells, empty ones left
	// out; headerRow is that row (from 1), 0 when the sheet has no text.
	header    []string
	headerRow int
	// body is the rows below the header row, as cellTexts of their
	// unformatted values.
	body [][]string
	// titles is true when the header row is the first row of the sheet's
	// print titles (_xlnm.Print_Titles), false when it is only the sheet's
	// first row with text, which prints on the first page alone.
	titles bool
	// fitWidth is true when the sheet is fitted to one page wide, so every
	// page carries every column (and so every header cell).
	fitWidth bool
	// headerFooter is the sheet's header and footer, nil when it sets none.
	headerFooter *excelize.HeaderFooterOptions
}

// readWorkbook reads the visible sheets of a workbook, in order, as
// LibreOffice prints them, and the workbook's default font.
func readWorkbook(path string) ([]sheet, string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("open workbook %q: %w", path, err)
	}
	defer func() { _ = f.Close() }()
	titleRows, lastCols := map[string]int{}, map[string]int{}
	for _, dn := range f.GetDefinedName() {
		switch dn.Name {
		case "_xlnm.Print_Titles":
			if row := firstTitleRow(dn.RefersTo); row > 0 {
				titleRows[dn.Scope] = row
			}
		case "_xlnm.Print_Area":
			if col := lastPrintColumn(dn.RefersTo); col > 0 {
				lastCols[dn.Scope] = col
			}
		}
	}
	var sheets []sheet
	for _, name := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(name); err != nil || !visible {
			continue
		}
		s := sheet{name: name}
		rows, err := f.GetRows(name)
		if err != nil {
			return nil, "", fmt.Errorf("read sheet %q of %q: %w", name, path, err)
		}
		// Only the print area's columns are printed.
		printed := func(rows [][]string) [][]string {
			if n := lastCols[name]; n > 0 {
				for i, r := range rows {
					rows[i] = r[:min(len(r), n)]
				}
			}
			return rows
		}
		rows = printed(rows)
		s.headerRow, s.titles = titleRows[name], titleRows[name] > 0
		if !s.titles {
			for i, r := range rows {
				if len(cellTexts(r)) > 0 {
					s.headerRow = i + 1
					break
				}
			}
		}
		if s.headerRow > 0 && s.headerRow <= len(rows) {
			s.header = cellTexts(rows[s.headerRow-1])
			// Unformatted: a date or a number is then digits, which
			// carriesRows leaves out, rather than text in a format
			// LibreOffice may print otherwise.
			raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
			if err != nil {
				return nil, "", fmt.Errorf("read sheet %q of %q: %w", name, path, err)
			}
			for _, r := range printed(raw)[min(s.headerRow, len(raw)):] {
				if cells := cellTexts(r); len(cells) > 0 {
					s.body = append(s.body, cells)
				}
			}
		}
		if layout, err := f.GetPageLayout(name); err == nil && layout.FitToWidth != nil && *layout.FitToWidth == 1 {
			props, err := f.GetSheetProps(name)
			s.fitWidth = err == nil && props.FitToPage != nil && *props.FitToPage
		}
		if s.headerFooter, err = f.GetHeaderFooter(name); err != nil {
			return nil, "", fmt.Errorf("read the header and footer of sheet %q of %q: %w", name, path, err)
		}
		sheets = append(sheets, s)
	}
	font, _ := f.GetDefaultFont()
	return sheets, font, nil
}

// cellTexts is the row's cells with text, trimmed.
func cellTexts(row []string) []string {
	var texts []string
	for _, c := range row {
		if c = strings.TrimSpace(c); c != "" {
			texts = append(texts, c)
		}
	}
	return texts
}

// titleRowsRef is the rows part of a print titles reference, such as
// $1:$2 in 'Objectives'!$A:$A,'Objectives'!$1:$2.
var titleRowsRef = regexp.MustCompile(`!\$?(\d+):\$?\d+(?:,|$)`)

// firstTitleRow is the first row of the rows a print titles reference
// repeats, or 0 when it repeats only columns.
func firstTitleRow(refersTo string) int {
	m := titleRowsRef.FindStringSubmatch(refersTo)
	if m == nil {
		return 0
	}
	row, _ := strconv.Atoi(m[1])
	return row
}

// printAreaColumns is the last column of a print area reference, such as
// $J in 'Objectives'!$A:$J or 'Objectives'!$A$1:$J$20.
var printAreaColumns = regexp.MustCompile(`:\$?([A-Z]+)\$?\d*(?:,|$)`)

// lastPrintColumn is the last column (from 1) a print area prints, or 0
// when it cannot be read.
func lastPrintColumn(refersTo string) int {
	m := printAreaColumns.FindStringSubmatch(refersTo)
	if m == nil {
		return 0
	}
	col, err := excelize.ColumnNameToNumber(m[1])
	if err != nil {
		return 0
	}
	return col
}
