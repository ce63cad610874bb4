package render

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/engage-icb/engage/internal/corpus"
	"github.com/engage-icb/engage/internal/xlsx/xlsxtest"
	"github.com/engage-icb/engage/pkg/compare"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

var compareAsOf = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func compareInputs(t testing.TB, paths ...string) []compare.Input {
	t.Helper()
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var in []compare.Input
	for _, p := range paths {
		doc, err := strategy.Load(p, strategy.LoadOptions{})
		if err != nil || doc.Strategy == nil {
			t.Fatalf("%s: %v", p, err)
		}
		fw, _ := fws.Get(framework.Choose(doc.Strategy.Framework, ""))
		in = append(in, compare.Input{Path: p, Strategy: doc.Strategy, Framework: fw})
	}
	return in
}

func TestCompareExcel(t *testing.T) {
	c := compare.Build(compareInputs(t, "../../strategies/dorset.yaml", "../../strategies/lsc.yaml", "../../strategies/mse.yaml", "../../strategies/snee.yaml"), compareAsOf)
	var a, b bytes.Buffer
	if err := (CompareXLSX{}).Render(&a, c); err != nil {
		t.Fatal(err)
	}
	if err := (CompareXLSX{}).Render(&b, c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two workbooks of the same comparison differ")
	}
	f := openWorkbook(t, a.Bytes())
	if got := strings.Join(f.GetSheetList(), ","); got != "Matrix,Matrix stg-2018,ICBs,Grades,L&SC,MSE,SNEE,Dorset" {
		t.Errorf("sheets: %s", got)
	}
	if v, _ := f.GetCellValue("Matrix", "B3"); v != "● measured" {
		t.Errorf("Matrix B3 = %q", v)
	}
	if cf, _ := f.GetConditionalFormats("Matrix"); len(cf) != 1 {
		t.Errorf("Matrix has %d conditional formats, want the heat map", len(cf))
	}
	if charts := chartCount(t, a.Bytes()); charts != 1 {
		t.Errorf("%d charts, want 1", charts)
	}
	xlsxtest.ReadWithLibreOffice(t, map[string][]byte{"shipped": a.Bytes(), "icbs42": icbs42(t)})
}

func chartCount(t *testing.T, data []byte) int {
	return bytes.Count(data, []byte("xl/charts/chart")) / 2 // each part is named in the local header and the directory
}

func icbs42(t testing.TB) []byte {
	paths, err := corpus.ICBs(t.TempDir(), 40)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := (CompareXLSX{}).Render(&b, compare.Build(compareInputs(t, paths...), compareAsOf)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// BenchmarkCompareExcel42 compares 42 synthetic ICBs (40 objectives each)
// into a workbook, in process; cmd/engage's BenchmarkProcessCompare42
// times the whole command (issue 7: under 300 ms).
func BenchmarkCompareExcel42(b *testing.B) {
	b.ReportAllocs()
	paths, err := corpus.ICBs(b.TempDir(), 40)
	if err != nil {
		b.Fatal(err)
	}
	in := compareInputs(b, paths...)
	for b.Loop() {
		var out bytes.Buffer
		if err := (CompareXLSX{}).Render(&out, compare.Build(in, compareAsOf)); err != nil {
			b.Fatal(err)
		}
	}
}
