package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/engage-icb/engage/internal/xlsx/xlsxtest"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/report"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/strategies"
)

var reportAsOf = time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)

// reports builds the 2023/24 report of each shipped strategy, and the
// formula fixture's for 2024/25.
func annualReports(t testing.TB) map[string]*report.Report {
	t.Helper()
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*report.Report{}
	add := func(name string, src []byte, year int) {
		d := strategy.Parse(name, src)
		if d.Strategy == nil {
			t.Fatalf("%s: %v", name, d.Problems)
		}
		fw, _ := fws.Get(framework.Choose(d.Strategy.Framework, ""))
		out[name] = report.Build(name, d.Strategy, fw, report.Options{Year: calendar.Year{Start: year}, AsOf: reportAsOf, Version: "test"})
	}
	files, _ := fs.Glob(strategies.FS, "*.yaml")
	for _, f := range files {
		src, _ := fs.ReadFile(strategies.FS, f)
		add(f, src, 2023)
	}
	src, err := os.ReadFile("testdata/formulas.yaml")
	if err != nil {
		t.Fatal(err)
	}
	add("formulas.yaml", src, 2024)
	return out
}

func reportExcel(t testing.TB, r *report.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := (ReportXLSX{}).Render(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	for name, r := range annualReports(t) {
		var a, b bytes.Buffer
		if err := (ReportMarkdown{}).Render(&a, r); err != nil {
			t.Fatal(err)
		}
		if err := (ReportMarkdown{}).Render(&b, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two Markdown reports differ", name)
		}
		// Excel: the same bytes (a map's order must never leak into the
		// file, so try several times), and so the same cells.
		first := reportExcel(t, r)
		for range 10 {
			if !bytes.Equal(first, reportExcel(t, r)) {
				t.Fatalf("%s: two Excel reports differ", name)
			}
		}
	}
}

func TestSheetsAndProperties(t *testing.T) {
	f := openWorkbook(t, reportExcel(t, annualReports(t)["lsc.yaml"]))
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,About,Overdue,At risk or off track,Gaps,Principles,Objectives,Roadmap,Metrics,Metric values,Activities,Governance,Self-assessments" {
		t.Errorf("sheets = %s", got)
	}
	props, err := f.GetDocProps()
	if err != nil || !strings.HasPrefix(props.Title, "L&SC: working with people and communities, annual review 2023/24") || !strings.Contains(props.Subject, "NHS Lancashire and South Cumbria") {
		t.Errorf("document properties = %+v, %v", props, err)
	}
	// The columns to fill in (engage import): New status a drop-down,
	// unlocked on a sheet otherwise locked, printing stopping before them,
	// the as-made column hidden, and the properties that tie the workbook
	// to its strategy.
	dvs, err := f.GetDataValidations("Objectives")
	if err != nil || len(dvs) != 1 || dvs[0].Sqref != "K2:K25" || !strings.Contains(dvs[0].Formula1, "in-progress") {
		t.Errorf("status dropdown = %+v, %v", dvs, err)
	}
	cf, err := f.GetConditionalFormats("Objectives")
	if err != nil || len(cf["G2:G25"]) != 4 {
		t.Errorf("BRAG colours on statuses = %+v, %v", cf, err)
	}
	for cell, locked := range map[string]bool{"A2": true, "G2": true, "K2": false, "N25": false} {
		id, _ := f.GetCellStyle("Objectives", cell)
		st, err := f.GetStyle(id)
		if err != nil || (st.Protection == nil || st.Protection.Locked) != locked {
			t.Errorf("Objectives %s: locked %v, want %v (%v)", cell, st.Protection == nil || st.Protection.Locked, locked, err)
		}
	}
	if visible, _ := f.GetColVisible("Objectives", "O"); visible {
		t.Error("the as-made column O is visible")
	}
	var area string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Area" && dn.Scope == "Objectives" {
			area = dn.RefersTo
		}
	}
	if area != "'Objectives'!$A:$J" {
		t.Errorf("Objectives prints %q, want its report columns A:J", area)
	}
	custom, _ := f.GetCustomProps()
	if len(custom) != 3 || custom[0].Name != "engage-strategy" || !strings.HasSuffix(fmt.Sprint(custom[0].Value), "lsc.yaml") || custom[1].Value != "QE1" || custom[2].Name != "engage-sha256" {
		t.Errorf("custom properties = %+v", custom)
	}
	panes, err := f.GetPanes("Objectives")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v, %v", panes, err)
	}
}

// TestFormulasStayText checks that texts starting =, +, - or @ are stored as
// text: no cell holds a formula.
func TestFormulasStayText(t *testing.T) {
	f := openWorkbook(t, reportExcel(t, annualReports(t)["formulas.yaml"]))
	found := 0
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					t.Errorf("%s!%s holds a formula: %s", sheet, ref, formula)
				}
				if strings.HasPrefix(v, `=HYPERLINK("http://x","y")`) {
					found++
				}
			}
		}
	}
	if found < 2 {
		t.Errorf("the =HYPERLINK title appears %d times as text, want it in the objective and the strategy's title", found)
	}
	if v, _ := f.GetCellValue("Objectives", "C2"); v != `=HYPERLINK("http://x","y")` {
		t.Errorf("Objectives!C2 = %q, want the title as text", v)
	}
}

// TestLibreOfficeReadsTheWorkbooks opens every report with LibreOffice and
// checks each sheet's cells, as LibreOffice reads them, are the ones
// written. make test installs LibreOffice and requires this test to run.
func TestLibreOfficeReadsTheWorkbooks(t *testing.T) {
	workbooks := map[string][]byte{}
	for name, r := range annualReports(t) {
		workbooks[strings.TrimSuffix(name, ".yaml")] = reportExcel(t, r)
	}
	dir := xlsxtest.ReadWithLibreOffice(t, workbooks)
	// And one as PDF, as a board member might print it.
	cmd := exec.Command("soffice", xlsxtest.Profile(dir), "--headless", "--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, "lsc.xlsx"))
	if out, err := cmd.CombinedOutput(); err != nil || bytes.Contains(out, []byte("Error:")) {
		t.Fatalf("PDF: %v\n%s", err, out)
	}
	if info, err := os.Stat(filepath.Join(dir, "lsc.pdf")); err != nil || info.Size() < 10000 {
		t.Errorf("the PDF is missing or nearly empty: %v", err)
	}
}

// BenchmarkReport builds the reports of the largest shipped strategy
// (lsc.yaml); cmd/engage's BenchmarkProcessReport* time the whole process.
func BenchmarkReport(b *testing.B) {
	r := annualReports(b)["lsc.yaml"]
	b.Run("markdown", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_ = (ReportMarkdown{}).Render(&bytes.Buffer{}, r)
		}
	})
	b.Run("html", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_ = (ReportHTML{}).Render(&bytes.Buffer{}, r)
		}
	})
	b.Run("xlsx", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_ = (ReportXLSX{}).Render(&bytes.Buffer{}, r)
		}
	})
}

// A sheet with columns to fill in but no rows prints as one with rows
// does: its table's columns alone, one page wide, the as-made column
// hidden (an empty Roadmap printed on three pages).
func TestEmptyInputSheetsPrint(t *testing.T) {
	r := annualReports(t)["mse.yaml"] // 2023/24: MSE sets objectives for 2022/23 alone
	if len(r.Objectives()) != 0 {
		t.Fatalf("MSE has %d objectives in 2023/24; the test wants none", len(r.Objectives()))
	}
	f := openWorkbook(t, reportExcel(t, r))
	areas := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Area" {
			areas[dn.Scope] = dn.RefersTo
		}
	}
	for sheet, want := range map[string]struct{ area, hidden string }{
		"Objectives": {"'Objectives'!$A:$J", "O"},
	} {
		if areas[sheet] != want.area {
			t.Errorf("%s prints %q, want %q", sheet, areas[sheet], want.area)
		}
		if visible, err := f.GetColVisible(sheet, want.hidden); err != nil || visible {
			t.Errorf("%s: the as-made column %s is visible (%v)", sheet, want.hidden, err)
		}
		pl, err := f.GetPageLayout(sheet)
		if err != nil || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: not one page wide (%+v, %v)", sheet, pl, err)
		}
	}
}
