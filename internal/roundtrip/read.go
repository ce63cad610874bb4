package roundtrip

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/internal/schema"
	"github.com/engage-icb/engage/internal/xlsx"
	"github.com/engage-icb/engage/pkg/calendar"
)

// Returned is what a workbook sent back carries: where it came from, and
// each row someone filled in.
type Returned struct {
	Strategy, ICB, SHA256 string
	// FromWorkbook is the strategy's path from the workbook's folder,
	// slash-separated, when the workbook records it.
	FromWorkbook string
	// PropsLost says the workbook has engage's sheets but not the
	// properties that name its ICB and strategy: the program that last
	// saved it dropped them. Each row is then checked against its As made
	// column alone, and the strategy must be named.
	PropsLost bool
	Rows      []Row
}

// Row is one row with something typed into its columns to fill in. Cells
// are as typed, trimmed; Date is ISO (2026-11-28) when the cell held a
// date, else its text.
type Row struct {
	Sheet                                 string
	Kind                                  string
	Number                                int // the row's number in the sheet
	ID                                    string
	Status, Update, Evidence, Date, Value string
	// DateGiven says the Date cell was filled in (else today is meant).
	DateGiven bool
	AsMade    string
	cols      map[string]string // heading → column letters
}

// Place is the row, for a person: "Objectives, row 12".
func (r Row) Place() string { return fmt.Sprintf("%s, row %d", r.Sheet, r.Number) }

// Cell is the name of the row's cell under a heading ("Objectives!K12").
func (r Row) Cell(head string) string {
	return fmt.Sprintf("%s!%s%d", r.Sheet, r.cols[head], r.Number)
}

// Problem is something in a workbook that stops it being imported.
type Problem struct {
	Where   string // a cell (Objectives!K12), a sheet or the workbook
	Message string
	Hint    string
}

func (p Problem) Error() string { return p.Where + ": " + p.Message }

// Unreadable is a file engage cannot read as a report workbook at all.
type Unreadable struct{ Reason, Hint string }

func (e *Unreadable) Error() string { return e.Reason }

// headerRows is how far down a sheet its heading row is looked for (a
// sheet may start with a title or a line of instructions).
const headerRows = 10

// Read reads the updates typed into a report workbook, within l (the
// zip's entries, and the bytes it unpacks, counted before anything is
// unpacked). Formulas are never evaluated: a formula in a cell to fill in
// is a Problem. It returns an *Unreadable when data is not a workbook
// engage made.
func Read(data []byte, l xlsx.Limits) (*Returned, []Problem, error) {
	if err := checkZip(data, l); err != nil {
		return nil, nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: l.Unpacked, UnzipXMLSizeLimit: l.Unpacked})
	if err != nil {
		return nil, nil, &Unreadable{Reason: "it cannot be read as an Excel workbook: it is damaged, or not an .xlsx file (" + err.Error() + ")", Hint: "save it from Excel as an Excel Workbook (.xlsx)"}
	}
	defer func() { _ = f.Close() }()
	ret := &Returned{}
	props, err := f.GetCustomProps()
	if err != nil {
		return nil, nil, &Unreadable{Reason: "its properties cannot be read (" + err.Error() + ")"}
	}
	for _, p := range props {
		v := fmt.Sprint(p.Value)
		switch p.Name {
		case PropStrategy:
			ret.Strategy = v
		case PropFromWorkbook:
			ret.FromWorkbook = v
		case PropICB:
			ret.ICB = v
		case PropSHA256:
			ret.SHA256 = v
		}
	}
	// Without its properties a workbook may still be engage's, saved by
	// a program that drops them: its sheets say.
	ret.PropsLost = ret.ICB == "" || ret.SHA256 == ""
	if ret.PropsLost {
		ret.Strategy, ret.FromWorkbook, ret.SHA256 = "", "", ""
		// Which ICB it was made for is still checked: from the property
		// if it survived, else the document's keywords (core properties,
		// which programs keep) or its About sheet.
		if ret.ICB == "" {
			ret.ICB = icbOf(f)
		}
		if ret.ICB == "" && slices.ContainsFunc(f.GetSheetList(), func(n string) bool { _, ok := SheetNamed(n); return ok }) {
			return nil, nil, &Unreadable{Reason: "it has lost the properties engage report gave it, and does not say which ICB it was made for",
				Hint: "make the workbook again with engage report, and have the updates typed into it"}
		}
	}
	var problems []Problem
	sheets := 0
	seen := map[string]string{} // kind+ID → the first row's place
	names := f.GetSheetList()
	for _, name := range names {
		sh, ok := SheetNamed(name)
		if !ok {
			// The Summary, and any sheet the user added, are not read;
			// but a sheet of engage's renamed would be, silently, not.
			if p := renamed(f, name, names); p != nil {
				problems = append(problems, *p)
			}
			continue
		}
		rows, perr := readSheet(f, sh)
		if perr != nil {
			problems = append(problems, *perr)
			continue
		}
		if rows == nil {
			continue
		}
		sheets++
		for _, r := range rows.rows {
			key := r.Kind + "\x00" + r.ID
			if first, dup := seen[key]; dup {
				problems = append(problems, Problem{Where: r.Place(),
					Message: fmt.Sprintf("%s %s has a second row of updates (the first is %s)", r.Kind, r.ID, first),
					Hint:    "keep one row for each ID: put both updates in one row, or import one and then the other"})
				continue
			}
			seen[key] = fmt.Sprintf("row %d", r.Number)
			ret.Rows = append(ret.Rows, r)
		}
		problems = append(problems, rows.problems...)
	}
	if sheets == 0 && ret.PropsLost {
		return nil, nil, &Unreadable{Reason: "it is not a workbook made by engage report (it has no engage-icb and engage-sha256 properties, and no sheet of engage's with columns to fill in)",
			Hint: "import the workbook engage report wrote (engage report FILE --year FY -o review.xlsx), with its updates typed in"}
	}
	if sheets == 0 {
		return nil, nil, &Unreadable{Reason: "it has no columns to fill in (no Objectives, Roadmap or Metrics sheet with a \"" + HeadNewStatus + "\" or \"" + HeadNewValue + "\" column)",
			Hint: "make the workbook again with this version of engage report"}
	}
	return ret, problems, nil
}

// checkZip refuses a workbook whose zip holds more files, or declares
// more unpacked bytes, than l allows (archive/zip refuses a part that
// unpacks to more than its directory declared).
func checkZip(data []byte, l xlsx.Limits) error {
	zr, err := xlsx.OpenZip(data, l)
	var large *xlsx.TooLargeError
	switch {
	case errors.As(err, &large):
		return err
	case err != nil:
		return &Unreadable{Reason: "it is not an Excel workbook (it is not a zip file)", Hint: "import the .xlsx file engage report wrote; a .xls, .csv or .ods file will not do"}
	}
	var sum uint64
	for _, f := range zr.File {
		sum += f.UncompressedSize64
	}
	if l.Unpacked < 0 || sum > uint64(l.Unpacked) {
		return &xlsx.TooLargeError{What: fmt.Sprintf("the workbook unpacks to %d MB, more than the %d MB engage reads", sum>>20, l.Unpacked>>20)}
	}
	return nil
}

type sheetRows struct {
	rows     []Row
	problems []Problem
}

// renamed is a Problem when the sheet called name, which is not one that
// takes updates, has the headings of one: a sheet renamed in Excel, whose
// updates would otherwise be left unread without a word.
func renamed(f *excelize.File, name string, names []string) *Problem {
	grid, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil
	}
	var like []string
	for _, sh := range Sheets {
		// The as-made column is engage's alone: a sheet of its own with
		// an ID and a Date (Self-assessments) is not one renamed.
		if row, cols := heading(grid, sh); row >= 0 && cols[HeadAsMade] != "" && !slices.Contains(names, sh.Name) {
			like = append(like, sh.Name)
		}
	}
	if len(like) == 0 {
		return nil
	}
	hint := "rename it back to " + strings.Join(like, " or ") + ": engage reads updates only from the sheets it named"
	return &Problem{Where: name, Message: "this sheet has columns to fill in, but is not a sheet engage reads updates from", Hint: hint}
}

// heading finds a sheet's heading row: the first, among its first
// headerRows, with an ID column and one of the sheet's columns to fill
// in; and the column of each heading in it.
func heading(grid [][]string, sh Sheet) (int, map[string]string) {
	for i := 0; i < len(grid) && i < headerRows; i++ {
		found := map[string]string{}
		for j, v := range grid[i] {
			found[strings.TrimSpace(v)] = colName(j)
		}
		if found[HeadID] == "" {
			continue
		}
		for _, h := range sh.Inputs {
			if found[h] != "" {
				return i, found
			}
		}
	}
	return -1, nil
}

// readSheet reads a sheet's filled-in rows; nil when it has no columns to
// fill in (a workbook from an older engage).
func readSheet(f *excelize.File, sh Sheet) (*sheetRows, *Problem) {
	grid, err := f.GetRows(sh.Name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &Problem{Where: sh.Name, Message: "the sheet cannot be read: " + err.Error()}
	}
	head, cols := heading(grid, sh)
	if head < 0 {
		return nil, nil
	}
	out := &sheetRows{}
	// A heading changed by hand would leave its column unread, and what
	// was typed under it lost: refuse instead.
	for _, h := range append(slices.Clone(sh.Inputs), HeadAsMade) {
		if cols[h] == "" {
			out.problems = append(out.problems, Problem{Where: sh.Name + ", row " + strconv.Itoa(head+1),
				Message: fmt.Sprintf("has no column headed %q", h),
				Hint:    "keep the headings as engage wrote them, or make the workbook again with engage report"})
		}
	}
	for i := head + 1; i < len(grid); i++ {
		r := Row{Sheet: sh.Name, Kind: sh.Kind, Number: i + 1, cols: cols}
		get := func(h string) string {
			c := cols[h]
			if c == "" {
				return ""
			}
			j, _ := excelize.ColumnNameToNumber(c)
			if j-1 < len(grid[i]) {
				return strings.TrimSpace(grid[i][j-1])
			}
			return ""
		}
		r.ID = safetext.ItemID(get(HeadID))
		r.Status, r.Update, r.Evidence, r.Value = get(HeadNewStatus), get(HeadUpdate), get(HeadEvidence), get(HeadNewValue)
		r.Date, r.AsMade = get(HeadDate), get(HeadAsMade)
		// A formula is refused whatever it shows (a workbook saved by a
		// program that does not work formulas out shows nothing).
		bad := false
		for _, h := range sh.Inputs {
			if cols[h] == "" {
				continue
			}
			if formula, _ := f.GetCellFormula(sh.Name, fmt.Sprintf("%s%d", cols[h], r.Number)); formula != "" {
				out.problems = append(out.problems, Problem{Where: r.Cell(h), Message: "holds a formula (=" + formula + "); engage never works out formulas",
					Hint: "type the value itself: copy the cell and use Paste Special > Values"})
				bad = true
			}
		}
		if !bad && r.Status == "" && r.Update == "" && r.Evidence == "" && r.Value == "" && r.Date == "" {
			continue
		}
		if r.ID == "" {
			out.problems = append(out.problems, Problem{Where: r.Place(),
				Message: "has updates typed in but no ID", Hint: "type the updates in the row of the item they are for"})
			continue
		}
		if r.Date != "" {
			r.DateGiven = true
			day, ok := cellDate(r.Date)
			if !ok {
				out.problems = append(out.problems, Problem{Where: r.Cell(HeadDate), Message: fmt.Sprintf("%q is not a date engage can read", r.Date),
					Hint: "type a day (28/11/2026 or 2026-11-28), a month (2026-11) or a year (2026)"})
				bad = true
			}
			r.Date = day
		}
		if !bad {
			out.rows = append(out.rows, r)
		}
	}
	return out, nil
}

// cellDate reads a Date cell: a date Excel stored as a serial number, or
// text in ISO form at any precision (2026-11-28, 2026-11, 2026) or as
// typed in the UK (28/11/2026, 28 Nov 2026, 28 November 2026).
func cellDate(v string) (string, bool) {
	if serial, err := strconv.ParseFloat(v, 64); err == nil {
		switch {
		case serial == math.Trunc(serial) && serial >= 1900 && serial <= 2200:
			return strconv.Itoa(int(serial)), true // a year typed into a General cell
		case serial >= 1 && serial < 2958466: // 1900-01-01 to 9999-12-31
			t, err := excelize.ExcelDateToTime(math.Floor(serial), false)
			if err == nil {
				return t.Format(time.DateOnly), true
			}
		}
		return v, false
	}
	for _, layout := range []string{"2/1/2006", "02/01/2006", "2 Jan 2006", "2 January 2006", "2-Jan-2006", "2-Jan-06"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	_, err := calendar.ParseWhen(v)
	return v, err == nil
}

func colName(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

// icbOf reads the ICB a report workbook was made for from what survives
// its custom properties: the keywords engage report writes ("QE1,
// 2023/24"), else the About sheet's "ICB" row ("NHS ... (QE1)").
func icbOf(f *excelize.File) string {
	if p, err := f.GetDocProps(); err == nil {
		if code, _, ok := strings.Cut(p.Keywords, ", "); ok && schema.ODSCode(code) {
			return code
		}
	}
	rows, err := f.GetRows("About", excelize.Options{RawCellValue: true})
	if err != nil {
		return ""
	}
	for _, r := range rows {
		if len(r) >= 2 && strings.TrimSpace(r[0]) == "ICB" {
			v := strings.TrimSpace(r[1])
			if i := strings.LastIndex(v, "("); i >= 0 && strings.HasSuffix(v, ")") && schema.ODSCode(v[i+1:len(v)-1]) {
				return v[i+1 : len(v)-1]
			}
		}
	}
	return ""
}
