package compare

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/engage-icb/engage/internal/corpus"
	"github.com/engage-icb/engage/internal/xlsx/xlsxtest"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

var asOf = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func inputs(t testing.TB, paths ...string) []Input {
	t.Helper()
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var in []Input
	for _, p := range paths {
		doc, err := strategy.Load(p)
		if err != nil || doc.Strategy == nil {
			t.Fatalf("%s: %v", p, err)
		}
		fw, _ := fws.Get(doc.Strategy.FrameworkID())
		in = append(in, Input{Path: p, Strategy: doc.Strategy, Framework: fw})
	}
	return in
}

func shipped(t testing.TB) *Comparison {
	return Build(inputs(t, "../../strategies/dorset.yaml", "../../strategies/lsc.yaml", "../../strategies/mse.yaml", "../../strategies/snee.yaml"), asOf)
}

func TestBlocks(t *testing.T) {
	c := shipped(t)
	if len(c.Blocks) != 2 || c.Blocks[0].Framework.ID != "nhse-2022" || c.Blocks[1].Framework.ID != "stg-2018" {
		t.Fatalf("blocks: %+v", c.Blocks)
	}
	var labels []string
	for _, icb := range c.Blocks[0].ICBs {
		labels = append(labels, icb.Label())
		if len(icb.Grades) != 10 || icb.Ratings != nil {
			t.Errorf("%s: %d grades, ratings %v", icb.Label(), len(icb.Grades), icb.Ratings)
		}
	}
	if got := strings.Join(labels, ","); got != "L&SC,MSE,SNEE" {
		t.Errorf("national block: %s", got)
	}
	dorset := c.Blocks[1].ICBs[0]
	if len(c.Blocks[1].Principles) != 9 || dorset.Cell(0) != "? not-reported" || dorset.SelfAssessments != 1 {
		t.Errorf("Dorset: %d areas, cell %q, %d self-assessments", len(c.Blocks[1].Principles), dorset.Cell(0), dorset.SelfAssessments)
	}
	lsc := c.Blocks[0].ICBs[0]
	if !lsc.ReviewOverdue || lsc.InvolvementBody == "" || lsc.Objectives != 24 || lsc.Cell(1) != "● measured" {
		t.Errorf("L&SC: %+v", lsc)
	}
	if mse := c.Blocks[0].ICBs[1]; mse.ReviewOverdue || mse.InvolvementBody != "" || mse.Row()[10] != "none named" {
		t.Errorf("MSE: %+v", mse)
	}
}

func TestExcel(t *testing.T) {
	c := shipped(t)
	var a, b bytes.Buffer
	if err := c.WriteExcel(&a); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteExcel(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two workbooks of the same comparison differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
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
	if err := Build(inputs(t, paths...), asOf).WriteExcel(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// BenchmarkExcel42 compares 42 synthetic ICBs (40 objectives each) into a
// workbook, in process; cmd/engage's BenchmarkProcessCompare42 times the
// whole command (issue 7: under 300 ms).
func BenchmarkExcel42(b *testing.B) {
	b.ReportAllocs()
	paths, err := corpus.ICBs(b.TempDir(), 40)
	if err != nil {
		b.Fatal(err)
	}
	in := inputs(b, paths...)
	for b.Loop() {
		var out bytes.Buffer
		if err := Build(in, asOf).WriteExcel(&out); err != nil {
			b.Fatal(err)
		}
	}
}
