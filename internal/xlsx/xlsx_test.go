package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/engage-icb/engage/internal/corpus"
	"github.com/engage-icb/engage/internal/xlsx/xlsxtest"
)

// sample writes a workbook using every feature, with hostile text.
func sample(t *testing.T) []byte {
	t.Helper()
	wb := New()
	s, err := wb.Table("Items", []float64{10, 30, 12}, []string{"ID", "Title", "Value"}, [][]any{
		{"A-1", `=HYPERLINK("http://x","y")`, 3},
		{"A-2", "tab\there, bell\a, bad \xff byte & <tag>\u202e, reordered\u202c", 2.5},
		{"A-3", strings.Repeat("long ", 8000), math.Inf(1)},
		{"A-4", "  spaced  ", nil},
		{"A-5", Link{Text: "report", URL: "https://example.org/r?a=1&b=2"}, Percent(0.35)},
		{"A-6", Link{Text: "local", URL: "file:///etc/passwd"}, Date{Time: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)}},
		{"A-7", Link{Text: "js", URL: "javascript:alert(1)"}, Date{Time: time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC), Month: true}},
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	s.Highlight("C2:C5", Rule{Equals: `say "hi"`, Format: Format{Bold: true, Color: "FFFFFF", Fill: NHSBlue}})
	if err := s.DropList("B2:B9", []string{"one", "two"}, "Not one or two", "Choose one or two"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddChart("E2", Chart{Kind: Column, Title: "Values & more", AltText: "A chart", Width: 400, Height: 200,
		Series: []Series{{Name: "Items!$C$1", Categories: "Items!$A$2:$A$5", Values: "Items!$C$2:$C$5", Fill: NHSBlue}},
		Lines:  []Series{{Name: "Items!$C$1", Categories: "Items!$A$2:$A$5", Values: "Items!$C$2:$C$5"}},
		Axis:   CountAxis(3)}); err != nil {
		t.Fatal(err)
	}
	o, err := wb.NewSheet("L&SC's", []float64{20})
	if err != nil {
		t.Fatal(err)
	}
	o.Put("Title")
	o.Style("A1", "A1", wb.Title)
	o.Freeze(1, 1)
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	wb.Finish(Props{Title: "Test <workbook>", Created: day, Modified: day, Owner: "L&SC", Heading: "A test", AsOf: "as of 1 Jan 2026"})
	var b bytes.Buffer
	if _, err := wb.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWorkbookReadByExcelize(t *testing.T) {
	data := sample(t)
	if again := sample(t); !bytes.Equal(data, again) {
		t.Error("the same workbook gave different bytes")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	if got := strings.Join(f.GetSheetList(), ","); got != "Items,L&SC's" {
		t.Errorf("sheets = %q", got)
	}
	for ref, want := range map[string]string{
		"B2": `=HYPERLINK("http://x","y")`,
		"B3": "tab here, bell, bad \uFFFD byte & <tag>, reordered",
		"C2": "3", "C3": "2.5", "C4": "+Inf", "B5": "  spaced  ",
		"B6": "report", "C6": "35%", "B7": "local", "C7": "31 Mar 2024", "C8": "Jul 2023",
	} {
		if got, _ := f.GetCellValue("Items", ref); got != want {
			t.Errorf("Items!%s = %q, want %q", ref, got, want)
		}
		if formula, _ := f.GetCellFormula("Items", ref); formula != "" {
			t.Errorf("Items!%s is a formula: %q", ref, formula)
		}
	}
	if got, _ := f.GetCellValue("Items", "B4"); len(got) != maxCellChars {
		t.Errorf("long text kept %d characters, want Excel's limit %d", len(got), maxCellChars)
	}
	panes, _ := f.GetPanes("L&SC's")
	if !panes.Freeze || panes.XSplit != 1 || panes.YSplit != 1 {
		t.Errorf("panes = %+v", panes)
	}
	if dvs, _ := f.GetDataValidations("Items"); len(dvs) != 1 || dvs[0].Sqref != "B2:B9" {
		t.Errorf("data validations = %+v", dvs)
	}
	if cf, _ := f.GetConditionalFormats("Items"); len(cf["C2:C5"]) != 1 {
		t.Errorf("conditional formats = %+v", cf)
	}
	props, _ := f.GetDocProps()
	if props.Title != "Test <workbook>" {
		t.Errorf("title = %q", props.Title)
	}
	style, _ := f.GetCellStyle("Items", "A1")
	// (excelize reads colours only through a theme, which engage's
	// workbooks do not have; LibreOffice's rendering is checked by eye.)
	if st, _ := f.GetStyle(style); st == nil || st.Font == nil || !st.Font.Bold || st.Fill.Pattern != 1 {
		t.Errorf("header style = %+v", st)
	}
}

// Issue 16: text that starts like a formula (= + - @) had no quotePrefix,
// so editing the cell in Excel, or saving as CSV and opening that, made
// it a live formula. Such cells now carry quotePrefix; others do not.
func TestQuotePrefix(t *testing.T) {
	wb := New()
	if _, err := wb.Table("T", []float64{20}, []string{"Text"}, [][]any{
		{`=HYPERLINK("http://x","y")`}, {"+44 20 7946 0000"}, {"-3 people"}, {"@mention"}, {"plain"}, {-3},
	}, ""); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := wb.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	part := func(name string) string {
		f, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(f)
		return string(data)
	}
	xfs := regexp.MustCompile(`<xf [^>]*>`).FindAllString(strings.SplitN(part("xl/styles.xml"), "<cellXfs", 2)[1], -1)
	cells := regexp.MustCompile(`<c r="(A[0-9]+)"(?: s="([0-9]+)")?`).FindAllStringSubmatch(part("xl/worksheets/sheet1.xml"), -1)
	quoted := map[string]bool{}
	for _, c := range cells {
		n, _ := strconv.Atoi(c[2])
		quoted[c[1]] = regexp.MustCompile(`quotePrefix="(1|true)"`).MatchString(xfs[n])
	}
	for ref, want := range map[string]bool{"A1": false, "A2": true, "A3": true, "A4": true, "A5": true, "A6": false, "A7": false} {
		if quoted[ref] != want {
			t.Errorf("%s: quotePrefix %v, want %v", ref, quoted[ref], want)
		}
	}
}

func TestWorkbookReadByLibreOffice(t *testing.T) {
	xlsxtest.ReadWithLibreOffice(t, map[string][]byte{"sample": sample(t)})
}

func TestRead(t *testing.T) {
	c, err := Read(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	if c.Cells["Items"]["B2"] != `=HYPERLINK("http://x","y")` || c.Cells["L&SC's"]["A1"] != "Title" || c.Cells["Items"]["C3"] != "2.5" {
		t.Errorf("read %+v", c.Cells)
	}
	if !c.Equal(c) {
		t.Error("contents not equal to themselves")
	}
	for _, bad := range []string{"", "not a zip", "PK\x03\x04junk"} {
		if _, err := Read([]byte(bad)); err == nil {
			t.Errorf("Read(%q): no error", bad)
		}
	}
}

func TestSheetNames(t *testing.T) {
	wb := New()
	for _, name := range []string{"", strings.Repeat("x", 32), "a/b", "[x]", "'q", "q'"} {
		if _, err := wb.NewSheet(name, nil); err == nil {
			t.Errorf("sheet name %q accepted", name)
		}
	}
	if _, err := wb.NewSheet("One", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := wb.NewSheet("one", nil); err == nil {
		t.Error("a second sheet named one (in another case) was accepted")
	}
	if _, err := New().WriteTo(&bytes.Buffer{}); err == nil {
		t.Error("a workbook with no sheets was written")
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
		if c, r, err := parseCell(want + "7"); err != nil || c != col || r != 7 {
			t.Errorf("parseCell(%s7) = %d, %d, %v", want, c, r, err)
		}
	}
}

// Issue 16: report --check read a 730 KB workbook that unzips to 250 MB
// (27 s, 3.9 GB): there was a limit per part, not in all, and one part
// could be named by many sheets. Now the total and the number of files
// are limited, and the sizes the zip declares are checked before reading.
func TestReadLimits(t *testing.T) {
	bomb := filepath.Join(t.TempDir(), "bomb.xlsx")
	if err := corpus.BombWorkbook(bomb, 20, 5); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(bomb)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = ReadLimited(data, Limits{Unpacked: 64 << 20, Entries: 100})
	var large *TooLargeError
	if !errors.As(err, &large) || !strings.Contains(err.Error(), "unpacks to more than 64 MB") || time.Since(start) > time.Second {
		t.Errorf("a workbook of 5 x 20 MB within 64 MB = %v after %v; want refused at once", err, time.Since(start))
	}
	// One sheet's 20 MB is within 64 MB: read.
	if c, err := ReadLimited(data, Limits{Unpacked: 200 << 20, Entries: 100}); err != nil || len(c.Sheets) != 5 || c.Unpacked < 100<<20 {
		t.Errorf("within the limit: %v", err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i < 20; i++ {
		_, _ = zw.Create(strconv.Itoa(i))
	}
	_ = zw.Close()
	if _, err := ReadLimited(b.Bytes(), Limits{Unpacked: 1 << 20, Entries: 10}); !errors.As(err, &large) || !strings.Contains(err.Error(), "holds 20 files") {
		t.Errorf("20 files within 10: %v", err)
	}
	// engage's own workbooks are well within the default limits.
	c, err := Read(sample(t))
	if err != nil || c.Unpacked == 0 || c.Unpacked > DefaultLimits.Unpacked/100 {
		t.Errorf("Read(sample) = %+v, %v", c, err)
	}
}

// Issue 17: nothing was set for printing beyond landscape: no header row
// on later pages, no header, footer or page numbers, text shrunk to 6 pt.
// Every sheet now prints A4 landscape, one page wide unless that would
// shrink it below 9 pt, with its header rows repeated and the ICB, report,
// date and "Page N of M" at its edges.
func TestPrintSetup(t *testing.T) {
	wb := New()
	long := strings.Repeat("word ", 60)
	if _, err := wb.Table("Narrow", []float64{10, 40}, []string{"ID", "Text"}, [][]any{{"A-1", long}, {"A-2", "short"}}, ""); err != nil {
		t.Fatal(err)
	}
	wide := make([]float64, 20)
	for i := range wide {
		wide[i] = 12
	}
	s, err := wb.Table("Wide & long", wide, []string{"Principle", "B"}, [][]any{{"1. One", "x"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	s.Freeze(1, 1)
	wb.Finish(Props{Owner: "NHS L&SC ICB", Heading: "Annual review 2025/26", AsOf: "as of 31 Mar 2026"})
	var b bytes.Buffer
	if _, err := wb.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, tc := range []struct {
		sheet, titles string
		fit           bool
	}{
		{"Narrow", "'Narrow'!$1:$1", true},
		{"Wide & long", "'Wide & long'!$A:$A,'Wide & long'!$1:$1", false},
	} {
		pl, err := f.GetPageLayout(tc.sheet)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
			t.Errorf("%s: page layout %+v, %v; want A4 (9) landscape", tc.sheet, pl, err)
		}
		props, _ := f.GetSheetProps(tc.sheet)
		fit := props.FitToPage != nil && *props.FitToPage
		if fit != tc.fit {
			t.Errorf("%s: fit to page %v, want %v", tc.sheet, fit, tc.fit)
		}
		if tc.fit && (pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0) {
			t.Errorf("%s: fit %v wide by %v tall, want 1 by 0", tc.sheet, pl.FitToWidth, pl.FitToHeight)
		}
		if titles[tc.sheet] != tc.titles {
			t.Errorf("%s: print titles %q, want %q", tc.sheet, titles[tc.sheet], tc.titles)
		}
		hf, err := f.GetHeaderFooter(tc.sheet)
		if err != nil || hf.OddHeader != "&LNHS L&&SC ICB&C&BAnnual review 2025/26&B&Ras of 31 Mar 2026" || hf.OddFooter != "&L&A&RPage &P of &N" {
			t.Errorf("%s: header %q, footer %q, %v", tc.sheet, hf.OddHeader, hf.OddFooter, err)
		}
	}
	// 300 characters in a column of 40 need 8 lines of 15 pt; a short
	// text keeps the default height.
	if h, _ := f.GetRowHeight("Narrow", 2); h < 7*15 || h > 9*15 {
		t.Errorf("a row of 300 characters in 40 is %v pt high, want about 8 lines of 15 pt", h)
	}
	if h, _ := f.GetRowHeight("Narrow", 3); h != 15 {
		t.Errorf("a one-line row is %v pt high, want 15", h)
	}
}
