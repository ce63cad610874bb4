// Package xlsxtest checks workbooks with a real reader: LibreOffice.
package xlsxtest

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// ReadWithLibreOffice converts every sheet of each workbook (by name, such
// as "lsc") to CSV with LibreOffice, cells as shown (dates, numbers and
// percentages in their formats), and checks it shows every cell as
// excelize reads it. It returns the folder the workbooks are in.
//
// Without soffice the test is skipped, loudly; with ENGAGE_REQUIRE_SOFFICE
// set (as make test does) it fails instead.
func ReadWithLibreOffice(t *testing.T, workbooks map[string][]byte) (dir string) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("ENGAGE_REQUIRE_SOFFICE") != "" {
			t.Fatal("LibreOffice (soffice) is not installed, and make test requires it: apt-get install libreoffice-calc-nogui")
		}
		t.Skip("SKIPPED: LibreOffice (soffice) is not installed, so the workbooks were not checked by a real reader; make test installs it")
	}
	dir = t.TempDir()
	names := make([]string, 0, len(workbooks))
	for name := range workbooks {
		names = append(names, name)
	}
	slices.Sort(names)
	var files []string
	for _, name := range names {
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, workbooks[name], 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	// One LibreOffice run for every workbook: it takes seconds to start.
	args := append([]string{Profile(dir), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", dir}, files...)
	out, err := exec.Command(soffice, args...).CombinedOutput()
	// soffice exits 0 even when it cannot load a file: read what it says,
	// and below, fail when a sheet's CSV is missing.
	if err != nil || bytes.Contains(out, []byte("Error:")) {
		t.Fatalf("LibreOffice could not convert the workbooks: %v\n%s", err, out)
	}
	for _, name := range names {
		f, err := excelize.OpenFile(filepath.Join(dir, name+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range f.GetSheetList() {
			want, _ := f.GetRows(sheet)
			data, err := os.ReadFile(filepath.Join(dir, name+"-"+sheet+".csv"))
			if err != nil {
				t.Fatalf("%s: LibreOffice wrote no CSV for sheet %s: %v\n%s", name, sheet, err, out)
			}
			got, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil {
				t.Fatalf("%s %s: %v", name, sheet, err)
			}
			compare(t, name+" "+sheet, trim(got), trim(want))
		}
		_ = f.Close()
	}
	return dir
}

// Profile is the soffice option that keeps its settings in dir.
func Profile(dir string) string {
	return "-env:UserInstallation=file://" + filepath.Join(dir, "profile")
}

// trim drops empty cells at the ends of rows and empty rows at the end.
func trim(rows [][]string) [][]string {
	for i, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		rows[i] = r
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}

func compare(t *testing.T, where string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: LibreOffice reads %d rows, want %d", where, len(got), len(want))
		return
	}
	for r := range want {
		if len(got[r]) != len(want[r]) {
			t.Errorf("%s row %d: LibreOffice reads %q, want %q", where, r+1, got[r], want[r])
			continue
		}
		for c := range want[r] {
			if got[r][c] == want[r][c] {
				continue
			}
			g, e1 := strconv.ParseFloat(got[r][c], 64)
			w, e2 := strconv.ParseFloat(want[r][c], 64)
			if e1 == nil && e2 == nil && (g-w < 1e-6 && w-g < 1e-6) {
				continue
			}
			t.Errorf("%s row %d column %d: LibreOffice reads %q, want %q", where, r+1, c+1, got[r][c], want[r][c])
		}
	}
}
