package printcheck

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// requireTools skips the test, loudly, when LibreOffice or poppler is
// missing; with ENGAGE_REQUIRE_SOFFICE set (as make test does) it fails.
func requireTools(t *testing.T) {
	t.Helper()
	if err := Available(); err != nil {
		if os.Getenv("ENGAGE_REQUIRE_SOFFICE") != "" {
			t.Fatalf("%v, and make test requires them", err)
		}
		t.Skipf("SKIPPED: %v, so no workbook was printed and read back; make test installs them", err)
	}
}

// table is a sheet to print: columns of the given widths (in Excel's
// characters), a header row and rows of text at size points.
type table struct {
	name      string
	headers   []string
	widths    []float64
	rows      int
	size      float64
	titles    bool   // repeat the header row (_xlnm.Print_Titles)
	fitWidth  bool   // fit to one page wide
	portrait  bool   // A4 portrait rather than landscape
	header    string // the page header and footer, as Excel's codes
	footer    string
	cellWidth int // the characters of each body cell, about
}

// writeWorkbook writes the tables as the sheets of one workbook.
func writeWorkbook(t *testing.T, path string, tables ...table) {
	t.Helper()
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, tb := range tables {
		if i == 0 {
			must(f.SetSheetName("Sheet1", tb.name))
		} else {
			_, err := f.NewSheet(tb.name)
			must(err)
		}
		style, err := f.NewStyle(&excelize.Style{
			Font:      &excelize.Font{Size: tb.size},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		})
		must(err)
		bold, err := f.NewStyle(&excelize.Style{
			Font:      &excelize.Font{Size: tb.size, Bold: true},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "bottom"},
		})
		must(err)
		for c, w := range tb.widths {
			col, _ := excelize.ColumnNumberToName(c + 1)
			must(f.SetColWidth(tb.name, col, col, w))
		}
		header := make([]any, len(tb.headers))
		for c, h := range tb.headers {
			header[c] = h
		}
		must(f.SetSheetRow(tb.name, "A1", &header))
		last, _ := excelize.CoordinatesToCellName(len(tb.headers), 1)
		must(f.SetCellStyle(tb.name, "A1", last, bold))
		for r := 2; r <= tb.rows+1; r++ {
			row := make([]any, len(tb.headers))
			for c := range row {
				text := fmt.Sprintf("X-%03d", r-1)
				if c > 0 {
					text = strings.Repeat("word ", max(1, tb.cellWidth/5))
					text = fmt.Sprintf("Row %d %s", r-1, text[:len(text)-1])
				}
				row[c] = text
			}
			cell, _ := excelize.CoordinatesToCellName(1, r)
			must(f.SetSheetRow(tb.name, cell, &row))
			end, _ := excelize.CoordinatesToCellName(len(tb.headers), r)
			must(f.SetCellStyle(tb.name, cell, end, style))
		}
		a4, orientation := 9, "landscape"
		if tb.portrait {
			orientation = "portrait"
		}
		layout := &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation}
		if tb.fitWidth {
			one, zero, fit := 1, 0, true
			layout.FitToWidth, layout.FitToHeight = &one, &zero
			must(f.SetSheetProps(tb.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
		}
		must(f.SetPageLayout(tb.name, layout))
		if tb.titles {
			must(f.SetDefinedName(&excelize.DefinedName{
				Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", tb.name), Scope: tb.name,
			}))
		}
		if tb.header != "" || tb.footer != "" {
			must(f.SetHeaderFooter(tb.name, &excelize.HeaderFooterOptions{OddHeader: tb.header, OddFooter: tb.footer}))
		}
	}
	must(f.SaveAs(path))
}

// TestCheck prints workbooks made to pass and to fail each check, and
// reads what Check finds on their pages.
func TestCheck(t *testing.T) {
	requireTools(t)
	dir := t.TempDir()
	objectives := table{
		name: "Objectives", headers: []string{"ID", "Objective", "Status"}, widths: []float64{10, 70, 14},
		rows: 100, size: 11, titles: true, fitWidth: true, cellWidth: 40,
		header: "&LTest ICB&CAnnual review 2024/25&RAs of 31 March 2025", footer: "&C&9Page &P of &N",
	}
	good := objectives
	// The same header row on a second sheet: pages go to sheets by the
	// PDF's outline, not by their text.
	again := objectives
	again.name = "Objectives again"
	again.rows = 40
	// About 250 characters wide, fitted to the page: 11 pt prints at about 6.
	wide := table{
		name: "Summary", headers: []string{"Item", "Value", "Notes", "More notes", "Even more"}, widths: []float64{50, 50, 50, 50, 50},
		rows: 10, size: 11, titles: true, fitWidth: true, cellWidth: 40, footer: "&CPage &P of &N",
	}
	noTitles := objectives
	noTitles.titles = false
	cover := table{name: "Cover", headers: []string{"Annual review"}, widths: []float64{60}, rows: 2, size: 11, fitWidth: true}
	portrait := table{name: "Tall", headers: []string{"ID", "Objective"}, widths: []float64{10, 60}, rows: 5, size: 11, titles: true, fitWidth: true, portrait: true}

	books := []struct {
		name   string
		tables []table
	}{
		{"good", []table{good, again}},
		{"wide", []table{wide}},
		{"no-titles", []table{cover, noTitles}},
		{"portrait", []table{portrait}},
	}
	var paths []string
	for _, b := range books {
		path := filepath.Join(dir, b.name+".xlsx")
		writeWorkbook(t, path, b.tables...)
		paths = append(paths, path)
	}
	pdfDir := filepath.Join(dir, "pdf")
	reports, err := CheckAll(paths, Options{PDFDir: pdfDir})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Report{}
	for i, b := range books {
		byName[b.name] = reports[i]
		t.Logf("%s: %d pages, smallest text %.2f pt, %d problems", b.name, reports[i].Pages, reports[i].SmallestText, len(reports[i].Problems))
		if reports[i].Workbook != paths[i] {
			t.Errorf("report %d is of %q, want %q", i, reports[i].Workbook, paths[i])
		}
		if _, err := os.Stat(filepath.Join(pdfDir, b.name+".pdf")); err != nil {
			t.Errorf("the PDF of %s was not kept: %v", b.name, err)
		}
	}
	kinds := func(r Report) map[Kind][]Problem {
		m := map[Kind][]Problem{}
		for _, p := range r.Problems {
			m[p.Kind] = append(m[p.Kind], p)
		}
		return m
	}

	t.Run("good", func(t *testing.T) {
		r := byName["good"]
		for _, p := range r.Problems {
			t.Errorf("%s", p)
		}
		// Three pages or more, so the header row repeating is tested; the
		// 9 pt footer is the smallest text, and passes.
		if r.Pages < 4 {
			t.Errorf("the good workbook prints on %d pages, want 4 or more", r.Pages)
		}
		if math.Abs(r.SmallestText-9) > 0.05 {
			t.Errorf("smallest text: got %.2f pt, want 9 (the footer)", r.SmallestText)
		}
	})
	t.Run("wide", func(t *testing.T) {
		r := byName["wide"]
		small := kinds(r)[SmallText]
		if len(small) != r.Pages || len(small) != len(r.Problems) {
			t.Errorf("got problems %v, want text too small on each of %d pages and nothing else", r.Problems, r.Pages)
		}
		if r.SmallestText < 5 || r.SmallestText > 7 {
			t.Errorf("smallest text: got %.2f pt, want about 6", r.SmallestText)
		}
		for _, p := range small {
			if p.Sheet != "Summary" || !strings.Contains(p.Message, "under 9 pt") {
				t.Errorf("got %q, want the Summary's text under 9 pt", p)
			}
		}
	})
	t.Run("no titles", func(t *testing.T) {
		r := byName["no-titles"]
		noHeader := kinds(r)[NoHeader]
		if len(noHeader) != len(r.Problems) || len(noHeader) < 2 {
			t.Fatalf("got problems %v, want the header row missing on two pages or more, and nothing else", r.Problems)
		}
		for i, p := range noHeader {
			// Page 1 of Objectives has its header row; the Cover is PDF page 1.
			if p.Sheet != "Objectives" || p.Page != i+2 || p.PDFPage != i+3 || p.Pages != len(noHeader)+1 {
				t.Errorf("got %q, want Objectives, page %d of %d (PDF page %d)", p, i+2, len(noHeader)+1, i+3)
			}
			if want := "no header row (expected 'ID', 'Objective', 'Status'); the sheet repeats no rows"; !strings.HasPrefix(p.Message, want) {
				t.Errorf("got %q, want it to start %q", p.Message, want)
			}
		}
	})
	t.Run("portrait", func(t *testing.T) {
		r := byName["portrait"]
		paper := kinds(r)[Paper]
		if len(paper) != 1 || len(r.Problems) != 1 || !strings.Contains(paper[0].Message, "210 x 297 mm paper (portrait)") {
			t.Errorf("got %v, want one page on A4 portrait", r.Problems)
		}
	})
}

// TestCalibration prints text at known sizes in the fonts the reports use
// and LibreOffice's stand-ins for them, at 100%, 50% and fitted to the
// page, and checks that every word's box is 1.30 times its printed size:
// the figures in the package comment.
func TestCalibration(t *testing.T) {
	requireTools(t)
	dir := t.TempDir()
	f := excelize.NewFile()
	type sample struct {
		font         string
		size         float64
		scale        uint
		printedPoint float64
	}
	// LibreOffice keeps sizes in 0.01 mm.
	printed := func(size float64, scale uint) float64 {
		return math.Round(size*2540/72) / 100 * 72 / 25.4 * float64(scale) / 100
	}
	samples := map[string]sample{}
	a4, landscape := 9, "landscape"
	for _, font := range []string{"Calibri", "Carlito", "Arial", "Liberation Sans", "DejaVu Sans"} {
		for _, size := range []float64{8, 9, 11} {
			for _, scale := range []uint{100, 50} {
				name := fmt.Sprintf("%s %g %d", font, size, scale)
				if len(samples) == 0 {
					_ = f.SetSheetName("Sheet1", name)
				} else if _, err := f.NewSheet(name); err != nil {
					t.Fatal(err)
				}
				samples[name] = sample{font, size, scale, printed(size, scale)}
				for r, bold := range []bool{false, true} {
					style, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: font, Size: size, Bold: bold}})
					cell, _ := excelize.CoordinatesToCellName(1, r+1)
					_ = f.SetCellValue(name, cell, "Hxg Café – “quoted” naïve "+name)
					_ = f.SetCellStyle(name, cell, cell, style)
				}
				if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, AdjustTo: &scale}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	// Fitted to one page wide, at a scale LibreOffice chooses: 11 and 22 pt
	// text on one sheet must keep their proportion.
	const fit = "Fitted"
	_, _ = f.NewSheet(fit)
	_ = f.SetColWidth(fit, "A", "J", 60)
	for r, size := range []float64{11, 22} {
		style, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: size}})
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		_ = f.SetCellValue(fit, cell, fmt.Sprintf("size%g", size))
		_ = f.SetCellStyle(fit, cell, cell, style)
		end, _ := excelize.CoordinatesToCellName(10, r+1)
		_ = f.SetCellValue(fit, end, "end")
	}
	yes, one, zero := true, 1, 0
	_ = f.SetSheetProps(fit, &excelize.SheetPropsOptions{FitToPage: &yes})
	_ = f.SetPageLayout(fit, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero})

	sizes := filepath.Join(dir, "sizes.xlsx")
	if err := f.SaveAs(sizes); err != nil {
		t.Fatal(err)
	}
	calibration := filepath.Join(dir, "calibration.xlsx")
	if err := writeCalibration(calibration, calibrationFonts); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := printPDF(ctx, filepath.Join(dir, "profile"), dir, []string{sizes, calibration}); err != nil {
		t.Fatal(err)
	}

	ratio, err := measureRatio(ctx, pdfName(dir, calibration), calibrationSize)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(ratio-1.30) > 0.002 {
		t.Errorf("the calibration workbook measures %.4f, want 1.30", ratio)
	}

	doc, err := readPDF(ctx, pdfName(dir, sizes))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.bookmarks) != len(samples)+1 {
		t.Fatalf("the PDF's outline has %d entries, want %d (one a sheet)", len(doc.bookmarks), len(samples)+1)
	}
	for _, b := range doc.bookmarks {
		p := doc.pages[b.page-1]
		if b.title == fit {
			heights := map[string]float64{}
			for _, w := range p.words {
				heights[w.text] = w.yMax - w.yMin
			}
			r := heights["size22"] / heights["size11"]
			t.Logf("fitted: 11 pt prints at %.3f pt (box %.3f pt), 22 pt at %.3f pt: ratio %.4f",
				heights["size11"]/1.3, heights["size11"], heights["size22"]/1.3, r)
			if math.Abs(r-2) > 0.01 || heights["size11"]/1.3 > 11*0.9 {
				t.Errorf("fitted: boxes of %.3f and %.3f pt for 11 and 22 pt, want a ratio of 2 and the sheet shrunk", heights["size11"], heights["size22"])
			}
			continue
		}
		s, ok := samples[b.title]
		if !ok {
			t.Errorf("an outline entry %q names no sheet", b.title)
			continue
		}
		if len(p.words) == 0 {
			t.Errorf("%s: no words on page %d", b.title, b.page)
		}
		for _, w := range p.words {
			h := w.yMax - w.yMin
			if math.Abs(h/s.printedPoint-1.30) > 0.002 {
				t.Errorf("%s: %q has a box %.4f pt high, %.4f times its printed %.3f pt, want 1.30", b.title, w.text, h, h/s.printedPoint, s.printedPoint)
			}
		}
		if s.font == "Calibri" && s.scale == 100 {
			t.Logf("%s: box %.4f pt for %g pt (printed %.3f pt)", b.title, p.words[0].yMax-p.words[0].yMin, s.size, s.printedPoint)
		}
	}
}
